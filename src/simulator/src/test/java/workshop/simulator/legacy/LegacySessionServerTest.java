package workshop.simulator.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatedServer;
import workshop.simulator.SimulatorException;

/** Each flaw of the legacy session server works as documented, a plugged-in defence replaces it, and it stays on loopback. */
class LegacySessionServerTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();
    static SimulatedServer server;
    static LegacySessionServer legacy;

    @BeforeAll
    static void start() {
        server = LegacySessionServer.start(clock);
        legacy = LegacySessionServer.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void flawed() {
        legacy.reset();
    }

    static HttpResponse<String> send(String method, String path, String cookie, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    static String signIn(String step, String user, String password, String cookie) throws Exception {
        HttpResponse<String> response = send("POST", "/" + step + "/login", cookie, "username=" + user + "&password=" + password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return cookie(response, step.equals("a13") ? "a13_auth" : step + "_sid");
    }

    @Test
    void a11IdsAreACounterAndTheClock() throws Exception {
        String first = signIn("a11", "alice", "wonderland", null);
        clock.advance(Duration.ofMillis(7));
        String second = signIn("a11", "alice", "wonderland", null);
        long[] a = parse(first);
        long[] b = parse(second);
        assertThat(b[0]).isEqualTo(a[0] + 1);
        assertThat(b[1]).isEqualTo(a[1] + 7).isEqualTo(clock.millis());
        assertThat(send("GET", "/a11/account", "a11_sid=" + second, null).body()).contains(legacy.secretOf("alice"));
        assertThat(send("GET", "/a11/account", "a11_sid=" + (b[0] + 1) + "-" + b[1], null).statusCode()).isEqualTo(401);
        legacy.victimSignsIn();
        String bobs = legacy.sessionsOf("a11", "bob").get(0);
        assertThat(parse(bobs)[0]).isEqualTo(b[0] + 1);
        assertThat(send("GET", "/a11/account", "a11_sid=" + bobs, null).body()).contains(legacy.secretOf("bob"));
    }

    @Test
    void a11UsesAPluggedInGenerator() throws Exception {
        legacy.useIdGenerator(() -> "random-looking-" + System.nanoTime());
        assertThat(signIn("a11", "alice", "wonderland", null)).startsWith("random-looking-");
        legacy.useIdGenerator(() -> "same");
        signIn("a11", "alice", "wonderland", null);
        HttpResponse<String> twice = send("POST", "/a11/login", null, "username=alice&password=wonderland");
        assertThat(twice.statusCode()).as("a generator that repeats itself is named, not trusted").isEqualTo(500);
        assertThat(twice.body()).contains("already in use");
    }

    @Test
    void a12AdoptsAnAnonymousIdFromTheLinkAndKeepsItAtSignIn() throws Exception {
        String planted = cookie(send("GET", "/a12/", null, null), "a12_sid");
        HttpResponse<String> victimOpens = send("GET", "/a12/?sid=" + planted, null, null);
        assertThat(cookie(victimOpens, "a12_sid")).as("the link's ID becomes the victim's cookie").isEqualTo(planted);
        String bobsSession = signIn("a12", "bob", "builder", "a12_sid=" + planted);
        assertThat(bobsSession).as("the legacy sign-in keeps the presented ID").isEqualTo(planted);
        assertThat(send("GET", "/a12/account", "a12_sid=" + planted, null).body()).contains(legacy.secretOf("bob"));
        HttpResponse<String> signedInByLink = send("GET", "/a12/?sid=" + planted, null, null);
        assertThat(cookie(signedInByLink, "a12_sid")).as("a signed-in session is never handed out through a link")
                .isNotEqualTo(planted);
        assertThat(cookie(send("GET", "/a12/?sid=made-up", null, null), "a12_sid")).as("nor is an unknown ID adopted")
                .isNotEqualTo("made-up");
    }

    @Test
    void a12UsesAPluggedInSignInHandler() throws Exception {
        legacy.useSignInHandler((sessions, presented, user) -> {
            sessions.invalidate(presented);
            return sessions.create(user);
        });
        URI trap = server.uri("/a12/?sid=" + cookie(send("GET", "/a12/", null, null), "a12_sid"));
        assertThat(legacy.victimFollowsAndSignsIn(trap)).contains(legacy.secretOf("bob"));
        String planted = trap.getQuery().substring(4);
        assertThat(send("GET", "/a12/account", "a12_sid=" + planted, null).statusCode()).isEqualTo(401);
        legacy.useSignInHandler((sessions, presented, user) -> {
            throw new UnsupportedOperationException("A12 · not yet");
        });
        HttpResponse<String> unfinished = send("POST", "/a12/login", null, "username=alice&password=wonderland");
        assertThat(unfinished.statusCode()).isEqualTo(500);
        assertThat(unfinished.body()).as("an unfinished defence is named in the answer").contains("A12 · not yet");
    }

    @Test
    void theVictimFollowsOnlyLinksToThisServersA12Page() {
        assertThatThrownBy(() -> legacy.victimFollowsAndSignsIn(URI.create("http://127.0.0.1:1/a12/?sid=x")))
                .isInstanceOf(SimulatorException.class).hasMessageContaining("only links to this server's /a12/");
        assertThatThrownBy(() -> legacy.victimFollowsAndSignsIn(server.uri("/a11/account")))
                .isInstanceOf(SimulatorException.class);
    }

    @Test
    void a13CookieIsOnlyEncodedUntilACodecIsPluggedIn() throws Exception {
        String cookie = signIn("a13", "alice", "wonderland", null);
        String decoded = new StringBuilder(new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8)).reverse().toString();
        assertThat(decoded).isEqualTo("user=alice|role=user");
        assertThat(send("GET", "/a13/admin", "a13_auth=" + cookie, null).statusCode()).isEqualTo(403);
        String admin = Base64.getEncoder().encodeToString(new StringBuilder("user=alice|role=admin").reverse().toString()
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send("GET", "/a13/admin", "a13_auth=" + admin, null).body()).contains(legacy.adminData());

        legacy.useCookieCodec(value -> "sealed:" + value, text -> text.startsWith("sealed:")
                ? Optional.of(text.substring(7)) : Optional.empty());
        String sealed = signIn("a13", "alice", "wonderland", null);
        assertThat(sealed).isEqualTo("sealed:user=alice|role=user");
        assertThat(send("GET", "/a13/me", "a13_auth=" + sealed, null).body()).contains("signed in as alice (role user)");
        assertThat(send("GET", "/a13/admin", "a13_auth=" + admin, null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyAnswerIsLabelledAndAForeignHostIsRefused() throws Exception {
        HttpResponse<String> home = send("GET", "/", null, null);
        assertThat(home.headers().firstValue("X-Attack-Demo")).hasValue(LegacySessionServer.LABEL);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /a11/account HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403");
        }
    }

    private static long[] parse(String id) {
        String[] parts = id.split("-");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
