package workshop.sessions;

/** Log lines about sessions. */
public final class SessionLog {

    private SessionLog() {
    }

    /**
     * S9 · one log line about a session event, e.g. {@code session login user="ada" session=#3f2a9c01b7de}: never the
     * ID; the user name in a quoted field with JSON string escapes, so no name can start a new line or field.
     *
     * @param event a word from your code, e.g. {@code login}
     */
    public static String line(String event, Session session) {
        throw new UnsupportedOperationException("S9 · IDs never in logs — see notebooks/02-sessions.ipynb, S9");
    }
}
