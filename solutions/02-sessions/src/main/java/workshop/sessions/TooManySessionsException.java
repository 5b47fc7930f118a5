package workshop.sessions;

/** S4 · the store is full: it refuses a new session rather than run out of memory. */
public final class TooManySessionsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TooManySessionsException(String message) {
        super(message);
    }
}
