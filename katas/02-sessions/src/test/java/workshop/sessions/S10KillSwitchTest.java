package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Test
    @Order(5)
    @DisplayName("S10 · a kill switch running during logins and rotations leaves none of the user's sessions alive")
    void killSwitchDuringRotation() throws Exception {
        try (Concurrently together = new Concurrently(5)) {
            for (int round = 0; round < 300; round++) {
                SessionStore store = new SessionStore(MutableClock.atWorkshopStart(), Duration.ofMinutes(15), Duration.ofHours(8));
                List<Session> before = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Session session = store.login(null, "ada");
                    session.setAttribute("cart", "tea");
                    before.add(session);
                }
                Callable<List<Session>> rotateTwice = () -> {
                    List<Session> made = new ArrayList<>();
                    Optional<Session> next = store.rotate(before.get(0).id());
                    next.ifPresent(made::add);
                    next.flatMap(s -> store.rotate(s.id())).ifPresent(made::add);
                    return made;
                };
                Callable<List<Session>> elevate = () -> store.elevate(before.get(1).id(), "admin").stream().toList();
                Callable<List<Session>> loginAgain = () -> List.of(store.login(before.get(2).id(), "ada"));
                Callable<List<Session>> rotate = () -> store.rotate(before.get(3).id()).stream().toList();
                Callable<List<Session>> disable = () -> {
                    store.endAllSessions("ada");
                    return List.of();
                };
                List<Session> made = new ArrayList<>(before);
                together.run(List.of(rotateTwice, elevate, loginAgain, disable, rotate)).forEach(made::addAll);

                for (Session session : made) {
                    Optional<Session> alive = store.find(session.id());
                    assertThat(alive.flatMap(s -> s.attribute("cart")))
                            .as("round %d: ada was disabled while her requests rotated their sessions, yet %s still lives and carries "
                                    + "the cart of a session that existed when the kill switch ran. A rotation that runs into a kill "
                                    + "switch must not bring the session back under a new ID: stop if removing the old ID says it was already "
                                    + "gone. And the kill switch must not miss a session being added: change a user's sessions and "
                                    + "their index in one step, e.g. inside idsByUser.compute(user, ...), which locks that user. (A login that starts after the kill switch "
                                    + "may start a new, empty session: refusing disabled users is the login page's job.)",
                                    round, session)
                            .isEmpty();
                }
            }
        }
    }
}
