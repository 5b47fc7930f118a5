package workshop.simulator.cluster;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in one app instance's own memory: 128-bit random IDs, an idle and an absolute timeout on the injected
 * clock, a per-user index for log out everywhere. Correct on one instance; behind a round-robin balancer the next
 * request lands on an instance that never saw the session — the point of module 05's first step.
 */
public final class InMemorySessionStore implements SessionStore {

    /** Idle timeout by default: no request for this long ends the session (as the kit's session site). */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    /** Absolute timeout by default: activity never extends a session beyond this. */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(8);

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public InMemorySessionStore(Clock clock) {
        this(clock, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT);
    }

    public InMemorySessionStore(Clock clock, Duration idle, Duration absolute) {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("Timeouts need 0 < idle <= absolute, got idle " + idle
                    + " and absolute " + absolute + ".");
        }
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    @Override
    public String create(String user) {
        Instant now = clock.instant();
        String id = newId();
        sessions.put(id, new Entry(user, now, now, new ConcurrentHashMap<>()));
        return id;
    }

    @Override
    public Optional<StoredSession> find(String id) {
        Entry e = live(id);
        if (e == null) {
            return Optional.empty();
        }
        e.lastAccess = clock.instant();
        return Optional.of(new StoredSession(e.user, e.attributes));
    }

    @Override
    public boolean put(String id, String name, String value) {
        Entry e = live(id);
        if (e == null) {
            return false;
        }
        e.lastAccess = clock.instant();
        e.attributes.put(name, value);
        return true;
    }

    @Override
    public Optional<String> rotate(String id) {
        Entry old = live(id);
        if (old == null || !sessions.remove(id, old)) {
            return Optional.empty();
        }
        String fresh = newId();
        sessions.put(fresh, new Entry(old.user, old.created, clock.instant(), old.attributes));
        return Optional.of(fresh);
    }

    @Override
    public boolean delete(String id) {
        return id != null && sessions.remove(id) != null;
    }

    @Override
    public int deleteAllFor(String user) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        sessions.forEach((id, e) -> {
            if (e.user.equals(user)) {
                ids.add(id);
            }
        });
        int ended = 0;
        for (String id : ids) {
            if (sessions.remove(id) != null) {
                ended++;
            }
        }
        return ended;
    }

    /** Sessions held, including expired ones not yet looked up. */
    public int size() {
        return sessions.size();
    }

    private Entry live(String id) {
        Entry e = id == null ? null : sessions.get(id);
        if (e == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(e.lastAccess.plus(idle)) || !now.isBefore(e.created.plus(absolute))) {
            sessions.remove(id, e);
            return null;
        }
        return e;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final class Entry {
        final String user;
        final Instant created;
        volatile Instant lastAccess;
        final Map<String, String> attributes;

        Entry(String user, Instant created, Instant lastAccess, Map<String, String> attributes) {
            this.user = user;
            this.created = created;
            this.lastAccess = lastAccess;
            this.attributes = attributes;
        }
    }
}
