package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CookieSiteTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension site = SimulatorExtension.of(CookieSite::start, clock);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertThat(site.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(site.baseUri().getPort()).isPositive();
    }

    @Test
    void aPreferenceCookieIsPersistentWithMaxAge() throws Exception {
        HttpResponse<String> response = get("/prefs?theme=dark", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("a demo cookie in a real browser lives minutes, not a month")
                .containsExactly("theme=dark; Path=/; Max-Age=600; SameSite=Lax");
    }

    @Test
    void rememberUsesExpiresFromTheServersClock() throws Exception {
        clock.set(java.time.Instant.parse("2026-01-01T09:00:00Z"));
        HttpResponse<String> response = get("/remember?theme=light", null);
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValue("theme=light; Path=/; Expires=Thu, 01 Jan 2026 10:00:00 GMT; SameSite=Lax");
    }

    @Test
    void sessionCookiesGetFreshRandomIds() throws Exception {
        String first = get("/session", null).headers().firstValue("Set-Cookie").orElseThrow();
        String second = get("/session", null).headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(first).matches("SID=[A-Za-z0-9_-]{22}; Path=/; Secure; HttpOnly; SameSite=Lax");
        assertThat(first).isNotEqualTo(second);
        assertThat(first).doesNotContain("Expires").doesNotContain("Max-Age");
    }

    @Test
    void forgetDeletesTheThemeCookie() throws Exception {
        assertThat(get("/forget", null).headers().firstValue("Set-Cookie")).hasValue("theme=; Path=/; Max-Age=0");
    }

    @Test
    void echoShowsTheCookiesReceived() throws Exception {
        assertThat(get("/echo", "theme=dark; SID=abc").body()).isEqualTo("Cookie: theme=dark; SID=abc\n");
        assertThat(get("/docs/intro", null).body()).contains("no Cookie header");
        assertThat(get("/", "theme=dark").body()).contains("theme: dark");
    }

    @Test
    void attributesSetsOneCookiePerAttribute() throws Exception {
        assertThat(get("/attributes", null).headers().allValues("Set-Cookie"))
                .hasSize(9)
                .anyMatch(c -> c.startsWith("__Host-id=") && c.contains("Secure") && !c.contains("Domain"))
                .anyMatch(c -> c.contains("SameSite=None") && c.contains("Secure"));
    }

    @Test
    void theWeakLoginIsLabelledAndWeak() throws Exception {
        HttpResponse<String> response = get("/weak/login", null);
        assertThat(response.body()).as("an attack demo says so in its answer").startsWith("ATTACK DEMO").contains("weakly");
        assertThat(get("/", null).body()).contains("ATTACK DEMO: a deliberately weak login cookie");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("sessionid=") && c.contains("Domain=localhost") && c.contains("Max-Age=")
                        && !c.contains("HttpOnly"))
                .anyMatch(c -> c.contains("SameSite=None") && !c.contains("Secure"));
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("still a persistent session ID for the audit, but one that is gone in minutes")
                .filteredOn(c -> c.startsWith("sessionid="))
                .singleElement().asString().endsWith("; Max-Age=300");
    }

    @Test
    void badInputGetsA4xxWithAReason() throws Exception {
        HttpResponse<String> bad = get("/prefs?theme=%3Cscript%3E", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("?theme=light or ?theme=dark");
        HttpResponse<String> missing = get("/no/such/page", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("GET /prefs", "GET /docs");
    }

    @Test
    void theExchangePrinterShowsTheStateHeaders() throws Exception {
        get("/prefs?theme=dark", "SID=abc");
        assertThat(site.lastExchange()).isEqualTo("""
                → GET /prefs?theme=dark
                  Cookie: SID=abc
                ← 200
                  Set-Cookie: theme=dark; Path=/; Max-Age=600; SameSite=Lax
                  Cache-Control: no-store
                  | Theme 'dark' is remembered with Max-Age.
                """);
    }

    @Test
    void theClientSideViewShowsWhatTheClientSent() throws Exception {
        HttpResponse<String> response = get("/forget", "theme=dark");
        assertThat(ExchangePrinter.format(response)).startsWith("→ GET /forget\n  Cookie: theme=dark\n← 200\n  Set-Cookie: theme=; Path=/; Max-Age=0\n");
    }

    @Test
    void aFixedPortInUseGivesAClearError() {
        int taken = site.server().port();
        try {
            CookieSite.start(clock, taken).close();
            org.assertj.core.api.Assertions.fail("a second server on the same port must not start");
        } catch (SimulatorException e) {
            assertThat(e.getMessage()).contains("could not start on port " + taken);
        }
    }

    @Test
    void startsQuickly() {
        long start = System.nanoTime();
        try (SimulatedServer server = CookieSite.start(clock)) {
            assertThat(server.isRunning()).isTrue();
        }
        // Reported, not asserted: timings belong to the benchmark, not to a test.
        System.out.printf("cookie site start+stop: %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.baseUri() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
