package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(5)
@DisplayName("S5 · rotation")
class S5RotationTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S5 · rotate gives a new ID and the old ID is dead")
    void newIdOldDead() {
        Session old = store.create();
        Session rotated = store.rotate(old.id()).orElseThrow();
        assertThat(rotated.id()).as("rotation means a NEW random ID").isNotEqualTo(old.id());
        assertThat(store.find(old.id())).as("whoever knew the old ID (an attacker who planted it) must lose access").isEmpty();
        assertThat(store.find(rotated.id())).isPresent();
        assertThat(store.size()).as("one session moved, none added").isEqualTo(1);
    }

    @Test
    @Order(2)
    @DisplayName("S5 · rotation carries the attributes over")
    void keepsAttributes() {
        Session old = store.create();
        old.setAttribute("cart", "tea");
        Session rotated = store.rotate(old.id()).orElseThrow();
        assertThat(rotated.attribute("cart")).as("the user must not lose their cart because the ID changed").contains("tea");
    }

    @Test
    @Order(3)
    @DisplayName("S5 · rotation does not restart the absolute timeout")
    void keepsCreationTime() {
        Session old = store.create();
        for (int i = 0; i < 47; i++) {   // busy for 7 h 50 min: a request every 10 minutes
            clock.advance(Duration.ofMinutes(10));
            store.find(old.id());
        }
        Session rotated = store.rotate(old.id()).orElseThrow();
        assertThat(rotated.createdAt())
                .as("if rotation reset createdAt, rotating every few hours would keep a session alive forever")
                .isEqualTo(old.createdAt());
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.find(rotated.id())).as("8 hours after the ORIGINAL creation the session ends").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S5 · an unknown or expired ID cannot be rotated")
    void unknownCannotRotate() {
        Session old = store.create();
        clock.advance(Duration.ofMinutes(16));
        assertThat(store.rotate(old.id())).as("an expired session is dead; rotation must not revive it").isEmpty();
        assertThat(store.rotate("AAAAAAAAAAAAAAAAAAAAAA")).as("an ID the store never issued").isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("S5 · requests rotating one ID at once make exactly one successor")
    void concurrentRotationsHaveOneWinner() throws Exception {
        try (Concurrently together = new Concurrently(4)) {
            for (int round = 0; round < 500; round++) {
                Session old = store.create();
                old.setAttribute("cart", "tea");
                Callable<Optional<Session>> rotate = () -> store.rotate(old.id());
                List<Optional<Session>> results = together.run(List.of(rotate, rotate, rotate, rotate));
                long successors = results.stream().filter(Optional::isPresent).count();
                assertThat(successors)
                        .as("round %d: four requests rotated the same ID at the same moment and %d of them got a new session. "
                                + "Only the request whose REMOVE of the old ID succeeds may add a successor: check what the "
                                + "removal returns (ConcurrentHashMap.remove(id, session) is atomic), otherwise one session "
                                + "forks into several live ones", round, successors)
                        .isEqualTo(1);
                assertThat(store.find(old.id())).as("round %d: the old ID is dead", round).isEmpty();
                store.invalidate(results.stream().flatMap(Optional::stream).findFirst().orElseThrow().id());
                assertThat(store.size()).as("round %d: after ending the one successor, no forked copy is left in memory", round)
                        .isZero();
            }
        }
    }
}
