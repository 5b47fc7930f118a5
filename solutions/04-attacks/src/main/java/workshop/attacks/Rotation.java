package workshop.attacks;

/** Blue team: a new session ID at every sign-in. */
public final class Rotation {

    private Rotation() {
    }

    /**
     * A12 · The sign-in handler: {@code user} has just proved their password, with {@code presentedId} (null: none)
     * from the browser. Returns the ID of the session the user is signed in to from now on; the presented session,
     * if any, must no longer be usable.
     */
    public static String signIn(Sessions sessions, String presentedId, String user) {
        if (presentedId != null) {
            sessions.invalidate(presentedId); // whoever planted or saw this ID keeps nothing
        }
        return sessions.create(user);
    }
}
