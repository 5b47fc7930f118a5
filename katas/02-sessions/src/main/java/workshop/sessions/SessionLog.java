package workshop.sessions;

/** Log lines about sessions. */
public final class SessionLog {

    private SessionLog() {
    }

    /** S9 · one log line about a session event, e.g. "login". */
    public static String line(String event, Session session) {
        throw new UnsupportedOperationException("S9 · IDs never in logs — see notebooks/02-sessions.ipynb, S9");
    }
}
