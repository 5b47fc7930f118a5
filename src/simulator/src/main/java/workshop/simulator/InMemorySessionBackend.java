package workshop.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's own session store: random 128-bit IDs, idle and absolute timeouts on the injected
 * clock, rotation on login. Expired sessions are dropped when looked up and by a sweep that runs at
 * most once a minute of clock time, so no request pays for a scan of every session.
 */
public final class InMemorySessionBackend implements SessionBackend {

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private volatile Instant nextSweep;

    public InMemorySessionBackend(Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("Timeouts need 0 < idle <= absolute, got idle " + idleTimeout
                    + " and absolute " + absoluteTimeout + ".");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.nextSweep = clock.instant().plus(Duration.ofMinutes(1));
    }

    @Override
    public String login(String presentedId, String user) {
        Instant now = clock.instant();
        sweepIfDue(now);
        Entry old = presentedId == null ? null : sessions.remove(presentedId);
        Entry fresh;
        if (old != null && old.aliveAt(now, idleTimeout, absoluteTimeout) && (old.user == null || old.user.equals(user))) {
            fresh = new Entry(user, old.created, now, old.attributes);   // rotation keeps the absolute deadline
        } else {
            fresh = new Entry(user, now, now, new ConcurrentHashMap<>());
        }
        String id = newId();
        sessions.put(id, fresh);
        return id;
    }

    @Override
    public Optional<LiveSession> find(String id) {
        Instant now = clock.instant();
        sweepIfDue(now);
        Entry entry = id == null ? null : sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.aliveAt(now, idleTimeout, absoluteTimeout)) {
            sessions.remove(id, entry);
            return Optional.empty();
        }
        entry.lastAccess = now;
        return Optional.of(entry);
    }

    @Override
    public boolean invalidate(String id) {
        return id != null && sessions.remove(id) != null;
    }

    /** Sessions held in memory, including expired ones not yet swept. */
    public int size() {
        return sessions.size();
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(Duration.ofMinutes(1));
        sessions.entrySet().removeIf(e -> !e.getValue().aliveAt(now, idleTimeout, absoluteTimeout));
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final class Entry implements LiveSession {
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

        boolean aliveAt(Instant now, Duration idle, Duration absolute) {
            return now.isBefore(lastAccess.plus(idle)) && now.isBefore(created.plus(absolute));
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        @Override
        public void setAttribute(String name, String value) {
            attributes.put(name, value);
        }

        @Override
        public String toString() {
            return "session of " + user + " (ID not shown)";
        }
    }
}
