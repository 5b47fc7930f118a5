package workshop.cookies;

import java.util.List;

/** Reviews a server's {@code Set-Cookie} headers the way a security review or a scanner would (OWASP Session Management). */
public final class CookieAudit {

    /** What can be wrong with a cookie; {@link #advice()} says how to fix it. */
    public enum Issue {
        MISSING_HTTPONLY("a session ID must be HttpOnly, so a script injected by XSS cannot read it"),
        MISSING_SECURE("without Secure the cookie also travels over plain http, where anyone on the network reads it"),
        SAMESITE_NONE_WITHOUT_SECURE("SameSite=None without Secure is rejected by browsers (RFC 6265bis)"),
        MISSING_SAMESITE("set SameSite explicitly (Lax or Strict): browsers differ on the default"),
        DOMAIN_TOO_BROAD("a Domain attribute sends the session ID to every subdomain; omit it (host-only, or use __Host-)"),
        PERSISTENT_SESSION_ID("a session ID with Expires/Max-Age survives closing the browser; send it without either");

        private final String advice;

        Issue(String advice) {
            this.advice = advice;
        }

        /** One sentence: why it matters and what to do. */
        public String advice() {
            return advice;
        }
    }

    /** One problem with one cookie. */
    public record Finding(String cookie, Issue issue) {
        @Override
        public String toString() {
            return cookie + ": " + issue + " — " + issue.advice();
        }
    }

    private CookieAudit() {
    }

    /** Whether a cookie name looks like it holds a session ID (the audit is stricter about those). */
    public static boolean looksLikeSessionId(String cookieName) {
        throw new UnsupportedOperationException("C17 · cookie audit — see notebooks/01-cookies.ipynb, C17");
    }

    /**
     * C17 · the findings for a response's {@code Set-Cookie} headers: for every cookie a missing
     * {@code Secure}, a missing {@code SameSite}, {@code SameSite=None} without {@code Secure}; for a
     * session-ID cookie also a missing {@code HttpOnly}, a {@code Domain} and an expiry. Deletions
     * ({@code Max-Age=0}) and unparsable headers are skipped.
     */
    public static List<Finding> audit(List<String> setCookieHeaders) {
        throw new UnsupportedOperationException("C17 · cookie audit — see notebooks/01-cookies.ipynb, C17");
    }
}
