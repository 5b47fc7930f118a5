package workshop.kernel;

import java.util.List;

/**
 * A cell failed in a way the learner should read: the kernel reports it as a Jupyter error whose
 * name is the simple class name (as IJava does) and whose traceback is {@link #traceback()}.
 */
public abstract class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> traceback;

    /**
     * @param message the one-line summary shown as the error value
     * @param traceback the lines shown under it; readable text, no kernel internals
     */
    protected CellException(String message, List<String> traceback) {
        super(message, null, false, false);
        this.traceback = List.copyOf(traceback);
    }

    /** @return the readable lines explaining the failure */
    public List<String> traceback() {
        return traceback;
    }
}
