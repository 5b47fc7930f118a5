package workshop.jwt;

import java.util.Objects;

/** A token was refused; {@link #reason()} says why, the message says what to check. */
public class TokenRejected extends RuntimeException {

    /** Why a token is refused. */
    public enum Reason {
        /**
         * Not three base64url parts of JSON; an unreadable or missing required claim ({@code exp}); a NumericDate
         * ({@code exp}, {@code nbf}, {@code iat}) that is not a number in range; or a malformed {@code crit} header.
         */
        MALFORMED,
        /** The header's {@code alg} is missing, {@code none}, or not on the verifier's allow-list. */
        ALGORITHM_NOT_ALLOWED,
        /** The signature does not match the header and payload under the verifier's key. */
        BAD_SIGNATURE,
        /** The current time is not before {@code exp} (plus the allowed clock skew). */
        EXPIRED,
        /** The current time is before {@code nbf} (minus the allowed clock skew). */
        NOT_YET_VALID,
        /** {@code iss} is missing or not the expected issuer. */
        WRONG_ISSUER,
        /** {@code aud} is missing or does not contain this API. */
        WRONG_AUDIENCE,
        /** The header has {@code zip}: compressed payloads are refused, never inflated. */
        COMPRESSED,
        /** Longer than the verifier's limit: refused before any parsing. */
        TOO_LARGE,
        /** No public key with the token's {@code kid} is published. */
        UNKNOWN_KEY,
        /** The header's {@code typ} is missing or not {@code at+jwt}: not an access token (RFC 8725 3.11, RFC 9068). */
        WRONG_TYPE,
        /** The header's {@code crit} names an extension this verifier does not implement (RFC 7515 4.1.11). */
        UNSUPPORTED_CRITICAL
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
