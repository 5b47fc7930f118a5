package workshop.sessions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code Set-Cookie} headers of a session: issue it, delete it (RFC 6265bis, OWASP Session Management). */
public final class SessionCookies {

    /** {@code __Host-}: the browser only accepts it with Secure, Path=/ and no Domain (RFC 6265bis 4.1.3.2). */
    public static final String NAME = "__Host-SESSION";

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private SessionCookies() {
    }

    /** S7 · the cookie that carries a session ID: a session cookie, so no Expires and no Max-Age. */
    public static String sessionCookie(String id) {
        if (id == null || !BASE64URL.matcher(id).matches()) {
            throw new IllegalArgumentException("A session ID is base64url text (A-Z a-z 0-9 - _); refusing to put "
                    + (id == null ? "null" : id.length() + " other characters") + " into a Set-Cookie header.");
        }
        return NAME + "=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    }

    /** S7 · the cookie that deletes the session cookie: same name and attributes, empty value, Max-Age=0. */
    public static String logoutCookie() {
        return NAME + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
    }

    /** S7 · the headers of a logout response: delete the cookie, and no cache keeps the page. */
    public static Map<String, String> logoutHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", logoutCookie());
        headers.put("Cache-Control", "no-store");
        return headers;
    }
}
