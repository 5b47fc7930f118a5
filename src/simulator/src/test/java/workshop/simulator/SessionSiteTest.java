package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionSiteTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final HttpClient http = HttpClient.newHttpClient();
    private InMemorySessionBackend backend;
    private SimulatedServer site;

    @BeforeEach
    void start() {
        backend = new InMemorySessionBackend(clock, SessionSite.IDLE_TIMEOUT, SessionSite.ABSOLUTE_TIMEOUT);
        site = SessionSite.start(clock, backend);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private HttpResponse<String> send(String method, String path, String cookie, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String user, String password, String cookie) throws Exception {
        HttpResponse<String> r = send("POST", "/login", cookie, "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + password);
        assertThat(r.statusCode()).as(ExchangePrinter.format(r)).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static String cookie(String id) {
        return SessionSite.COOKIE + "=" + id;
    }

    @Test
    void loginSetsAHostPrefixedSessionCookieWithARandomId() throws Exception {
        HttpResponse<String> r = send("POST", "/login", null, "application/x-www-form-urlencoded", "username=ada&password=lovelace");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).matches("__Host-SESSION=[A-Za-z0-9_-]{22}; Path=/; Secure; HttpOnly; SameSite=Lax");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(setCookie).doesNotContainIgnoringCase("domain").doesNotContainIgnoringCase("expires").doesNotContainIgnoringCase("max-age");
    }

    @Test
    void jsonLoginWorksToo() throws Exception {
        HttpResponse<String> r = send("POST", "/login", null, "application/json", "{\"username\":\"alan\",\"password\":\"turing\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        String id = r.headers().firstValue("Set-Cookie").orElseThrow().split("[=;]")[1];
        assertThat(send("GET", "/me", cookie(id), null, null).body()).isEqualTo("alan\n");
    }

    @Test
    void wrongPasswordOrBadBodyIsRefusedCleanly() throws Exception {
        assertThat(send("POST", "/login", null, "application/x-www-form-urlencoded", "username=ada&password=nope").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/login", null, "application/x-www-form-urlencoded", "username=nobody&password=x").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/login", null, "application/json", "{not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/login", null, "application/x-www-form-urlencoded", "username=ada").statusCode()).isEqualTo(400);
    }

    @Test
    void cartIsKeptOnTheServerAcrossRequests() throws Exception {
        String id = login("ada", "lovelace", null);
        assertThat(send("POST", "/cart", cookie(id), "application/x-www-form-urlencoded", "item=tea").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/cart", cookie(id), "application/json", "{\"item\":\"scones\"}").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/cart", cookie(id), null, null).body()).isEqualTo("tea\nscones\n");
        assertThat(send("POST", "/cart", cookie(id), "application/x-www-form-urlencoded", "item=%3Cscript%3E").statusCode()).isEqualTo(400);
    }

    @Test
    void loginRotatesTheIdAndKeepsTheCart() throws Exception {
        String first = login("ada", "lovelace", null);
        send("POST", "/cart", cookie(first), "application/x-www-form-urlencoded", "item=tea");
        String second = login("ada", "lovelace", cookie(first));
        assertThat(second).isNotEqualTo(first);
        assertThat(send("GET", "/me", cookie(first), null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/cart", cookie(second), null, null).body()).isEqualTo("tea\n");
    }

    @Test
    void anUnknownIdIsNeverAdopted() throws Exception {
        String planted = "AAAAAAAAAAAAAAAAAAAAAA";
        String issued = login("ada", "lovelace", cookie(planted));
        assertThat(issued).isNotEqualTo(planted);
        assertThat(send("GET", "/me", cookie(planted), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutInvalidatesAndDeletesTheCookie() throws Exception {
        String id = login("ada", "lovelace", null);
        HttpResponse<String> out = send("POST", "/logout", cookie(id), null, null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().allValues("Set-Cookie")).containsExactly("__Host-SESSION=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
        assertThat(out.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> replay = send("GET", "/me", cookie(id), null, null);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(replay.body()).contains("unknown, expired or logged out").hasLineCount(1);
        assertThat(send("POST", "/logout", cookie(id), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void idleAndAbsoluteTimeoutsFollowTheClock() throws Exception {
        String idle = login("ada", "lovelace", null);
        clock.advance(Duration.ofMinutes(14));
        assertThat(send("GET", "/me", cookie(idle), null, null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(send("GET", "/me", cookie(idle), null, null).statusCode()).isEqualTo(401);

        String busy = login("alan", "turing", null);
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(send("GET", "/me", cookie(busy), null, null).statusCode()).as("after %d minutes", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(send("GET", "/me", cookie(busy), null, null).statusCode()).as("8 hours are up").isEqualTo(401);
        assertThat(backend.size()).as("expired sessions are swept from memory").isZero();
    }

    @Test
    void missingOrGarbageCookiesGetA4xxNeverA500() throws Exception {
        assertThat(send("GET", "/me", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/me", "theme=dark", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/me", cookie("x'; DROP TABLE--"), null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/me", cookie(""), null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/me", cookie("A".repeat(200)), null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/me", cookie("A".repeat(22)) + "; " + cookie("B".repeat(22)), null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/me", "a=" + "b".repeat(5000), null, null).statusCode()).isEqualTo(400);
        assertThat(rawStatus("GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: __Host-SESSION=\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\u00e9t\u00e9\r\nConnection: close\r\n\r\n"))
                .isBetween(400, 499);
    }

    @Test
    void idsComeFromTheCookieOnlyNeverFromTheUrl() throws Exception {
        String id = login("ada", "lovelace", null);
        assertThat(send("GET", "/me?sid=" + id, null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/me;jsessionid=" + id, null, null, null).statusCode()).isBetween(401, 404);
    }

    /** A store whose every method throws what {@code failure} makes. */
    private static SessionBackend failing(java.util.function.Function<String, RuntimeException> failure) {
        return new SessionBackend() {
            @Override
            public String login(String presentedId, String user) {
                throw failure.apply("login");
            }

            @Override
            public Optional<LiveSession> find(String id) {
                throw failure.apply("find");
            }

            @Override
            public boolean invalidate(String id) {
                throw failure.apply("invalidate");
            }
        };
    }

    private HttpResponse<String> loginAt(SimulatedServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=lovelace")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStarterStoreGetsA500ThatNamesTheStepOnly() throws Exception {
        try (SimulatedServer other = SessionSite.start(clock, failing(m -> new UnsupportedOperationException(
                "S6 · " + m + " — see notebooks/02-sessions.ipynb, S6")))) {
            HttpResponse<String> r = loginAt(other);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).as("a learner's unfinished store: the step ID is named, so the next move is clear")
                    .contains("the session store behind this site failed").contains("Step S6 is not implemented yet")
                    .doesNotContain("notebooks/");
        }
    }

    @Test
    void aFailingStoreGetsA500WithAFixedSentenceAndTheDetailsOnStderr() throws Exception {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        HttpResponse<String> r;
        try (SimulatedServer other = SessionSite.start(clock, failing(m -> new IllegalStateException(
                "redis://admin:hunter2@10.0.0.5 refused " + m)))) {
            System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
            r = loginAt(other);
        } finally {
            System.setErr(stderr);
        }
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).as("exception text can carry secrets and internals: it never goes into a response")
                .doesNotContain("hunter2").doesNotContain("10.0.0.5").doesNotContain("IllegalStateException")
                .isEqualTo("500 Internal Server Error: the session store behind this site failed. The details are in the"
                        + " simulator's log (stderr of the process that started it).\n");
        assertThat(log.toString(StandardCharsets.UTF_8)).as("the details go to the server's own log")
                .contains("POST /login failed").contains("IllegalStateException").contains("hunter2");
    }

    @Test
    void aFailingPageGetsTheSameFixedSentence() throws Exception {
        try (SimulatedServer other = SimulatedServer.start("test site", 0, clock,
                s -> s.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/boom")
                        .willReturn(ScenarioPages.page("boom", "boom"))),
                new ScenarioPages("boom") {
                    @Override
                    com.github.tomakehurst.wiremock.http.ResponseDefinition answer(String action,
                            com.github.tomakehurst.wiremock.http.Request request) {
                        throw new IllegalArgumentException("secret-detail-42");
                    }
                })) {
            java.io.PrintStream stderr = System.err;
            HttpResponse<String> r;
            try {
                System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                r = http.send(HttpRequest.newBuilder(other.uri("/boom")).build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                System.setErr(stderr);
            }
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).doesNotContain("secret-detail-42").doesNotContain("Exception")
                    .startsWith("500 Internal Server Error: the simulated server failed while answering this request.");
        }
    }

    @Test
    void homePageSaysTheCredentialsAreForTheDemo() throws Exception {
        assertThat(send("GET", "/", null, null, null).body()).contains("Demo credentials").contains("ada / lovelace");
    }

    @Test
    void backendRejectsNonsenseTimeouts() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InMemorySessionBackend(clock, Duration.ofHours(9), Duration.ofHours(8)));
        assertThat(List.of(SessionSite.sessionCookie("x"))).containsExactly("__Host-SESSION=x; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    private int rawStatus(String request) throws IOException {
        URI base = site.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
