package workshop.jwt;

/** Text from a token (kid, alg, zip…) is attacker-chosen: shorten and escape it before it goes into a message or a log. */
final class Untrusted {

    /** The most characters of untrusted text a message shows. */
    static final int MAX_SHOWN = 40;

    private Untrusted() {
    }

    /** {@code value} in single quotes, at most {@link #MAX_SHOWN} characters, control characters escaped as \\uXXXX. */
    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            // No line breaks (forged log lines), no terminal escapes, no invisible or bidi-control characters.
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\\' || c == '\'') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (text.length() > MAX_SHOWN) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
