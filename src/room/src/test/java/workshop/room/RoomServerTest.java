package workshop.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;

/** The room server's security rules, each against the real server on a loopback port. */
class RoomServerTest {

    private final MutableClock clock = new MutableClock(RoomFixture.start());
    private RoomServer server;

    @BeforeEach
    void start() {
        server = RoomFixture.start(clock, 3, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp http() {
        return RawHttp.to(server.port());
    }

    private RawHttp learner(String body) {
        return http().post("/api/results", body).header(RoomServer.CODE_HEADER, RoomFixture.CODE);
    }

    private RawHttp instructor(String path) {
        return http().get(path).header(RoomServer.KEY_HEADER, RoomFixture.KEY);
    }

    @Test
    @DisplayName("listens on loopback only unless room.lan is set, and answers only to its own Host names")
    void loopbackAndHost() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.hosts()).containsExactlyInAnyOrder("127.0.0.1:" + server.port(), "localhost:" + server.port());
        assertThat(http().get("/").send().status()).isEqualTo(200);
        assertThat(http().get("/").header("Host", "localhost:" + server.port()).send().status()).isEqualTo(200);
        for (String host : List.of("rebind.attacker.example:" + server.port(), "127.0.0.1", "127.0.0.1:1", "")) {
            RawHttp.Response r = http().get("/").header("Host", host).send();
            assertThat(r.status()).as("Host '%s' must be refused (DNS rebinding)", host).isEqualTo(421);
            assertThat(r.body()).contains("DNS rebinding");
        }
        RawHttp.Response post = learner(RoomFixture.post("ana", "C1=passed")).header("Host", "evil.example").send();
        assertThat(post.status()).isEqualTo(421);
        assertThat(server.room().accepted()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/room.js", "/api/grid", "/api/export.csv", "/api/results"})
    @DisplayName("a request from another site (Sec-Fetch-Site, Origin) is refused on every endpoint")
    void crossSiteRefused(String path) {
        for (String site : List.of("cross-site", "same-site")) {
            RawHttp request = path.equals("/api/results") ? learner(RoomFixture.post("ana", "C1=passed"))
                    : instructor(path);
            RawHttp.Response r = request.header("Sec-Fetch-Site", site).send();
            assertThat(r.status()).as("%s with Sec-Fetch-Site: %s", path, site).isEqualTo(403);
            assertThat(r.body()).contains("another site");
        }
        RawHttp request = path.equals("/api/results") ? learner(RoomFixture.post("ana", "C1=passed")) : instructor(path);
        RawHttp.Response r = request.header("Origin", "http://attacker.example").send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("another origin");
        RawHttp same = path.equals("/api/results") ? learner(RoomFixture.post("ana", "C1=passed")) : instructor(path);
        assertThat(same.header("Origin", "http://127.0.0.1:" + server.port()).header("Sec-Fetch-Site", "same-origin")
                .send().status()).as("the dashboard's own page").isEqualTo(200);
    }

    @Test
    @DisplayName("no response carries a CORS header, and a preflight is not answered with one")
    void noCors() {
        List<RawHttp.Response> responses = List.of(http().get("/").send(), instructor("/api/grid").send(),
                learner(RoomFixture.post("ana", "C1=passed")).send(),
                http().method("OPTIONS", "/api/results").header("Origin", "http://127.0.0.1:" + server.port())
                        .header("Access-Control-Request-Method", "POST").send());
        for (RawHttp.Response r : responses) {
            assertThat(r.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
        }
        assertThat(responses.get(3).status()).isEqualTo(405);
    }

    @Test
    @DisplayName("a post needs Content-Type: application/json and the room code, compared as typed (any case, a dash)")
    void postNeedsJsonAndCode() {
        String body = RoomFixture.post("ana", "C1=passed");
        RawHttp.Response form = learner(body).header("Content-Type", "text/plain").send();
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.body()).contains("application/json");
        RawHttp.Response noCode = http().post("/api/results", body).send();
        assertThat(noCode.status()).isEqualTo(403);
        assertThat(noCode.body()).startsWith("Wrong room code");
        assertThat(learner(body).header(RoomServer.CODE_HEADER, "ABCD2346").send().status()).isEqualTo(403);
        assertThat(learner(body).header(RoomServer.CODE_HEADER, RoomFixture.KEY).send().status()).isEqualTo(403);
        assertThat(server.room().accepted()).isZero();
        RawHttp.Response ok = learner(body).header(RoomServer.CODE_HEADER, "abcd-2345").send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"accepted\":1");
        assertThat(server.room().accepted()).isEqualTo(1);
    }

    @Test
    @DisplayName("the grid and the CSV need the instructor key: the room code does not open them")
    void dashboardNeedsKey() {
        learner(RoomFixture.post("ana", "C1=passed")).send();
        for (String path : List.of("/api/grid", "/api/export.csv")) {
            assertThat(http().get(path).send().status()).isEqualTo(403);
            RawHttp.Response withCode = http().get(path).header(RoomServer.KEY_HEADER, RoomFixture.CODE)
                    .header(RoomServer.CODE_HEADER, RoomFixture.CODE).send();
            assertThat(withCode.status()).isEqualTo(403);
            assertThat(withCode.body()).contains("instructor").doesNotContain("ana");
            assertThat(instructor(path).send().status()).isEqualTo(200);
        }
        assertThat(instructor("/api/grid").send().body()).contains("\"name\":\"ana\"");
    }

    @Test
    @DisplayName("a body over 16 KiB is refused with 413, by its Content-Length or by what arrives")
    void bodyBounded() {
        String big = RoomFixture.post("ana", "C1=passed").replace("\"ana\"", "\"" + "a".repeat(RoomServer.MAX_BODY) + "\"");
        RawHttp.Response r = learner(big).send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("16 KiB");
        RawHttp.Response lying = learner(big).header("Content-Length", "10").send();
        assertThat(lying.status()).as("a short Content-Length reads 10 bytes: not JSON").isEqualTo(400);
        assertThat(server.room().accepted()).isZero();
    }

    @Test
    @DisplayName("an unknown field, at the top or in a step, is refused with 400 naming it")
    void unknownFieldsRefused() {
        String extra = RoomFixture.post("ana", "C1=passed").replace("{\"name\"", "{\"hostname\":\"laptop-7\",\"name\"");
        RawHttp.Response r = learner(extra).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Unknown field 'hostname'");
        String inStep = RoomFixture.post("ana", "C1=passed").replace("\"hints\":0", "\"hints\":0,\"message\":\"expected\"");
        RawHttp.Response r2 = learner(inStep).send();
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.body()).contains("Unknown field 'message'");
        assertThat(server.room().accepted()).isZero();
    }

    @Test
    @DisplayName("strict fields: kata of the kit, step [A-Z][0-9]{1,2} of that kata, known status, hints 0-3, an instant")
    void strictFields() {
        String ok = RoomFixture.post("ana", "C1=passed");
        Map<String, String> bad = Map.of(
                ok.replace("01-cookies", "99-nope"), "Unknown kata",
                ok.replace("01-cookies", "../etc"), "Unknown kata",
                ok.replace("\"C1\"", "\"C999\""), "Unknown step",
                ok.replace("\"C1\"", "\"S1\""), "Unknown step",
                ok.replace("\"passed\"", "\"green\""), "Unknown status",
                ok.replace("\"hints\":0", "\"hints\":7"), "hints",
                ok.replace("\"hints\":0", "\"hints\":\"x\""), "not the room's JSON",
                ok.replace("2026-05-04T09:30:00Z", "yesterday"), "instant",
                "{\"name\":\"ana\",\"steps\":[]}", "No steps",
                "not json", "not the room's JSON");
        bad.forEach((body, reason) -> {
            RawHttp.Response r = learner(body).send();
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains(reason).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(server.room().accepted()).isZero();
    }

    @Test
    @DisplayName("names: trimmed, 1 to 40 printable characters; markup is allowed as text")
    void names() {
        assertThat(learner(RoomFixture.post("  ana  ", "C1=passed")).send().status()).isEqualTo(200);
        assertThat(server.room().names()).containsExactly("ana");
        for (String bad : List.of("", "   ", "x".repeat(41), "ana\u0000", "ana\nbob", "ana\u202Eevil", "bo\u200Bb")) {
            RawHttp.Response r = learner(RoomFixture.post(bad, "C1=passed")).send();
            assertThat(r.status()).as("name %s", bad).isEqualTo(400);
            assertThat(r.body()).contains("name");
        }
        assertThat(learner(RoomFixture.post("<img src=x onerror=alert(1)>", "C1=passed")).send().status()).isEqualTo(200);
        assertThat(learner(RoomFixture.post("Zoë Ñandú-O'Brien", "C1=passed")).send().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("the room takes a bounded number of learners: a new name past the limit is refused with a sentence")
    void learnersBounded() {
        for (String name : List.of("a", "b", "c")) {
            assertThat(learner(RoomFixture.post(name, "C1=passed")).send().status()).isEqualTo(200);
        }
        RawHttp.Response r = learner(RoomFixture.post("d", "C1=passed")).send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("room is full");
        assertThat(learner(RoomFixture.post("a", "C2=passed")).send().status()).as("a known learner still posts").isEqualTo(200);
    }

    @Test
    @DisplayName("rate limit per learner: a burst of 10, then 429 with Retry-After until the clock moves on")
    void perLearnerLimit() {
        for (int i = 0; i < RoomServer.LEARNER_BURST; i++) {
            assertThat(learner(RoomFixture.post("ana", "C1=failed")).send().status()).isEqualTo(200);
        }
        RawHttp.Response r = learner(RoomFixture.post("ana", "C1=failed")).send();
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(learner(RoomFixture.post("bo", "C1=failed")).send().status()).as("another learner").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(learner(RoomFixture.post("ana", "C1=failed")).send().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("rate limit per address: guessing codes runs into 429 with Retry-After")
    void perAddressLimit() {
        String body = RoomFixture.post("ana", "C1=passed");
        for (int i = 0; i < RoomServer.ADDRESS_BURST; i++) {
            assertThat(learner(body).header(RoomServer.CODE_HEADER, String.format("GUESS%03d", i)).send().status())
                    .isEqualTo(403);
        }
        RawHttp.Response r = learner(body).header(RoomServer.CODE_HEADER, "GUESS999").send();
        assertThat(r.status()).isEqualTo(429);
        assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        assertThat(learner(body).send().status()).as("the right code too, from this address, until it calms down").isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(learner(body).send().status()).isEqualTo(200);
    }

    @Test
    @DisplayName("100 learners posting every 5 s from one address, for two minutes, are never limited")
    void roomOfHundredPasses() {
        RoomServer big = RoomFixture.start(clock, RoomServer.MAX_LEARNERS, Duration.ofMillis(300));
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 24; round++) {
                for (int l = 0; l < 100; l++) {
                    statuses.add(RawHttp.to(big.port()).post("/api/results", RoomFixture.post("learner " + l, "C1=failed"))
                            .header(RoomServer.CODE_HEADER, RoomFixture.CODE).send().status());
                }
                clock.advance(Duration.ofSeconds(5));
            }
            assertThat(statuses).hasSize(2400).containsOnly(200);
            assertThat(big.room().accepted()).isEqualTo(2400);
        } finally {
            big.close();
        }
    }

    @Test
    @DisplayName("the page: strict CSP without inline script, nosniff, no-referrer, no-store; scripts and styles are files")
    void pageHeaders() {
        for (String path : List.of("/", "/room.js", "/room.css", "/api/grid")) {
            RawHttp.Response r = (path.startsWith("/api") ? instructor(path) : http().get(path)).send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        }
        String page = http().get("/").send().body();
        assertThat(page).contains("<script src=\"/room.js\"").doesNotContain("<script>").doesNotContain(" style=")
                .doesNotContain("onclick=");
        for (String path : List.of("/", "/room.js", "/room.css")) {
            assertThat(http().get(path).send().body()).as("%s loads nothing from elsewhere (no CDN, no fonts)", path)
                    .doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
        }
        assertThat(http().get("/room.js").send().body()).doesNotContain("innerHTML").doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").contains("textContent");
    }

    @Test
    @DisplayName("mistakes get a 4xx with a sentence, never a 500 or a stack trace")
    void fourXxWithReason() {
        List<RawHttp.Response> answers = List.of(
                http().get("/nothing").send(),
                http().get("/api/results").send(),
                http().method("DELETE", "/").send(),
                instructor("/api/grid?after=abc").send(),
                learner("{\"name\":\"ana\",\"steps\":[{\"kata\":null}]}").send(),
                learner("{\"name\":\"ana\"} trailing").send(),
                learner("[1,2]").send(),
                learner("null").send(),
                learner(new String(new byte[] {(byte) 0xff, (byte) 0xfe}, StandardCharsets.ISO_8859_1)).send());
        for (RawHttp.Response r : answers) {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(r.body()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    @DisplayName("the dashboard's long poll answers as soon as a result arrives, and with the same grid when nothing did")
    void longPoll() throws Exception {
        RoomServer slow = RoomFixture.start(clock, 10, Duration.ofSeconds(20));
        try {
            long before = System.nanoTime();
            Thread poster = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                RawHttp.to(slow.port()).post("/api/results", RoomFixture.post("ana", "C1=passed"))
                        .header(RoomServer.CODE_HEADER, RoomFixture.CODE).send();
            });
            poster.start();
            RawHttp.Response r = RawHttp.to(slow.port()).get("/api/grid?after=0").header(RoomServer.KEY_HEADER, RoomFixture.KEY).send();
            poster.join();
            assertThat(r.body()).contains("\"version\":1", "\"name\":\"ana\"");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        } finally {
            slow.close();
        }
        RawHttp.Response quiet = instructor("/api/grid?after=0").send();
        assertThat(quiet.status()).isEqualTo(200);
        assertThat(quiet.body()).contains("\"version\":0");
    }
}
