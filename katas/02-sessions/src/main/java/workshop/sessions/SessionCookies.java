package workshop.sessions;

import java.util.Map;

/** The {@code Set-Cookie} headers of a session: issue it, delete it (RFC 6265bis, OWASP Session Management). */
public final class SessionCookies {

    /** {@code __Host-}: the browser only accepts it with Secure, Path=/ and no Domain (RFC 6265bis 4.1.3.2). */
    public static final String NAME = "__Host-SESSION";

    private SessionCookies() {
    }

    /** S7 · the Set-Cookie value that carries a session ID. */
    public static String sessionCookie(String id) {
        throw new UnsupportedOperationException("S7 · the session cookie — see notebooks/02-sessions.ipynb, S7");
    }

    /** S7 · the Set-Cookie value that deletes the session cookie. */
    public static String logoutCookie() {
        throw new UnsupportedOperationException("S7 · the logout cookie — see notebooks/02-sessions.ipynb, S7");
    }

    /** S7 · the headers of a logout response, header name to value. */
    public static Map<String, String> logoutHeaders() {
        throw new UnsupportedOperationException("S7 · logout headers — see notebooks/02-sessions.ipynb, S7");
    }
}
