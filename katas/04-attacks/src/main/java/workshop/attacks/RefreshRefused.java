package workshop.attacks;

import java.util.Objects;

/** A refresh token was refused; {@link #reason()} says why. */
public final class RefreshRefused extends RuntimeException {

    /** Why a refresh token is refused. */
    public enum Reason {
        /** Never issued here (or forgotten). */
        UNKNOWN,
        /** Issued to another client: refresh tokens are bound to the client they were issued to (RFC 6749 6). */
        WRONG_CLIENT,
        /** Already used once: a second use means two parties hold it (RFC 9700 4.14.2); the family is revoked. */
        REUSED,
        /** Its family was revoked after a reuse: the user must log in again. */
        REVOKED
    }

    private final Reason reason;

    public RefreshRefused(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
