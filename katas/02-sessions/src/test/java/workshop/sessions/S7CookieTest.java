package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(7)
@DisplayName("S7 · the session cookie")
class S7CookieTest {

    // A sample ID as SessionIdGenerator makes them (22 base64url characters = 128 bits).
    private static final String ID = "mJ3xZ0w4k1oV2p9QeTq7Ag";

    @Test
    @Order(1)
    @DisplayName("S7 · the session cookie is __Host- prefixed, Secure, HttpOnly and SameSite=Lax")
    void sessionCookie() {
        assertThat(SessionCookies.sessionCookie(ID))
                .as("__Host- needs Secure and Path=/ and forbids Domain (RFC 6265bis 4.1.3.2); HttpOnly keeps it from scripts; "
                        + "SameSite=Lax keeps it off cross-site POSTs")
                .isEqualTo("__Host-SESSION=" + ID + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    @Order(2)
    @DisplayName("S7 · the session cookie has no Domain, Expires or Max-Age")
    void noLifetime() {
        assertThat(SessionCookies.sessionCookie(ID).toLowerCase())
                .as("a session cookie: no Expires/Max-Age, so the browser forgets it when it closes; the server's timeouts do the rest. "
                        + "No Domain: sent to this host only")
                .doesNotContain("domain").doesNotContain("expires").doesNotContain("max-age");
    }

    @Test
    @Order(3)
    @DisplayName("S7 · the logout cookie has the same name and attributes, an empty value and Max-Age=0")
    void logoutCookie() {
        assertThat(SessionCookies.logoutCookie())
                .as("a browser replaces a cookie only if name, domain and path match; Max-Age=0 then deletes it (RFC 6265bis 5.6)")
                .isEqualTo("__Host-SESSION=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    @Test
    @Order(4)
    @DisplayName("S7 · the logout response forbids caching")
    void logoutHeaders() {
        assertThat(SessionCookies.logoutHeaders())
                .as("OWASP: send Cache-Control: no-store so no shared cache keeps a page (or a Set-Cookie) of the ended session")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Set-Cookie", SessionCookies.logoutCookie());
    }

    @Test
    @Order(5)
    @DisplayName("S7 · only a real ID goes into the cookie (no header injection)")
    void refusesNonIds() {
        assertThatIllegalArgumentException()
                .as("a value with ';' would add attributes of the caller's choice (e.g. '; Domain=evil.example'): refuse it")
                .isThrownBy(() -> SessionCookies.sessionCookie("abc; Domain=evil.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> SessionCookies.sessionCookie("abc\r\nSet-Cookie: admin=1"));
    }
}
