package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.CookieSite;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;

@Order(13)
@DisplayName("End to end: a cookie-aware client against the cookie site")
class EndToEndTest {

    private static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension site = SimulatorExtension.of(CookieSite::start, clock);

    private final CookieJar jar = new CookieJar(clock);
    private final CookieAwareClient browser = new CookieAwareClient(jar);

    private String echo() {
        return browser.get(site.uri("/echo")).body().strip();
    }

    @Test
    @Order(1)
    @DisplayName("C19 · a preference cookie is set and sent back on the next request")
    void preferenceRoundTrip() {
        HttpResponse<String> set = browser.get(site.uri("/prefs?theme=dark"));
        assertThat(set.statusCode()).as("GET /prefs?theme=dark should succeed:%n%s", site.lastExchange()).isEqualTo(200);
        assertThat(echo())
                .as("the client must store the Set-Cookie of /prefs in the jar and send it as a Cookie header on /echo:%n%s",
                        site.transcript())
                .isEqualTo("Cookie: theme=dark");
    }

    @Test
    @Order(2)
    @DisplayName("C19 · after its Max-Age the cookie is no longer sent")
    void maxAgeExpiresOnTheSharedClock() {
        browser.get(site.uri("/prefs?theme=dark"));
        clock.advance(CookieSite.PREFERENCE_LIFETIME.minusSeconds(1));
        assertThat(echo()).as("one second before its Max-Age (%s) is over it is still sent", CookieSite.PREFERENCE_LIFETIME)
                .isEqualTo("Cookie: theme=dark");
        clock.advance(Duration.ofSeconds(2));
        assertThat(echo())
                .as("Max-Age=%d is over (clock %s): the jar must not send it:%n%s",
                        CookieSite.PREFERENCE_LIFETIME.toSeconds(), clock.instant(), site.lastExchange())
                .isEqualTo("Cookie: (no Cookie header)");
    }

    @Test
    @Order(3)
    @DisplayName("C19 · an Expires date from the server's clock ends the cookie at that time")
    void expiresFromServerClock() {
        browser.get(site.uri("/remember?theme=light"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(echo()).as("/remember sets Expires one hour ahead (server clock): sent after 59 minutes:%n%s", site.transcript())
                .isEqualTo("Cookie: theme=light");
        clock.advance(Duration.ofMinutes(2));
        assertThat(echo()).as("not sent after 61 minutes").isEqualTo("Cookie: (no Cookie header)");
    }

    @Test
    @Order(4)
    @DisplayName("C19 · /forget deletes the cookie with Max-Age=0")
    void forgetDeletes() {
        browser.get(site.uri("/prefs?theme=dark"));
        browser.get(site.uri("/forget"));
        assertThat(echo()).as("Set-Cookie: theme=; Path=/; Max-Age=0 must remove the theme cookie:%n%s", site.transcript())
                .isEqualTo("Cookie: (no Cookie header)");
    }

    @Test
    @Order(5)
    @DisplayName("C19 · on loopback the attribute page's Secure cookies work, paths and HttpOnly apply")
    void attributesOverLoopback() {
        browser.get(site.uri("/attributes"));
        String docs = browser.get(site.uri("/docs/intro")).body().strip();
        assertThat(docs)
                .as("under /docs the longer path comes first, and Secure cookies are sent because 127.0.0.1 is a secure context:%n%s",
                        site.lastExchange())
                .startsWith("Cookie: docs_only=1; ")
                .contains("secure_only=1", "http_only=1", "__Host-id=1", "cross_site=1");
        assertThat(echo()).as("/echo is outside /docs").doesNotContain("docs_only");
        assertThat(jar.documentCookie(site.uri("/")))
                .as("a script on the page sees no HttpOnly cookie").doesNotContain("http_only", "__Host-id").contains("host_only=1");
    }

    @Test
    @Order(6)
    @DisplayName("C19 · after a restart the session cookie is gone, the preference stays")
    void restartKeepsPreference() {
        browser.get(site.uri("/session"));
        browser.get(site.uri("/prefs?theme=dark"));
        assertThat(echo()).as("both cookies are sent before the restart").contains("SID=", "theme=dark");
        jar.restart();
        assertThat(echo()).as("a session cookie (no Expires, no Max-Age) does not survive closing the browser")
                .isEqualTo("Cookie: theme=dark");
    }
}
