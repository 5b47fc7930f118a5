package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(7)
@DisplayName("S7 · the session cookie")
class S7CookieTest {

    // A sample ID as SessionIdGenerator makes them (22 base64url characters = 128 bits).
    private static final String ID = "mJ3xZ0w4k1oV2p9QeTq7Ag";

    /** A Set-Cookie value split at ';': the first part is name=value, the attributes follow in any order. */
    private record SetCookie(String nameValue, Set<String> attributes, String text) {
        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            Set<String> attributes = new LinkedHashSet<>();
            for (int i = 1; i < parts.length; i++) {
                // attribute names and the SameSite value are case-insensitive (RFC 6265bis 5.6)
                attributes.add(parts[i].strip().toLowerCase(Locale.ROOT));
            }
            return new SetCookie(parts[0].strip(), attributes, header);
        }

        Set<String> attributeNames() {
            Set<String> names = new LinkedHashSet<>();
            attributes.forEach(a -> names.add(a.contains("=") ? a.substring(0, a.indexOf('=')).strip() : a));
            return names;
        }
    }

    @Test
    @Order(1)
    @DisplayName("S7 · the session cookie is __Host- prefixed, Secure, HttpOnly and SameSite=Lax")
    void sessionCookie() {
        SetCookie cookie = SetCookie.parse(SessionCookies.sessionCookie(ID));
        assertThat(cookie.nameValue()).as("Set-Cookie starts with name=value: %s", cookie.text()).isEqualTo("__Host-SESSION=" + ID);
        assertThat(cookie.attributes())
                .as("__Host- needs Secure and Path=/ and forbids Domain (RFC 6265bis 4.1.3.2); HttpOnly keeps it from scripts; "
                        + "SameSite=Lax keeps it off cross-site POSTs. The order of the attributes does not matter. Got: %s", cookie.text())
                .contains("path=/", "secure", "httponly", "samesite=lax");
    }

    @Test
    @Order(2)
    @DisplayName("S7 · the session cookie has no Domain, Expires or Max-Age")
    void noLifetime() {
        SetCookie cookie = SetCookie.parse(SessionCookies.sessionCookie(ID));
        assertThat(cookie.attributeNames())
                .as("a session cookie: no Expires/Max-Age, so the browser forgets it when it closes; the server's timeouts do the rest. "
                        + "No Domain: sent to this host only (and __Host- refuses it). Got: %s", cookie.text())
                .doesNotContain("domain", "expires", "max-age");
    }

    @Test
    @Order(3)
    @DisplayName("S7 · the logout cookie has the same name and attributes, an empty value and Max-Age=0")
    void logoutCookie() {
        SetCookie cookie = SetCookie.parse(SessionCookies.logoutCookie());
        assertThat(cookie.nameValue()).as("same name, empty value: %s", cookie.text()).isEqualTo("__Host-SESSION=");
        assertThat(cookie.attributes())
                .as("a browser replaces a cookie only if name, domain and path match, and a __Host- cookie needs Secure and Path=/ "
                        + "even to be deleted; Max-Age=0 then deletes it (RFC 6265bis 5.6). Any order. Got: %s", cookie.text())
                .containsExactlyInAnyOrder("path=/", "secure", "httponly", "samesite=lax", "max-age=0");
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
