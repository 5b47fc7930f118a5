package workshop.sessions;

import java.util.regex.Pattern;

/**
 * Log lines about sessions that never contain a session ID, and in which no user-supplied text can start
 * a new line or a new field (OWASP Logging Cheat Sheet; CWE-117, improper output neutralization for logs).
 */
public final class SessionLog {

    private static final Pattern EVENT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private SessionLog() {
    }

    /**
     * S9 · e.g. {@code session login user="ada" session=#3f2a9c01b7de}: the fingerprint, never the ID; the user
     * name quoted and escaped, because users choose their names.
     *
     * @param event a word from your code, e.g. {@code login}, never user input
     */
    public static String line(String event, Session session) {
        if (event == null || !EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("A log event is a word from the code, such as \"login\" or \"logout\"; got "
                    + (event == null ? "null" : quote(event)) + ". Put user input in a quoted field instead.");
        }
        return "session " + event + " user=" + session.user().map(SessionLog::quote).orElse("-")
                + " session=" + session.fingerprint();
    }

    /**
     * Untrusted text as one quoted field with JSON string escapes: {@code \"}, {@code \\}, {@code \r}, {@code \n},
     * {@code \t}, and a backslash, u and four hex digits for other control characters, the Unicode line and paragraph
     * separators and invisible format characters (e.g. U+202E, which reverses how a line reads). A reader can
     * undo it exactly; nothing inside can end the line or the field.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (invisible(c)) {
                        for (char unit : Character.toChars(c)) {
                            out.append(String.format("\\u%04x", (int) unit));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Control characters (C0, DEL, C1 such as NEL), line and paragraph separators, format characters, lone surrogates. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
