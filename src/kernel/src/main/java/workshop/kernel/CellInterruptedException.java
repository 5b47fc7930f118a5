package workshop.kernel;

import java.util.List;

/** The cell was stopped by an interrupt (the ■ button) or by the kernel's time limit. */
public final class CellInterruptedException extends CellException {
    private static final long serialVersionUID = 1L;

    /** @param message why the cell stopped and what state the kernel is in */
    public CellInterruptedException(String message) {
        super(message, List.of(message));
    }
}
