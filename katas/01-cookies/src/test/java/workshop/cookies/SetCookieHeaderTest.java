package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(4)
@DisplayName("Writing a Set-Cookie header (server side)")
class SetCookieHeaderTest {

    @Test
    @Order(1)
    @DisplayName("C5 · a cookie without attributes is just name=value")
    void bareCookie() {
        assertThat(SetCookieBuilder.cookie("theme", "dark").toHeaderValue())
                .as("RFC 6265 4.1: Set-Cookie: name=value, then optional '; '-separated attributes").isEqualTo("theme=dark");
    }

    @Test
    @Order(2)
    @DisplayName("C5 · attributes follow in a fixed order, each after '; '")
    void attributesInOrder() {
        String header = SetCookieBuilder.cookie("SID", "abc").domain("site.example").path("/app").maxAge(Duration.ofHours(1))
                .secure().httpOnly().sameSite(SameSite.STRICT).toHeaderValue();
        assertThat(header)
                .as("order: name=value; Domain; Path; Max-Age (whole seconds); Secure; HttpOnly; SameSite (written Strict/Lax/None)")
                .isEqualTo("SID=abc; Domain=site.example; Path=/app; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
    }

    @Test
    @Order(3)
    @DisplayName("C5 · the browser's parser reads back what the builder writes")
    void roundTrip() {
        String header = SetCookieBuilder.cookie("lang", "en").path("/").sameSite(SameSite.LAX).toHeaderValue();
        SetCookie cookie = SetCookieParser.parse(header).orElseThrow();
        assertThat(cookie.name() + "=" + cookie.value() + " Path=" + cookie.attribute("Path").orElse("?")
                + " SameSite=" + cookie.attribute("SameSite").orElse("?"))
                .as("header '%s' should read back as the same cookie", header).isEqualTo("lang=en Path=/ SameSite=Lax");
    }
}
