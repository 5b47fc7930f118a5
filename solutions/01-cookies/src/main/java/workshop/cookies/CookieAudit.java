package workshop.cookies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** Cookie names that usually carry a session ID: JSESSIONID, PHPSESSID, sessionid, connect.sid, SID, __Host-session… */
    private static final Pattern SESSION_NAME = Pattern.compile("(?i).*(sess|sid|auth|token|login).*");

    private CookieAudit() {
    }

    /** Whether a cookie name looks like it holds a session ID (the audit is stricter about those). */
    public static boolean looksLikeSessionId(String cookieName) {
        return SESSION_NAME.matcher(cookieName).matches();
    }

    /**
     * C17 · the findings for a response's {@code Set-Cookie} headers: for every cookie a missing
     * {@code Secure}, a missing {@code SameSite}, {@code SameSite=None} without {@code Secure}; for a
     * session-ID cookie also a missing {@code HttpOnly}, a {@code Domain} and an expiry. Deletions
     * ({@code Max-Age=0}) and unparsable headers are skipped.
     */
    public static List<Finding> audit(List<String> setCookieHeaders) {
        List<Finding> findings = new ArrayList<>();
        for (String header : setCookieHeaders) {
            Optional<SetCookie> parsed = SetCookieParser.parse(header);
            if (parsed.isEmpty() || parsed.get().attribute("Max-Age").filter(m -> m.matches("0+|-\\d+")).isPresent()) {
                continue;
            }
            SetCookie c = parsed.get();
            String name = c.name();
            Optional<String> sameSite = c.attribute("SameSite");
            if (!c.secure()) {
                findings.add(new Finding(name, Issue.MISSING_SECURE));
            }
            if (sameSite.isEmpty()) {
                findings.add(new Finding(name, Issue.MISSING_SAMESITE));
            } else if (Ascii.equalsIgnoreCase(sameSite.get(), "None") && !c.secure()) {
                findings.add(new Finding(name, Issue.SAMESITE_NONE_WITHOUT_SECURE));
            }
            if (looksLikeSessionId(name)) {
                if (!c.httpOnly()) {
                    findings.add(new Finding(name, Issue.MISSING_HTTPONLY));
                }
                if (c.attribute("Domain").isPresent()) {
                    findings.add(new Finding(name, Issue.DOMAIN_TOO_BROAD));
                }
                if (c.attribute("Expires").isPresent() || c.attribute("Max-Age").isPresent()) {
                    findings.add(new Finding(name, Issue.PERSISTENT_SESSION_ID));
                }
            }
        }
        return findings;
    }
}
