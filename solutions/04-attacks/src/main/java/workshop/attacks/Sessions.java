package workshop.attacks;

import java.util.Optional;

/** Given: a server's sessions as a sign-in handler sees them (A12). IDs come from the server's generator. */
public interface Sessions {

    /** A new session, signed in as {@code user} (null: anonymous); returns its fresh ID. */
    String create(String user);

    /** The user signed in to session {@code id}; empty for an anonymous, unknown or ended session. */
    Optional<String> userOf(String id);

    /** Whether {@code id} names a live session, anonymous or signed in. */
    boolean exists(String id);

    /** Signs the existing session {@code id} in as {@code user}, keeping its ID. */
    void signIn(String id, String user);

    /** Ends session {@code id} (nothing happens for an unknown ID). */
    void invalidate(String id);
}
