package workshop.attacks;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.katasupport.OneLine;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacySessionServer;

@Order(11)
@DisplayName("A11 · predictable session IDs: a counter and the time are no secret")
class PredictableSessionIdTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final SecureRandom random = new SecureRandom();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacySessionServer::start, clock);

    static LegacySessionServer control() {
        return LegacySessionServer.of(legacy.server());
    }

    @BeforeEach
    void flawedAgain() {
        control().reset();
        legacy.server().clearExchanges();
    }

    /** bob signs in somewhere in a gap the attacker cannot see: 1–300 ms after the first look, 1–300 ms before the second. */
    static Runnable bobSignsInUnseen() {
        return () -> {
            clock.advance(Duration.ofMillis(1 + random.nextInt(300)));
            control().victimSignsIn();
            clock.advance(Duration.ofMillis(1 + random.nextInt(300)));
        };
    }

    static long guesses() {
        return legacy.server().wireMock().countRequestsMatching(getRequestedFor(urlPathEqualTo("/a11/account")).build()).getCount();
    }

    static List<String> issued() {
        return legacy.server().exchanges().stream().filter(e -> e.getRequest().getUrl().startsWith("/a11/login"))
                .map(e -> e.getRequest().getBodyAsString().replaceAll("password=[^&]*", "password=…") + " → "
                        + e.getResponse().getHeaders().getHeader("Set-Cookie").firstValue().split(";")[0]).toList();
    }

    @Test
    @Order(1)
    @DisplayName("A11 · exploit: from two of your own session IDs, find the victim's in between and use it")
    void exploit() {
        Optional<String> stolen = SessionPrediction.hijack(legacy.baseUri(), bobSignsInUnseen());
        List<String> bobs = control().sessionsOf("a11", LegacySessionServer.VICTIM);

        assertThat(stolen).as("your exploit found no session. The server answered these sign-ins, in order (the middle one"
                + " is bob's, unseen by you):\n  %s\nEach ID is <counter>-<milliseconds>: the counter gap says someone signed in"
                + " between your two; try every millisecond between your two IDs", String.join("\n  ", issued())).isPresent();
        assertThat(stolen.get()).as("the session you found should be bob's").isEqualTo(bobs.get(0));
        long spent = guesses();
        long window = millis(issued().get(2)) - millis(issued().get(0)) + 1;
        assertThat(spent).as("a bounded search: one guess per millisecond between your two IDs at most (%d), you made %d",
                window, spent).isLessThanOrEqualTo(window);
        Http.Answer page = Http.getWithCookie(legacy.uri("/a11/account"), "a11_sid=" + stolen.get());
        assertThat(page.body()).as("with bob's session the account page is bob's (ATTACK DEMO: OWASP WebGoat's"
                + " 'Hijack a session')").contains(control().secretOf(LegacySessionServer.VICTIM));
    }

    @Test
    @Order(2)
    @DisplayName("A11 · defence: with your SessionIds the same exploit finds nothing to guess, and alice still signs in")
    void defence() {
        String sample = SessionIds.next();
        control().useIdGenerator(SessionIds::next);
        Optional<String> stolen = SessionPrediction.hijack(legacy.baseUri(), bobSignsInUnseen());

        assertThat(stolen).as("with random IDs (for example %s) there is no counter gap and no clock to search: the exploit"
                + " must come back empty", sample).isEmpty();
        assertThat(guesses()).as("and it should not even start guessing: nothing in a random ID says when it was made").isZero();
        String alices = control().sessionsOf("a11", LegacySessionServer.USER).get(0);
        Http.Answer page = Http.getWithCookie(legacy.uri("/a11/account"), "a11_sid=" + alices);
        assertThat(page.body()).as("the legitimate flow still works: alice's own ID opens her account")
                .contains(control().secretOf(LegacySessionServer.USER));
    }

    @Test
    @Order(3)
    @DisplayName("A11 · defence: IDs of at least 128 random bits in base64url, all different, with nothing inside")
    void idProperties() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = SessionIds.next();
            assertThat(id).as("an ID travels in a cookie: base64url without padding (RFC 4648 5), at least 22 characters"
                    + " for 128 bits (ASVS 5.0 7.2.3; OWASP Session Management cheat sheet: at least 64 bits of entropy)."
                    + " Yours: %s", OneLine.value(id)).matches("[A-Za-z0-9_-]{22,}");
            assertThat(Base64.getUrlDecoder().decode(id)).as("decoded: at least 16 random bytes").hasSizeGreaterThanOrEqualTo(16);
            ids.add(id);
        }
        assertThat(ids).as("10,000 IDs in a row, made at the same clock instant, are all different (a time-based ID is not)")
                .hasSize(10_000);
    }

    @Test
    @Order(4)
    @DisplayName("A11 · the exploit refuses a server that is not on loopback (NotLoopback)")
    void loopbackOnly() {
        ExpectThrow.expect(NotLoopback.class, "SessionPrediction.hijack(URI.create(\"http://bank.example\"), () -> { })",
                () -> SessionPrediction.hijack(URI.create("http://bank.example"), () -> { }),
                "kit policy: attack code runs against this machine's simulator only — send through Http, which calls Loopback.require");
    }

    private static long millis(String issuedLine) {
        String id = issuedLine.substring(issuedLine.indexOf("a11_sid=") + "a11_sid=".length());
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
