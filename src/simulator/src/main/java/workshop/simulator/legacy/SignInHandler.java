package workshop.simulator.legacy;

/** What the legacy session server does when a password checks out (A12): decides which session the user ends up in. */
@FunctionalInterface
public interface SignInHandler {

    /**
     * @param sessions    the server's sessions
     * @param presentedId the session ID the browser sent with the sign-in request (null: none, or not a live session)
     * @param user        who just proved their password
     * @return the ID of the session the user is now signed in to (the server sets it as the cookie)
     */
    String signIn(SessionTable sessions, String presentedId, String user);
}
