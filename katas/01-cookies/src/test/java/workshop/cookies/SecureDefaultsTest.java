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
    @DisplayName("C16 · invalid characters in the name or value are refused")
    void invalidCharacters() {
        for (String[] bad : new String[][] {{"my cookie", "1"}, {"a=b", "1"}, {"pref", "a;b"}, {"pref", "two words"},
                {"pref", "line\nbreak"}, {"pref", "x\"y"}}) {
            assertThatThrownBy(() -> SetCookieBuilder.cookie(bad[0], bad[1]).secure().build())
                    .as("RFC 6265 4.1.1: name '%s' / value '%s' — a name is a token, a value uses cookie-octets only (no space,"
                            + " ';', ',', '\"', '\\\\' or control characters). A ';' in a value would inject attributes!", bad[0], bad[1])
                    .isInstanceOf(InsecureCookieException.class);
        }
    }
}
