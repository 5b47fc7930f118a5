package workshop.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

/** The default store of each instance: correct on its own, on the injected clock. */
class InMemorySessionStoreTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    void idleTimeoutSlidesWithUseAndTheAbsoluteOneDoesNot() {
        String id = store.create("ada");
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        for (int i = 0; i < 40; i++) {   // 40 × 14 min = 9 h 20 min of steady use
            clock.advance(Duration.ofMinutes(14));
            if (i < 34) {
                assertThat(store.find(id)).as("in use after %d min", (i + 1) * 14).isPresent();
            }
        }
        assertThat(store.find(id)).as("past the 8 h absolute timeout").isEmpty();
        String idle = store.create("alan");
        clock.advance(Duration.ofMinutes(15));
        assertThat(store.find(idle)).as("15 min without a request").isEmpty();
    }

    @Test
    void rotationKeepsDataAndKillsTheOldId() {
        String id = store.create("ada");
        assertThat(store.put(id, "cart", "tea")).isTrue();
        String fresh = store.rotate(id).orElseThrow();
        assertThat(fresh).isNotEqualTo(id);
        assertThat(store.find(id)).isEmpty();
        assertThat(store.find(fresh).orElseThrow().attribute("cart")).contains("tea");
        assertThat(store.rotate(id)).isEmpty();
        assertThat(store.put(id, "cart", "x")).isFalse();
    }

    @Test
    void logoutEverywhereEndsOnlyThatUsersSessions() {
        String a1 = store.create("ada");
        String a2 = store.create("ada");
        String g = store.create("grace");
        assertThat(store.deleteAllFor("ada")).isEqualTo(2);
        assertThat(store.find(a1)).isEmpty();
        assertThat(store.find(a2)).isEmpty();
        assertThat(store.find(g)).isPresent();
        assertThat(store.delete(g)).isTrue();
        assertThat(store.delete(g)).isFalse();
    }

    @Test
    void timeoutsMustMakeSense() {
        assertThatThrownBy(() -> new InMemorySessionStore(clock, Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle <= absolute");
    }
}
