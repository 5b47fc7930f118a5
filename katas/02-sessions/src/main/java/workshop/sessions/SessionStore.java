package workshop.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Server-side sessions in memory: lookup by ID, idle and absolute timeouts on a clock, rotation, kill switches. Thread-safe. */
public final class SessionStore {

    /** Anonymous sessions, and separately logged-in sessions, the 3-argument constructor allows (about 45 MB of heap each). */
    public static final int DEFAULT_MAX_SESSIONS = 100_000;

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxSessions;

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
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.maxSessions = maxSessions;
    }

    /** S2 · starts an anonymous session with a fresh random ID; S4 · refuses one beyond {@code maxSessions}. */
    public Session create() {
        throw new UnsupportedOperationException("S2 · create a session — see notebooks/02-sessions.ipynb, S2");
    }

    /** S2 · the live session with this ID (its idle timer restarts), or empty if unknown, expired or ended. */
    public Optional<Session> find(String id) {
        throw new UnsupportedOperationException("S2 · find a session — see notebooks/02-sessions.ipynb, S2");
    }

    /** S2 · ends the session now; returns false if no live session had this ID. */
    public boolean invalidate(String id) {
        throw new UnsupportedOperationException("S2 · invalidate a session — see notebooks/02-sessions.ipynb, S2");
    }

    /** S2 · sessions held in memory, including expired ones not yet cleaned up. */
    public int size() {
        throw new UnsupportedOperationException("S2 · count sessions in memory — see notebooks/02-sessions.ipynb, S2");
    }

    /** S3 · when the session ends unless used again: the earlier of its idle and absolute deadlines. */
    public Instant expiresAt(Session session) {
        throw new UnsupportedOperationException("S3 · idle and absolute timeouts — see notebooks/02-sessions.ipynb, S3");
    }

    /** S4 · removes every expired session from memory now; returns how many. */
    public int purgeExpired() {
        throw new UnsupportedOperationException("S4 · remove expired sessions — see notebooks/02-sessions.ipynb, S4");
    }

    /** S5 · moves a live session to a new ID, attributes and creation time kept; the old ID is dead. */
    public Optional<Session> rotate(String id) {
        throw new UnsupportedOperationException("S5 · rotate the ID — see notebooks/02-sessions.ipynb, S5");
    }

    /**
     * S6 · a user has logged in: returns their session under a NEW ID; a live presented session is
     * rotated, an ID this store never issued is never adopted.
     *
     * @param presentedId the ID the client sent, or null
     */
    public Session login(String presentedId, String user) {
        throw new UnsupportedOperationException("S6 · log in without session fixation — see notebooks/02-sessions.ipynb, S6");
    }

    /** S6 · a privilege change (e.g. becoming admin) gets a new ID too; the role is stored as attribute "role". */
    public Optional<Session> elevate(String id, String role) {
        throw new UnsupportedOperationException("S6 · new ID on privilege change — see notebooks/02-sessions.ipynb, S6");
    }

    /** S10 · after a password change: ends every session of the user except the one that changed it. */
    public int endOtherSessions(String user, String keepId) {
        throw new UnsupportedOperationException("S10 · kill switch: password change — see notebooks/02-sessions.ipynb, S10");
    }

    /** S10 · a disabled account: ends every session of the user. */
    public int endAllSessions(String user) {
        throw new UnsupportedOperationException("S10 · kill switch: disabled user — see notebooks/02-sessions.ipynb, S10");
    }
}
