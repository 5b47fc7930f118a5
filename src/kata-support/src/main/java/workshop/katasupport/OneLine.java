package workshop.katasupport;

/**
 * Writes what a kata test caught — a hostile input, an exception, a returned value — as text that fits
 * on one line of a failure message: invisible characters escaped, long text cut, no stack trace.
 */
public final class OneLine {

    /** How many characters of an input a message shows before it cuts. */
    public static final int MAX_INPUT = 200;

    /** How many characters of an exception message a failure shows. */
    public static final int MAX_MESSAGE = 160;

    private OneLine() {
    }

    /**
     * {@code text} with line breaks, tabs, other control characters, line separators and invisible
     * format characters (such as U+202E) written as Java escapes ({@code \r}, {@code \n}, {@code \t},
     * {@code \u0000}) and a backslash doubled, as in a Java string literal; visible characters, non-ASCII letters and emoji stay as they are. Longer than
     * {@link #MAX_INPUT} characters, it is cut and ends with {@code …(N chars)}.
     */
    public static String text(String text) {
        return text(text, MAX_INPUT);
    }

    /** Like {@link #text(String)}, cut after {@code max} characters of the original. */
    public static String text(String text, int max) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), Math.max(0, max));
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        StringBuilder out = new StringBuilder(end + 16);
        text.substring(0, end).codePoints().forEach(cp -> out.append(escaped(cp)));
        if (end < text.length()) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * An exception as its simple type name and its message in quotes, e.g.
     * {@code NumberFormatException ("For input string: \"9999\"")}; a cause with a message of its own
     * follows as {@code , caused by …}. Never a stack trace.
     */
    public static String exception(Throwable thrown) {
        if (thrown == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder(describe(thrown));
        Throwable cause = thrown.getCause();
        if (cause != null && cause != thrown && (thrown.getMessage() == null
                || !thrown.getMessage().contains(String.valueOf(cause.getMessage())))) {
            out.append(", caused by ").append(describe(cause));
        }
        return out.toString();
    }

    /**
     * Where in the learner's code {@code thrown} started: the first stack frame in {@code packageName}
     * that is not a test class (a class whose top-level name ends in {@code Test}), written as
     * {@code SetCookie.expiryTime(SetCookie.java:70)}; {@code ""} if there is none.
     */
    public static String origin(Throwable thrown, String packageName) {
        if (thrown == null) {
            return "";
        }
        String prefix = packageName + ".";
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith(prefix)) {
                continue;
            }
            String simple = type.substring(prefix.length());
            String topLevel = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
            if (topLevel.contains(".") || topLevel.endsWith("Test")) {
                continue;
            }
            String file = frame.getFileName() == null ? "unknown source"
                    : frame.getFileName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
            return simple + "." + frame.getMethodName() + "(" + file + ")";
        }
        return "";
    }

    /**
     * A value a method returned, for a sentence such as "build() returned …": text in quotes, numbers,
     * booleans, enums, records, optionals, arrays and collections as they print, bytes in hex, a key by its
     * algorithm and size, other objects by their own {@code toString}, or by their type ({@code a SessionStore})
     * when they have none.
     */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            return "\"" + text(text.toString()) + "\"";
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(bytes.length, 16); i++) {
                hex.append(String.format("%02x", bytes[i]));
            }
            return bytes.length + (bytes.length == 1 ? " byte (" : " bytes (") + hex + (bytes.length > 16 ? "…" : "") + ")";
        }
        if (value instanceof Object[] array) {
            return text(java.util.Arrays.deepToString(array));
        }
        if (value instanceof java.security.Key key) {
            byte[] encoded = key.getEncoded();
            return "a " + key.getAlgorithm() + " key" + (encoded == null ? "" : " of " + encoded.length * 8 + " bits (encoded)");
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(v -> "Optional[" + value(v) + "]").orElse("Optional.empty");
        }
        Class<?> type = value.getClass();
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || type.isRecord() || value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
            return text(String.valueOf(value));
        }
        String printed = String.valueOf(value);
        if (!printed.equals(type.getName() + "@" + Integer.toHexString(value.hashCode()))) {
            return text(printed);
        }
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
    }

    private static String describe(Throwable thrown) {
        String type = thrown.getClass().getSimpleName().isEmpty() ? thrown.getClass().getName() : thrown.getClass().getSimpleName();
        String message = thrown.getMessage();
        return message == null || message.isBlank() ? type : type + " (\"" + text(message.strip(), MAX_MESSAGE) + "\")";
    }

    private static String escaped(int cp) {
        switch (cp) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
        return invisible ? String.format("\\u%04x", cp) : new String(Character.toChars(cp));
    }
}
