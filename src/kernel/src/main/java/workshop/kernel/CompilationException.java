package workshop.kernel;

import java.util.List;

/** The Java compiler rejected a snippet of the cell; nothing after it ran. */
public final class CompilationException extends CellException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the first compiler message
     * @param traceback every compiler message with the offending source line and a caret
     */
    public CompilationException(String message, List<String> traceback) {
        super(message, traceback);
    }
}
