package workshop.kernel;

import java.util.List;

/** The cell's code threw an exception while running; the rest of the cell was skipped. */
public final class EvalException extends CellException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the exception class and message, e.g. {@code java.lang.IllegalStateException: boom}
     * @param traceback the stack trace with kernel frames left out
     */
    public EvalException(String message, List<String> traceback) {
        super(message, traceback);
    }
}
