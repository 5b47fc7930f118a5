package workshop.kernel;

import java.util.List;

/** A magic such as {@code %jars} or {@code %maven} could not do what it was asked. */
public final class MagicException extends CellException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public MagicException(String message) {
        super(message, List.of(message));
    }
}
