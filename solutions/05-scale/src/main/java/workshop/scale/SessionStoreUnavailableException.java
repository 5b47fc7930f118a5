package workshop.scale;

/**
 * X6 · the shared session store (or deny list) could not answer: Redis is down, refused the connection or did not
 * answer within its timeout. The app turns it into a 503 and treats nobody as logged in (fail closed).
 */
public final class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
