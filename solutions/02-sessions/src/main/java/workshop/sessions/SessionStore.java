package workshop.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Server-side sessions in memory: O(1) lookup by ID, idle and absolute timeouts on an injected
 * clock, rotation, kill switches. Thread-safe.
 *
 * <p>Cleanup never scans every session: a priority queue holds one (deadline, ID) entry per session,
 * earliest first. A touch does not update the queue; when an entry comes due, the session's real
 * deadline decides whether to drop it or to put it back. Each request pops a bounded batch of due entries.
 *
 * <p>Anonymous and logged-in sessions have separate budgets of {@code maxSessions} each: anyone can
 * create anonymous sessions by the million, and that must not stop users from logging in.
 *
 * <p>Every change to a logged-in user's sessions (add, remove, rotate, kill switch) happens inside
 * {@code idsByUser.compute(user, ...)}, which locks that user's entry: a kill switch therefore sees
 * every session of the user, including one being rotated or created at the same moment.
 */
public final class SessionStore {

    /**
     * Due entries a single request may clean up: bounded work per request whatever the store's size (tens of
     * microseconds), yet 100,000 sessions that expire together are gone after 782 requests.
     */
    static final int PURGE_PER_REQUEST = 128;

    /**
     * Anonymous sessions, and separately logged-in sessions, the 3-argument constructor allows: about 45 MB
     * of heap per budget at ~450 bytes per idle session.
     */
    public static final int DEFAULT_MAX_SESSIONS = 100_000;

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxSessions;
    private final SessionIdGenerator ids = new SessionIdGenerator();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    // user -> IDs; each set is only read or changed inside idsByUser.compute for its user (the entry's lock)
    private final Map<String, Set<String>> idsByUser = new ConcurrentHashMap<>();
    private final PriorityQueue<Due> expiries = new PriorityQueue<>();
    private final ReentrantLock expiryLock = new ReentrantLock();
    // sessions without a user, counted where they are added, removed or logged in; the rest are logged in
    private final AtomicInteger anonymous = new AtomicInteger();

    private record Due(Instant at, String id) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }

    /**
     * @param idleTimeout     no request for this long ends a session (sliding)
     * @param absoluteTimeout a session ends this long after it was created, however busy
     */
    public SessionStore(Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this(clock, idleTimeout, absoluteTimeout, DEFAULT_MAX_SESSIONS);
    }

    /**
     * @param idleTimeout     no request for this long ends a session (sliding)
     * @param absoluteTimeout a session ends this long after it was created, however busy
     * @param maxSessions     anonymous sessions held at most, and separately logged-in sessions held at most;
     *                        beyond it new sessions of that kind are refused ({@link TooManySessionsException})
     */
    public SessionStore(Clock clock, Duration idleTimeout, Duration absoluteTimeout, int maxSessions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.absoluteTimeout = Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("Timeouts need 0 < idle <= absolute (e.g. 15 minutes and 8 hours), got idle "
                    + idleTimeout + " and absolute " + absoluteTimeout + ".");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1 (e.g. " + DEFAULT_MAX_SESSIONS + "), got " + maxSessions + ".");
        }
        this.maxSessions = maxSessions;
    }

    /** S2 · starts an anonymous session with a fresh random ID; S4 · refuses one beyond {@code maxSessions}. */
    public Session create() {
        Instant now = clock.instant();
        purge(now, false);
        return add(null, now, Map.of());
    }

    /** S2 · the live session with this ID (its idle timer restarts), or empty if unknown, expired or ended. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        purge(now, false);
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!now.isBefore(expiresAt(session))) {
            remove(session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** S2 · ends the session now; returns false if no live session had this ID. */
    public boolean invalidate(String id) {
        Session session = id == null ? null : sessions.get(id);
        return session != null && remove(session);
    }

    /** S2 · sessions held in memory, including expired ones not yet cleaned up. */
    public int size() {
        return sessions.size();
    }

    /** S3 · when the session ends unless used again: the earlier of idle and absolute deadlines. */
    public Instant expiresAt(Session session) {
        Instant idle = session.lastAccessedAt().plus(idleTimeout);
        Instant absolute = session.createdAt().plus(absoluteTimeout);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    /** S4 · removes every expired session from memory now; returns how many. */
    public int purgeExpired() {
        return purge(clock.instant(), true);
    }

    /** S5 · moves a live session to a new ID, attributes and creation time kept; the old ID is dead. */
    public Optional<Session> rotate(String id) {
        return find(id).flatMap(old -> replace(old, old.user().orElse(null)));
    }

    /**
     * S6 · a user has logged in: returns their session under a NEW ID. A live presented session is
     * rotated (its cart survives); an ID this store never issued is ignored, never adopted.
     *
     * @param presentedId the ID the client sent, or null
     */
    public Session login(String presentedId, String user) {
        Objects.requireNonNull(user, "user");
        Optional<Session> current = find(presentedId);
        if (current.isPresent()) {
            Session old = current.get();
            if (old.user().isEmpty() || old.user().get().equals(user)) {
                if (old.user().isEmpty()) {
                    ensureRoom(user, clock.instant());   // the session moves to the logged-in budget
                }
                Optional<Session> rotated = replace(old, user);
                if (rotated.isPresent()) {
                    return rotated.get();
                }
                // ended meanwhile (logout, kill switch): a fresh login starts clean, nothing carried over
            } else {
                remove(old);   // another user's session: end it, carry nothing over
            }
        }
        Instant now = clock.instant();
        return add(user, now, Map.of());
    }

    /** S6 · a privilege change (e.g. becoming admin) also gets a new ID; the role is stored as an attribute. */
    public Optional<Session> elevate(String id, String role) {
        return rotate(id).map(session -> {
            session.setAttribute("role", role);
            return session;
        });
    }

    /** S10 · after a password change: ends every session of the user except the one that changed it. */
    public int endOtherSessions(String user, String keepId) {
        return end(user, keepId);
    }

    /** S10 · a disabled (or compromised) account: ends every session of the user. */
    public int endAllSessions(String user) {
        return end(user, null);
    }

    private int end(String user, String keepId) {
        int[] ended = {0};
        idsByUser.computeIfPresent(user, (u, theirs) -> {
            theirs.removeIf(id -> {
                if (id.equals(keepId)) {
                    return false;
                }
                if (sessions.remove(id) != null) {
                    ended[0]++;
                }
                return true;
            });
            return theirs.isEmpty() ? null : theirs;
        });
        return ended[0];
    }

    /**
     * Moves {@code old} to a fresh ID for {@code user} (old's user, or a login of an anonymous session).
     * Empty if {@code old} is no longer live: a kill switch, a logout or another rotation got there first,
     * and a dead session must not come back under a new ID.
     */
    private Optional<Session> replace(Session old, String user) {
        Session fresh = new Session(ids.next(), user, old.createdAt(), clock.instant(), old.attributes());
        boolean[] moved = {false};
        if (user == null) {
            moved[0] = swap(old, fresh);
        } else {
            // old's user is null or the same user, so this one lock covers both IDs
            idsByUser.compute(user, (u, theirs) -> {
                moved[0] = swap(old, fresh);
                if (!moved[0]) {
                    return theirs;
                }
                Set<String> ids = theirs == null ? new HashSet<>() : theirs;
                ids.remove(old.id());
                ids.add(fresh.id());
                return ids;
            });
        }
        if (!moved[0]) {
            return Optional.empty();
        }
        queue(fresh);
        return Optional.of(fresh);
    }

    /** Exactly one caller wins: the one whose remove(old) succeeds puts the successor in. */
    private boolean swap(Session old, Session fresh) {
        if (!sessions.remove(old.id(), old)) {
            return false;
        }
        sessions.put(fresh.id(), fresh);
        if (old.user().isEmpty() && fresh.user().isPresent()) {
            anonymous.decrementAndGet();   // logged in: it now counts against the logged-in budget
        }
        return true;
    }

    /**
     * Refuses a new session of this kind (anonymous if {@code user} is null) once its budget is full, after
     * removing the sessions that are due. Reads the counts without a lock: concurrent requests can overshoot
     * by a few.
     */
    private void ensureRoom(String user, Instant now) {
        if (held(user) < maxSessions) {
            return;
        }
        purge(now, true);   // pops only entries that are due, not a scan of every session
        if (held(user) >= maxSessions) {
            throw new TooManySessionsException(user == null
                    ? "The store already holds its maximum of " + maxSessions + " anonymous sessions; refusing a new "
                            + "one. A flood of anonymous requests looks like this: answer 503, or raise maxSessions if the "
                            + "server really has that many visitors. Logins still work: they have their own budget."
                    : "The store already holds its maximum of " + maxSessions + " logged-in sessions; refusing a new "
                            + "one. Answer 503, or raise maxSessions if that many users are really logged in.");
        }
    }

    private int held(String user) {
        int anonymousNow = anonymous.get();
        return user == null ? anonymousNow : sessions.size() - anonymousNow;
    }

    private Session add(String user, Instant now, Map<String, Object> attributes) {
        ensureRoom(user, now);
        Session session = new Session(ids.next(), user, now, now, attributes);
        if (user == null) {
            sessions.put(session.id(), session);
            anonymous.incrementAndGet();
        } else {
            idsByUser.compute(user, (u, theirs) -> {
                Set<String> ids = theirs == null ? new HashSet<>() : theirs;
                ids.add(session.id());
                sessions.put(session.id(), session);
                return ids;
            });
        }
        queue(session);
        return session;
    }

    private void queue(Session session) {
        expiryLock.lock();
        try {
            expiries.add(new Due(expiresAt(session), session.id()));
        } finally {
            expiryLock.unlock();
        }
    }

    private boolean remove(Session session) {
        String user = session.user().orElse(null);
        if (user == null) {
            boolean removed = sessions.remove(session.id(), session);
            if (removed) {
                anonymous.decrementAndGet();
            }
            return removed;
        }
        boolean[] removed = {false};
        idsByUser.computeIfPresent(user, (u, theirs) -> {
            removed[0] = sessions.remove(session.id(), session);
            theirs.remove(session.id());
            return theirs.isEmpty() ? null : theirs;
        });
        return removed[0];   // its queue entry is dropped when it comes due
    }

    /**
     * Removes expired sessions whose queue entries are due: one batch of at most {@link #PURGE_PER_REQUEST}
     * for a request (skipped if another thread holds the queue: a request never waits for cleanup), or
     * batch after batch until nothing is due when {@code everything}. The queue lock is held only to take
     * a batch out; the sessions are checked and removed without it.
     */
    private int purge(Instant now, boolean everything) {
        int removed = 0;
        List<Due> batch;
        do {
            batch = takeDue(now, everything);
            List<Due> again = null;
            for (Due due : batch) {
                Session session = sessions.get(due.id());
                if (session == null) {
                    continue;   // already invalidated or rotated
                }
                Instant deadline = expiresAt(session);
                if (now.isBefore(deadline)) {
                    if (again == null) {
                        again = new ArrayList<>();
                    }
                    again.add(new Due(deadline, due.id()));   // used since: check again at its new deadline
                } else if (remove(session)) {
                    removed++;
                }
            }
            if (again != null) {
                expiryLock.lock();
                try {
                    expiries.addAll(again);
                } finally {
                    expiryLock.unlock();
                }
            }
        } while (everything && batch.size() == PURGE_PER_REQUEST);
        return removed;
    }

    /** Up to PURGE_PER_REQUEST entries whose deadline has come, earliest first; empty if none (or the lock is busy). */
    private List<Due> takeDue(Instant now, boolean wait) {
        if (wait) {
            expiryLock.lock();
        } else if (!expiryLock.tryLock()) {
            return List.of();
        }
        try {
            Due head = expiries.peek();
            if (head == null || head.at().isAfter(now)) {
                return List.of();   // the common case: nothing due, nothing allocated
            }
            List<Due> batch = new ArrayList<>(PURGE_PER_REQUEST);
            while (batch.size() < PURGE_PER_REQUEST && head != null && !head.at().isAfter(now)) {
                batch.add(expiries.poll());
                head = expiries.peek();
            }
            return batch;
        } finally {
            expiryLock.unlock();
        }
    }
}
