package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
import workshop.katasupport.OneLine;

@Order(10)
@DisplayName("A Set-Cookie builder that refuses insecure cookies")
class SecureDefaultsTest {

    /** build() must refuse: the failure says "your code did not throw" and what build() returned instead. */
    private static InsecureCookieException refused(String what, ExpectThrow.Call build, String why) {
        return ExpectThrow.expect(InsecureCookieException.class, what, build, why);
    }

    /** The refusal's message must help the developer who reads it in a log: it names what to fix. */
    private static void namesTheFix(InsecureCookieException refusal, String word) {
        assertThat(refusal.getMessage())
                .as("the InsecureCookieException is right, but its message should say how to fix the cookie (mention '%s')", word)
                .contains(word);
    }

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
        namesTheFix(refused("cookie(\"widget\", \"1\").path(\"/\").sameSite(NONE).build()",
                () -> SetCookieBuilder.cookie("widget", "1").path("/").sameSite(SameSite.NONE).build(),
                "browsers drop SameSite=None without Secure (RFC 6265bis 5.7): refuse it with an InsecureCookieException that says so"),
                "Secure");
    }

    @Test
    @Order(3)
    @DisplayName("C16 · a __Secure- cookie without Secure is refused")
    void securePrefixWithoutSecure() {
        namesTheFix(refused("cookie(\"__Secure-pref\", \"1\").path(\"/\").build()",
                () -> SetCookieBuilder.cookie("__Secure-pref", "1").path("/").build(),
                "RFC 6265bis 4.1.3.1: the browser would drop it — fail at build time instead of silently in production"),
                "__Secure-");
    }

    @Test
    @Order(4)
    @DisplayName("C16 · a __Host- cookie needs Secure, Path=/ and no Domain")
    void hostPrefixRules() {
        String rule = "RFC 6265bis 4.1.3.2: a __Host- cookie needs Secure and Path=/ and has no Domain, or the browser drops it";
        namesTheFix(refused("cookie(\"__Host-id\", \"1\").path(\"/\").build() (no Secure)",
                () -> SetCookieBuilder.cookie("__Host-id", "1").path("/").build(), rule), "__Host-");
        namesTheFix(refused("cookie(\"__Host-id\", \"1\").path(\"/app\").secure().build()",
                () -> SetCookieBuilder.cookie("__Host-id", "1").path("/app").secure().build(), rule), "Path=/");
        namesTheFix(refused("cookie(\"__Host-id\", \"1\").path(\"/\").domain(\"site.example\").secure().build()",
                () -> SetCookieBuilder.cookie("__Host-id", "1").path("/").domain("site.example").secure().build(), rule), "Domain");
    }

    @Test
    @Order(5)
    @DisplayName("C16 · a lifetime over 400 days is refused")
    void tooLongLifetime() {
        namesTheFix(refused("cookie(\"theme\", \"dark\").maxAge(401 days).secure().build()",
                () -> SetCookieBuilder.cookie("theme", "dark").maxAge(Duration.ofDays(401)).secure().build(),
                "RFC 6265bis 5.6.2 caps cookies at 400 days: asking for more is a bug the browser would silently 'fix'"), "400");
        assertThat(SetCookieBuilder.cookie("theme", "dark").maxAge(Duration.ofDays(400)).secure().build())
                .as("exactly 400 days is fine").isEqualTo("theme=dark; Max-Age=34560000; Secure");
    }

    @Test
    @Order(6)
    @DisplayName("C16 · invalid characters in the name, value, Path or Domain are refused")
    void invalidCharacters() {
        for (String[] bad : new String[][] {{"my cookie", "1"}, {"a=b", "1"}, {"pref", "a;b"}, {"pref", "two words"},
                {"pref", "line\nbreak"}, {"pref", "x\"y"}}) {
            refused("cookie(\"" + OneLine.text(bad[0]) + "\", \"" + OneLine.text(bad[1]) + "\").secure().build()",
                    () -> SetCookieBuilder.cookie(bad[0], bad[1]).secure().build(),
                    "RFC 6265 4.1.1: a name is a token, a value uses cookie-octets only (no space, ';', ',', '\"', '\\' or control"
                            + " characters). A ';' in a value would inject attributes");
        }
        for (String badPath : new String[] {"/\r\nSet-Cookie: admin=1", "/app\nX-Injected: 1", "/app; Domain=evil.example",
                "/tab\there", "app"}) {
            refused("cookie(\"pref\", \"1\").path(\"" + OneLine.text(badPath) + "\").secure().build()",
                    () -> SetCookieBuilder.cookie("pref", "1").path(badPath).secure().build(),
                    "RFC 6265 4.1.1 path-value: a Path starts with '/' and holds no control characters and no ';'. A CR LF ends"
                            + " the header line and starts a new one (HTTP response splitting: an attacker adds their own"
                            + " Set-Cookie), a ';' adds attributes of their choice (attribute injection)");
        }
        for (String badDomain : new String[] {"x.example; SameSite=None", "x.example\r\nSet-Cookie: admin=1", "x .example",
                "x.example/path", "under_score.example", "-x.example", "x..example", ".x.example"}) {
            refused("cookie(\"pref\", \"1\").domain(\"" + OneLine.text(badDomain) + "\").secure().build()",
                    () -> SetCookieBuilder.cookie("pref", "1").domain(badDomain).secure().build(),
                    "RFC 6265 4.1.1 domain-value: a Domain is a host name — labels of letters, digits and '-' joined by dots, no"
                            + " leading dot (browsers ignore it, the grammar does not allow it). Anything else lets a caller"
                            + " inject attributes (';') or split the response (CR LF)");
        }
        assertThat(SetCookieBuilder.cookie("pref", "1").domain("Site-1.example").path("/my docs/~v2").secure().build())
                .as("a host name with digits and '-', and a path with a space and '~', are fine")
                .isEqualTo("pref=1; Domain=Site-1.example; Path=/my docs/~v2; Secure");
    }
}
