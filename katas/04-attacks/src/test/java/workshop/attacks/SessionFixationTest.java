package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacySessionServer;
import workshop.simulator.legacy.SessionTable;

@Order(12)
@DisplayName("A12 · session fixation: an ID planted before sign-in must not survive it")
class SessionFixationTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacySessionServer::start, clock);

    static LegacySessionServer control() {
        return LegacySessionServer.of(legacy.server());
    }

    @BeforeEach
    void flawedAgain() {
        control().reset();
    }

    @Test
    @Order(1)
    @DisplayName("A12 · exploit: a link plants your session ID, bob signs in with it, you are in his account")
    void exploit() {
        URI trap = Fixation.trap(legacy.baseUri());
        assertThat(trap.getPath()).as("the trap is a link to the server's /a12/ page: %s", trap).isEqualTo("/a12/");
        assertThat(trap.getQuery()).as("carrying the anonymous session ID the server gave you, as ?sid=<ID>: %s", trap)
                .startsWith("sid=");
        String bobSees = control().victimFollowsAndSignsIn(trap);
        assertThat(bobSees).as("bob followed your link and signed in").contains(control().secretOf(LegacySessionServer.VICTIM));

        Http.Answer taken = Fixation.takeOver(legacy.baseUri(), trap);
        assertThat(taken.status()).as("GET /a12/account with the ID you planted should show bob's account: the legacy"
                + " server signed that very session in (ATTACK DEMO). It said: %s", taken.body().strip()).isEqualTo(200);
        assertThat(taken.body()).contains(control().secretOf(LegacySessionServer.VICTIM));
    }

    @Test
    @Order(2)
    @DisplayName("A12 · defence: with your Rotation the planted ID opens nothing, and bob stays signed in under a new ID")
    void defence() {
        control().useSignInHandler((table, presented, user) -> Rotation.signIn(viewOf(table), presented, user));
        URI trap = Fixation.trap(legacy.baseUri());
        String planted = trap.getQuery().substring("sid=".length());
        String bobSees = control().victimFollowsAndSignsIn(trap);

        assertThat(bobSees).as("the legitimate flow still works: after signing in, bob sees his account (your"
                + " Rotation.signIn returns the session he is signed in to)").contains(control().secretOf(LegacySessionServer.VICTIM));
        Http.Answer taken = Fixation.takeOver(legacy.baseUri(), trap);
        assertThat(taken.status()).as("the planted ID must open nothing after the sign-in: give the user a NEW session ID"
                + " and end the one presented (OWASP Session Management cheat sheet, 'Renew the Session ID After Any Privilege"
                + " Level Change'; ASVS 5.0 7.2.4). The server said: %s", taken.body().strip()).isEqualTo(401);
        assertThat(control().sessionsOf("a12", LegacySessionServer.VICTIM)).as("bob's session").doesNotContain(planted).hasSize(1);
    }

    @Test
    @Order(3)
    @DisplayName("A12 · defence: signing in ends the presented session, anonymous or not, and always gives a new ID")
    void rotationRules() {
        Table sessions = new Table();
        String anonymous = sessions.create(null);
        String signedIn = Rotation.signIn(sessions, anonymous, "carol");
        assertThat(signedIn).as("a sign-in with an anonymous session presented returns a new ID").isNotEqualTo(anonymous);
        assertThat(sessions.userOf(signedIn)).as("signed in as carol").hasValue("carol");
        assertThat(sessions.exists(anonymous)).as("the presented session is ended (invalidate it)").isFalse();

        String again = Rotation.signIn(sessions, signedIn, "carol");
        assertThat(again).as("signing in again (a password re-check, a new privilege level) rotates too").isNotEqualTo(signedIn);
        assertThat(sessions.exists(signedIn)).isFalse();

        String fresh = Rotation.signIn(sessions, null, "dave");
        assertThat(sessions.userOf(fresh)).as("no session presented: a new one").hasValue("dave");
        assertThat(sessions.size()).as("live sessions: carol's latest and dave's").isEqualTo(2);
    }

    @Test
    @Order(4)
    @DisplayName("A12 · the exploit refuses a server that is not on loopback (NotLoopback)")
    void loopbackOnly() {
        ExpectThrow.expect(NotLoopback.class, "Fixation.trap(URI.create(\"http://shop.example\"))",
                () -> Fixation.trap(URI.create("http://shop.example")),
                "kit policy: attack code runs against this machine's simulator only — send through Http, which calls Loopback.require");
    }

    /** The server's sessions, as the kata's {@link Sessions}. */
    static Sessions viewOf(SessionTable table) {
        return new Sessions() {
            @Override
            public String create(String user) {
                return table.create(user);
            }

            @Override
            public Optional<String> userOf(String id) {
                return table.userOf(id);
            }

            @Override
            public boolean exists(String id) {
                return table.exists(id);
            }

            @Override
            public void signIn(String id, String user) {
                table.signIn(id, user);
            }

            @Override
            public void invalidate(String id) {
                table.invalidate(id);
            }
        };
    }

    /** A session table of the test's own, with random IDs. */
    static final class Table implements Sessions {
        private final Map<String, Optional<String>> sessions = new HashMap<>();

        @Override
        public String create(String user) {
            String id = UUID.randomUUID().toString();
            sessions.put(id, Optional.ofNullable(user));
            return id;
        }

        @Override
        public Optional<String> userOf(String id) {
            return sessions.getOrDefault(id, Optional.empty());
        }

        @Override
        public boolean exists(String id) {
            return sessions.containsKey(id);
        }

        @Override
        public void signIn(String id, String user) {
            sessions.replace(id, Optional.of(user));
        }

        @Override
        public void invalidate(String id) {
            sessions.remove(id);
        }

        int size() {
            return sessions.size();
        }
    }
}
