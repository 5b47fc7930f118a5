package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(2)
@DisplayName("S2 · the session store")
class S2SessionStoreTest {

    static final Duration IDLE = Duration.ofMinutes(15);
    static final Duration ABSOLUTE = Duration.ofHours(8);

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SessionStore store = new SessionStore(clock, IDLE, ABSOLUTE);

    @Test
    @Order(1)
    @DisplayName("S2 · a created session can be found by its ID")
    void createThenFind() {
        Session session = store.create();
        assertThat(store.find(session.id()))
                .as("find(id) returns the session create() made: the cookie carries only the ID, the state stays here")
                .containsSame(session);
    }

    @Test
    @Order(2)
    @DisplayName("S2 · a new session starts now, anonymous, with a random ID")
    void newSessionTimes() {
        Session session = store.create();
        assertThat(session.createdAt()).as("createdAt comes from the injected clock, not the system clock").isEqualTo(clock.instant());
        assertThat(session.lastAccessedAt()).as("a new session was last used when it was created").isEqualTo(clock.instant());
        assertThat(session.user()).as("create() makes an anonymous session; login (S6) attaches a user").isEmpty();
        assertThat(session.id()).as("the ID comes from SessionIdGenerator (S1)").matches("[A-Za-z0-9_-]{22,}");
    }

    @Test
    @Order(3)
    @DisplayName("S2 · an ID the store never issued finds nothing")
    void unknownId() {
        store.create();
        assertThat(store.find("AAAAAAAAAAAAAAAAAAAAAA")).as("an unknown ID is not a session").isEmpty();
        assertThat(store.find(null)).as("no cookie, no session (and no NullPointerException)").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S2 · attributes written in one request are read in the next")
    void attributes() {
        Session session = store.create();
        session.setAttribute("cart", List.of("tea"));
        assertThat(store.find(session.id()).flatMap(s -> s.attribute("cart")))
                .as("the cart lives in the server-side session, found again by ID")
                .contains(List.of("tea"));
    }

    @Test
    @Order(5)
    @DisplayName("S2 · an invalidated session is gone, from lookups and from memory")
    void invalidate() {
        Session session = store.create();
        Session other = store.create();
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.invalidate(session.id())).as("invalidate returns true for a live session").isTrue();
        assertThat(store.find(session.id())).as("after invalidate, the ID is dead (OWASP: invalidate on the server)").isEmpty();
        assertThat(store.size()).as("invalidate frees the memory at once").isEqualTo(1);
        assertThat(store.invalidate(session.id())).as("a second invalidate has nothing to end").isFalse();
        assertThat(store.find(other.id())).as("other sessions are untouched").isPresent();
    }

    @Test
    @Order(6)
    @DisplayName("S2 · many threads at once: no lost session, no shared ID")
    void threadSafe() throws Exception {
        int threads = 16;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    List<String> kept = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Session s = store.create();
                        s.setAttribute("owner", thread + ":" + i);
                        Session found = store.find(s.id()).orElseThrow(() -> new AssertionError("a session just created was not found"));
                        if (!found.attribute("owner").equals(java.util.Optional.of(thread + ":" + i))) {
                            throw new AssertionError("another thread's attribute showed up in this session");
                        }
                        if (i % 2 == 0) {
                            store.invalidate(s.id());
                        } else {
                            kept.add(s.id());
                        }
                    }
                    return kept;
                });
            }
            Set<String> all = new HashSet<>();
            int kept = 0;
            for (Future<List<String>> f : pool.invokeAll(work)) {
                List<String> ids = f.get();
                kept += ids.size();
                all.addAll(ids);
            }
            assertThat(all).as("%d threads created sessions at once: every kept ID must be distinct", threads).hasSize(kept);
            assertThat(store.size())
                    .as("half of %d sessions were invalidated: a HashMap (not thread-safe) loses or keeps entries under concurrent "
                            + "puts and removes; use a ConcurrentHashMap", threads * perThread)
                    .isEqualTo(threads * perThread / 2);
            for (String id : all) {
                assertThat(store.find(id)).as("every kept session is still found").isPresent();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
