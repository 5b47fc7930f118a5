package workshop.simulator;

import java.util.Optional;

/**
 * The server-side session store behind {@link SessionSite}. The site speaks HTTP and cookies; the
 * backend keeps the state and decides what is alive. The simulator has its own
 * ({@link InMemorySessionBackend}); a learner can plug in theirs with a small adapter, so their
 * store answers real HTTP requests.
 */
public interface SessionBackend {

    /**
     * A user has just proved who they are. Returns the ID of their session, always a NEW one:
     * if {@code presentedId} names a live session, that session moves to a new ID (attributes kept,
     * old ID dead); otherwise a fresh session starts. An ID the server never issued is never adopted.
     *
     * @param presentedId the session ID the client sent, or null
     */
    String login(String presentedId, String user);

    /** The live session with this ID (its idle timer restarts), or empty if unknown, expired or ended. */
    Optional<LiveSession> find(String id);

    /** Ends the session; returns false if it was not alive. */
    boolean invalidate(String id);

    /** A live session as the site sees it: who it belongs to and its text attributes. */
    interface LiveSession {
        String user();

        Optional<String> attribute(String name);

        void setAttribute(String name, String value);
    }
}
