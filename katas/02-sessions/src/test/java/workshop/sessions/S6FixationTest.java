package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(6)
@DisplayName("S6 · login, privilege change and session fixation")
class S6FixationTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S6 · login without a session starts one for the user")
    void loginFresh() {
        Session session = store.login(null, "ada");
        assertThat(session.user()).as("the logged-in user is recorded in the server-side session").contains("ada");
        assertThat(store.find(session.id())).isPresent();
    }

    @Test
    @Order(2)
    @DisplayName("S6 · login rotates the anonymous session: the planted ID dies, the cart survives")
    void loginRotates() {
        // The attacker gets a real anonymous session and plants its ID in the victim's browser.
        Session planted = store.create();
        planted.setAttribute("cart", "tea");
        Session victim = store.login(planted.id(), "ada");
        assertThat(victim.id())
                .as("session fixation (OWASP): if the ID stayed the same at login, the attacker who planted it would now be "
                        + "logged in as ada. Login must issue a NEW ID")
                .isNotEqualTo(planted.id());
        assertThat(store.find(planted.id())).as("the attacker's copy of the old ID is dead").isEmpty();
        assertThat(victim.attribute("cart")).as("what the visitor did before logging in is carried over").contains("tea");
    }

    @Test
    @Order(3)
    @DisplayName("S6 · an ID the server never issued is never adopted")
    void neverAdopt() {
        String chosen = "ChosenByTheAttacker_123";
        Session session = store.login(chosen, "ada");
        assertThat(session.id()).as("a lenient server adopts any ID a client offers; a strict one only knows IDs it made").isNotEqualTo(chosen);
        assertThat(store.find(chosen)).as("the attacker's chosen ID must not become a session").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S6 · logging in again also gets a new ID")
    void reloginRotates() {
        Session first = store.login(null, "ada");
        Session second = store.login(first.id(), "ada");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(store.find(first.id())).as("every login issues a new ID and kills the old one").isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    @Order(5)
    @DisplayName("S6 · another user's session is not carried into a new login")
    void otherUserStartsClean() {
        Session alan = store.login(null, "alan");
        alan.setAttribute("cart", "alan's secret order");
        Session ada = store.login(alan.id(), "ada");
        assertThat(ada.attribute("cart")).as("ada logs in on a browser where alan was logged in: she must not inherit his data").isEmpty();
        assertThat(store.find(alan.id())).isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("S6 · a privilege change rotates the ID")
    void elevateRotates() {
        Session user = store.login(null, "ada");
        Session admin = store.elevate(user.id(), "admin").orElseThrow();
        assertThat(admin.id()).as("OWASP: renew the ID on any privilege level change").isNotEqualTo(user.id());
        assertThat(store.find(user.id())).isEmpty();
        assertThat(admin.attribute("role")).contains("admin");
        assertThat(admin.user()).contains("ada");
    }
}
