package workshop.simulator.legacy;

import java.util.Optional;

/**
 * The legacy session server's sessions as a sign-in handler sees them (A12): what a session store offers a login
 * page. IDs come from the server's generator; a handler never makes them up.
 */
public interface SessionTable {

    /** A new session, signed in as {@code user} (null: an anonymous session); returns its ID. */
    String create(String user);

    /** The user signed in to session {@code id}; empty for an anonymous, unknown or ended session. */
    Optional<String> userOf(String id);

    /** Whether {@code id} names a live session, anonymous or signed in. */
    boolean exists(String id);

    /** Signs the existing session {@code id} in as {@code user}, keeping its ID (what the legacy login does). */
    void signIn(String id, String user);

    /** Ends session {@code id} (nothing happens for an unknown ID). */
    void invalidate(String id);
}
