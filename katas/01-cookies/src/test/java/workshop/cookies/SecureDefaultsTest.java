package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(10)
@DisplayName("A Set-Cookie builder that refuses insecure cookies")
class SecureDefaultsTest {

    @Test
    @Order(1)
    @DisplayName("C16 · a well-configured session cookie is built")
    void secureSessionCookie() {
        assertThat(SetCookieBuilder.cookie("__Host-SID", "q8Zk3").path("/").secure().httpOnly().sameSite(SameSite.LAX).build())
                .as("OWASP Session Management: __Host- prefix, Path=/, Secure, HttpOnly, SameSite, no Domain, no expiry")
                .isEqualTo("__Host-SID=q8Zk3; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    @Order(2)
    @DisplayName("C16 · SameSite=None without Secure is refused")
    void noneWithoutSecure() {
        assertThatThrownBy(() -> SetCookieBuilder.cookie("widget", "1").path("/").sameSite(SameSite.NONE).build())
                .as("browsers drop SameSite=None without Secure (RFC 6265bis): refuse with an InsecureCookieException that says so")
                .isInstanceOf(InsecureCookieException.class).hasMessageContaining("Secure");
    }

    @Test
    @Order(3)
    @DisplayName("C16 · a __Secure- cookie without Secure is refused")
    void securePrefixWithoutSecure() {
        assertThatThrownBy(() -> SetCookieBuilder.cookie("__Secure-pref", "1").path("/").build())
                .as("RFC 6265bis 4.1.3.1: the browser would drop it — fail at build time instead of silently in production")
                .isInstanceOf(InsecureCookieException.class).hasMessageContaining("__Secure-");
    }

    @Test
    @Order(4)
    @DisplayName("C16 · a __Host- cookie needs Secure, Path=/ and no Domain")
    void hostPrefixRules() {
        assertThatThrownBy(() -> SetCookieBuilder.cookie("__Host-id", "1").path("/").build())
                .as("__Host- without Secure").isInstanceOf(InsecureCookieException.class).hasMessageContaining("__Host-");
        assertThatThrownBy(() -> SetCookieBuilder.cookie("__Host-id", "1").path("/app").secure().build())
                .as("__Host- with Path=/app").isInstanceOf(InsecureCookieException.class).hasMessageContaining("Path=/");
        assertThatThrownBy(() -> SetCookieBuilder.cookie("__Host-id", "1").path("/").domain("site.example").secure().build())
                .as("__Host- with a Domain").isInstanceOf(InsecureCookieException.class).hasMessageContaining("Domain");
    }

    @Test
    @Order(5)
    @DisplayName("C16 · a lifetime over 400 days is refused")
    void tooLongLifetime() {
        assertThatThrownBy(() -> SetCookieBuilder.cookie("theme", "dark").maxAge(Duration.ofDays(401)).secure().build())
                .as("RFC 6265bis caps cookies at 400 days: asking for more is a bug the browser would silently 'fix'")
                .isInstanceOf(InsecureCookieException.class).hasMessageContaining("400");
        assertThat(SetCookieBuilder.cookie("theme", "dark").maxAge(Duration.ofDays(400)).secure().build())
                .as("exactly 400 days is fine").isEqualTo("theme=dark; Max-Age=34560000; Secure");
    }

    @Test
    @Order(6)
    @DisplayName("C16 · invalid characters in the name, value, Path or Domain are refused")
    void invalidCharacters() {
        for (String[] bad : new String[][] {{"my cookie", "1"}, {"a=b", "1"}, {"pref", "a;b"}, {"pref", "two words"},
                {"pref", "line\nbreak"}, {"pref", "x\"y"}}) {
            assertThatThrownBy(() -> SetCookieBuilder.cookie(bad[0], bad[1]).secure().build())
                    .as("RFC 6265 4.1.1: name '%s' / value '%s' — a name is a token, a value uses cookie-octets only (no space,"
                            + " ';', ',', '\"', '\\\\' or control characters). A ';' in a value would inject attributes!", bad[0], bad[1])
                    .isInstanceOf(InsecureCookieException.class);
        }
        for (String badPath : new String[] {"/\r\nSet-Cookie: admin=1", "/app\nX-Injected: 1", "/app; Domain=evil.example",
                "/tab\there", "app"}) {
            assertThatThrownBy(() -> SetCookieBuilder.cookie("pref", "1").path(badPath).secure().build())
                    .as("RFC 6265 4.1.1 path-value: Path '%s' must start with '/' and hold no control characters and no ';'."
                            + " A CR LF ends the header line and starts a new one (HTTP response splitting: an attacker adds"
                            + " their own Set-Cookie), a ';' adds attributes of their choice (attribute injection)",
                            badPath.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"))
                    .isInstanceOf(InsecureCookieException.class);
        }
        for (String badDomain : new String[] {"x.example; SameSite=None", "x.example\r\nSet-Cookie: admin=1", "x .example",
                "x.example/path", "under_score.example", "-x.example", "x..example", ".x.example"}) {
            assertThatThrownBy(() -> SetCookieBuilder.cookie("pref", "1").domain(badDomain).secure().build())
                    .as("RFC 6265 4.1.1 domain-value: Domain '%s' must be a host name — labels of letters, digits and '-'"
                            + " joined by dots, no leading dot (browsers ignore it, the grammar does not allow it). Anything"
                            + " else lets a caller inject attributes (';') or split the response (CR LF)",
                            badDomain.replace("\r", "\\r").replace("\n", "\\n"))
                    .isInstanceOf(InsecureCookieException.class);
        }
        assertThat(SetCookieBuilder.cookie("pref", "1").domain("Site-1.example").path("/my docs/~v2").secure().build())
                .as("a host name with digits and '-', and a path with a space and '~', are fine")
                .isEqualTo("pref=1; Domain=Site-1.example; Path=/my docs/~v2; Secure");
    }
}
