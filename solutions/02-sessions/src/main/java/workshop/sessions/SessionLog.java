package workshop.sessions;

/** Log lines about sessions that never contain a session ID (OWASP Logging Cheat Sheet). */
public final class SessionLog {

    private SessionLog() {
    }

    /** S9 · e.g. {@code "session login user=ada session=#3f2a9c01b7de"}: the fingerprint, never the ID. */
    public static String line(String event, Session session) {
        return "session " + event + " user=" + session.user().orElse("-") + " session=" + session.fingerprint();
    }
}
