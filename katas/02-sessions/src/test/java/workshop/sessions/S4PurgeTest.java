package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
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
        TooManySessionsException full = ExpectThrow.expect(TooManySessionsException.class,
                "create() on a store with maxSessions=3 that holds 3 live sessions", small::create,
                "every anonymous request may create a session, so a script can create millions: refuse with"
                        + " TooManySessionsException (a web application can answer 503) instead of growing until the heap runs out");
        assertThat(full.getMessage())
                .as("the TooManySessionsException should say which limit was hit, so an operator can act on it (name the 3)")
                .contains("3");
        clock.advance(Duration.ofMinutes(16));
        small.create();
        assertThat(small.size())
                .as("the 3 sessions expired: before refusing, the store removes expired sessions to make room").isEqualTo(1);
    }

    @Test
    @Order(6)
    @DisplayName("S4 · a flood of anonymous sessions does not lock users out of logging in")
    void anonymousFloodCannotBlockLogins() {
        int max = 100;
        SessionStore small = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8), max);
        List<Session> flood = new ArrayList<>();
        for (int i = 0; i < max + 1_000; i++) {
            try {
                flood.add(small.create());
            } catch (TooManySessionsException full) {
                // expected once the anonymous sessions fill the store
            }
        }
        Session ada;
        try {
            ada = small.login(null, "ada");
        } catch (TooManySessionsException e) {
            throw new AssertionError("a script made " + (max + 1_000) + " anonymous requests (no password needed), and now ada "
                    + "cannot log in: " + e.getMessage() + " An attacker locks every user out this way. Give anonymous "
                    + "sessions their own budget (count them separately), so the limit stops the flood, not the users", e);
        }
        assertThat(small.find(ada.id()).flatMap(Session::user))
                .as("after %d anonymous requests, ada logged in and her session is found", max + 1_000)
                .contains("ada");
        Session grace = small.login(flood.get(0).id(), "grace");
        assertThat(small.find(grace.id()).flatMap(Session::user))
                .as("a visitor who came in with the flood (an anonymous session with a cart) can log in too")
                .contains("grace");
    }

    @Test
    @Order(7)
    @DisplayName("S4 · 100,000 sessions that expire together leave memory within 1,000 requests")
    void massExpiry() {
        int sessions = 100_000;
        for (int i = 0; i < sessions; i++) {
            store.create();
        }
        clock.advance(Duration.ofMinutes(16));
        int requests = 0;
        while (store.size() > 0 && requests < 1_000) {
            store.find("AAAAAAAAAAAAAAAAAAAAAA");   // any request, here one presenting an ID the store never issued
            requests++;
        }
        assertThat(store.size())
                .as("%,d sessions expired together (a morning rush, 16 minutes later); after %,d requests %,d are still in "
                        + "memory. At 4 per request this takes 25,000 requests, while the heap stays full. Take a bigger "
                        + "batch of due entries per request, still bounded (e.g. 128): the cost of a request stays flat "
                        + "however large the store, and a mass expiry is gone within 1,000 requests",
                        sessions, requests, store.size())
                .isZero();
    }
}
