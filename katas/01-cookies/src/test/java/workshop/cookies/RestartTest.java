package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.simulator.MutableClock;

@Order(9)
@DisplayName("Closing the browser")
class RestartTest {

    private static final URI SITE = URI.create("https://site.example/docs/page");

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final CookieJar jar = new CookieJar(clock);

    private void fill() {
        jar.setCookie(SITE, "sid=abc; Path=/; Secure; HttpOnly");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(SITE, "theme=dark; Path=/; Max-Age=86400");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(SITE, "toc=open; Path=/docs; Max-Age=3600; SameSite=Strict");
        clock.advance(Duration.ofSeconds(1));
        jar.setCookie(SITE, "lang=en; Path=/; Max-Age=3600");
    }

    @Test
    @Order(1)
    @DisplayName("C15 · a restart drops session cookies and keeps persistent ones")
    void restartDropsSessionCookies() {
        fill();
        jar.restart();
        assertThat(jar.cookies()).extracting(Cookie::name)
                .as("RFC 6265 5.3: a cookie without expiry lives until 'the current session is over' — a browser restart;"
                        + " cookies with Expires/Max-Age survive")
                .containsExactly("theme", "toc", "lang");
    }

    @Test
    @Order(2)
    @DisplayName("C15 · saved persistent cookies load back with their attributes and order")
    void saveAndLoadRoundTrip(@TempDir Path dir) {
        fill();
        Path file = dir.resolve("cookies.txt");
        String before = jar.cookieHeader(SITE).orElse("(none)");
        jar.save(file);
        CookieJar reloaded = CookieJar.load(file, clock);
        assertThat(reloaded.cookies())
                .as("load(save()) gives back every persistent cookie unchanged — name, value, domain, path, expiry, creation,"
                        + " flags — and never the session cookie sid")
                .containsExactlyElementsOf(jar.cookies().stream().filter(Cookie::persistent).toList());
        assertThat(reloaded.cookieHeader(SITE).orElse("(none)"))
                .as("so the reloaded jar sends the same header, minus the session cookie (file:%n%s)", read(file))
                .isEqualTo(before.replace("sid=abc; ", ""));
    }

    @Test
    @Order(3)
    @DisplayName("C15 · loading skips cookies that expired while the browser was closed")
    void loadSkipsExpired(@TempDir Path dir) {
        fill();
        Path file = dir.resolve("cookies.txt");
        jar.save(file);
        clock.advance(Duration.ofHours(2));
        assertThat(CookieJar.load(file, clock).cookies()).extracting(Cookie::name)
                .as("two hours later the one-hour cookies (toc, lang) have expired; theme (one day) remains").containsExactly("theme");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
