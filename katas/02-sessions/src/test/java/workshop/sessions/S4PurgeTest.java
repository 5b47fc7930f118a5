package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(4)
@DisplayName("S4 · expired sessions leave memory")
class S4PurgeTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S4 · purgeExpired removes expired sessions and keeps live ones")
    void purgeRemovesExpired() {
        for (int i = 0; i < 10; i++) {
            store.create();
        }
        clock.advance(Duration.ofMinutes(10));
        Session fresh = store.create();
        clock.advance(Duration.ofMinutes(6));
        int purged = store.purgeExpired();
        assertThat(purged).as("10 sessions were idle for 16 minutes: purgeExpired returns how many it removed").isEqualTo(10);
        assertThat(store.size()).as("only the session created 6 minutes ago is left in memory").isEqualTo(1);
        assertThat(store.find(fresh.id())).isPresent();
    }

    @Test
    @Order(2)
    @DisplayName("S4 · a session used since its creation is not purged at its first deadline")
    void purgeRespectsActivity() {
        Session busy = store.create();
        Session idle = store.create();
        clock.advance(Duration.ofMinutes(10));
        store.find(busy.id());
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.purgeExpired()).as("only the idle session is expired").isEqualTo(1);
        assertThat(store.find(busy.id()))
                .as("the busy session was used 10 minutes ago: an expiry index keyed by the FIRST deadline must check the real "
                        + "(sliding) deadline before removing")
                .isPresent();
        assertThat(store.find(idle.id())).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("S4 · an expired session found by its ID is removed on the spot")
    void lookupRemoves() {
        Session session = store.create();
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find(session.id())).isEmpty();
        assertThat(store.size()).as("a lookup that finds an expired session may as well free it").isZero();
    }

    @Test
    @Order(4)
    @DisplayName("S4 · expired sessions are cleaned up eventually, without calling purgeExpired")
    void eventuallyRemoved() {
        for (int i = 0; i < 1_000; i++) {
            store.create();
        }
        clock.advance(Duration.ofHours(1));
        List<Session> live = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            live.add(store.create());
        }
        assertThat(store.size())
                .as("1,000 sessions expired an hour ago and nobody asked for them again; after 1,000 more requests they must be "
                        + "gone from memory, or a busy server runs out of heap. Clean up a few expired sessions on each "
                        + "create/find (without scanning every session each time)")
                .isEqualTo(live.size());
    }

    @Test
    @Order(5)
    @DisplayName("S4 · a full store refuses new sessions, after making room from expired ones")
    void limitedSize() {
        SessionStore small = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8), 3);
        for (int i = 0; i < 3; i++) {
            small.create();
        }
        assertThatExceptionOfType(TooManySessionsException.class)
                .as("every anonymous request may create a session, so a script can create millions: with maxSessions=3 and 3 live "
                        + "sessions, create() must refuse with TooManySessionsException (a web application can answer 503) instead of "
                        + "growing until the heap runs out")
                .isThrownBy(small::create)
                .withMessageContaining("3");
        clock.advance(Duration.ofMinutes(16));
        small.create();
        assertThat(small.size())
                .as("the 3 sessions expired: before refusing, the store removes expired sessions to make room").isEqualTo(1);
    }
}
