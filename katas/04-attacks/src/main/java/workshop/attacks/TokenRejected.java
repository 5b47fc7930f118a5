package workshop.attacks;

import java.util.Objects;

/** A defence refused a token; {@link #reason()} says why. */
public class TokenRejected extends RuntimeException {

    /** Why a token is refused. */
    public enum Reason {
        /** Not three base64url parts of JSON objects. */
        MALFORMED,
        /** The header's {@code alg} is missing, {@code none} in any casing, or not the one the key is for. */
        ALGORITHM_NOT_ALLOWED,
        /** The signature does not match under the configured key (an empty signature never does). */
        BAD_SIGNATURE,
        /** The token names a key ({@code kid}) that the configuration does not hold, or none at all. */
        UNKNOWN_KEY,
        /** The current time is not before {@code exp}. */
        EXPIRED
    }

    private final Reason reason;

    public TokenRejected(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason);
    }

    public TokenRejected(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
