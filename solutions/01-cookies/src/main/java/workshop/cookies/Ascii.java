package workshop.cookies;

/** ASCII-only helpers: cookie syntax is ASCII, and Unicode case folding would let "ſecure" pass as "Secure". */
final class Ascii {
    private Ascii() {
    }

    static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        return startsWithIgnoreCase(a, b);
    }

    static boolean startsWithIgnoreCase(String s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (lower(s.charAt(i)) != lower(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static String toLowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(lower(s.charAt(i)));
        }
        return out.toString();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code s} for an error message: CR and LF as {@code \r} and {@code \n}, other control and non-ASCII characters as Java escapes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Trims spaces and horizontal tabs only (RFC 6265's WSP), not every Unicode space. */
    static String trimWsp(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
