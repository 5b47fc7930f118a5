package workshop.attacks;

import java.util.Objects;

/** A CSRF defence refused a request; {@link #reason()} says why (given). */
public class CsrfRefused extends RuntimeException {

    /** Why a state-changing request is refused. */
    public enum Reason {
        /** A state change asked for with a safe method (GET): links, images and navigations can send it. */
        UNSAFE_METHOD,
        /** {@code Sec-Fetch-Site} says another site or another origin made the request. */
        CROSS_SITE,
        /** No {@code Sec-Fetch-Site}, and {@code Origin} names another origin than the bank's. */
        FOREIGN_ORIGIN,
        /** A signed-in request without the {@code csrf} form field. */
        MISSING_TOKEN,
        /** The {@code csrf} field is not the token of this request's session. */
        BAD_TOKEN
    }

    private final Reason reason;

    public CsrfRefused(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
