package workshop.simulator.cluster;

import java.util.Optional;

/**
 * The session store an app instance calls on each request: the part kata 05 replaces. The default keeps sessions in
 * the instance's own memory ({@link InMemorySessionStore}), which is exactly what breaks behind a round-robin balancer;
 * a store in Redis, shared by every instance, fixes it.
 * <p>
 * Any exception from a method means "the store cannot answer now" (Redis down, a timeout): the app then answers
 * {@code 503} with the reason and treats nobody as logged in (fail closed). It never answers 500 for it.
 */
public interface SessionStore {

    /** A user has just logged in: starts a session and returns its new, unguessable ID. */
    String create(String user);

    /** The live session with this ID (its idle timer restarts), or empty if unknown, expired or ended. */
    Optional<StoredSession> find(String id);

    /** Sets one attribute of a live session; false if the session is not alive. */
    boolean put(String id, String name, String value);

    /**
     * Moves a live session to a new ID, atomically: attributes and the absolute deadline kept, the old ID dead at
     * once. Empty if {@code id} is not alive. The app calls it when a logged-in user logs in again.
     */
    Optional<String> rotate(String id);

    /** Ends one session (log out); false if it was not alive. */
    boolean delete(String id);

    /** Ends every session of a user (log out everywhere: a stolen laptop, a changed password); returns how many. */
    int deleteAllFor(String user);
}
