package workshop.attacks;

/** Blue team: the bank's session cookie, as it should be set (OWASP Session Management cheat sheet). */
public final class SessionCookie {

    private SessionCookie() {
    }

    /**
     * A16 · the {@code Set-Cookie} value for a new session ID: out of scripts' reach, HTTPS only (loopback counts as
     * secure), for the whole site, and not sent on cross-site subrequests.
     */
    public static String setCookie(String sessionId) {
        return "__Host-session=" + sessionId + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    }
}
