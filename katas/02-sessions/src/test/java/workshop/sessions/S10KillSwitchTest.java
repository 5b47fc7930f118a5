package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(10)
@DisplayName("S10 · kill switches")
class S10KillSwitchTest {

    private final SessionStore store = new SessionStore(MutableClock.atWorkshopStart(), Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S10 · a password change ends the user's other sessions and keeps the current one")
    void passwordChange() {
        Session laptop = store.login(null, "ada");
        Session phone = store.login(null, "ada");
        Session stolen = store.login(null, "ada");
        int ended = store.endOtherSessions("ada", laptop.id());
        assertThat(ended).as("two other sessions of ada were ended").isEqualTo(2);
        assertThat(store.find(laptop.id())).as("the session that changed the password stays logged in").isPresent();
        assertThat(store.find(phone.id())).isEmpty();
        assertThat(store.find(stolen.id()))
                .as("a password change often follows a suspected theft: the thief's session must end too (ASVS 5.0 V7.4)")
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("S10 · a kill switch leaves other users alone")
    void otherUsersUntouched() {
        Session ada = store.login(null, "ada");
        Session alan = store.login(null, "alan");
        Session anonymous = store.create();
        store.endAllSessions("ada");
        assertThat(store.find(alan.id())).as("alan's session has nothing to do with ada's account").isPresent();
        assertThat(store.find(anonymous.id())).isPresent();
        assertThat(store.find(ada.id())).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("S10 · disabling a user ends all their sessions and frees the memory")
    void disableUser() {
        for (int i = 0; i < 5; i++) {
            store.login(null, "ada");
        }
        store.login(null, "alan");
        assertThat(store.endAllSessions("ada")).as("all five of ada's sessions end").isEqualTo(5);
        assertThat(store.size()).as("ended sessions leave memory at once; only alan's is left").isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("S10 · a rotated session is still found by the kill switch")
    void rotatedSessionsAreKnown() {
        Session before = store.login(null, "ada");
        Session after = store.elevate(before.id(), "admin").orElseThrow();
        assertThat(store.endAllSessions("ada"))
                .as("the kill switch must know the user's CURRENT IDs, including ones issued by rotation").isEqualTo(1);
        assertThat(store.find(after.id())).isEmpty();
    }
}
