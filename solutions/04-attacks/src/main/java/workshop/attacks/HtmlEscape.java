package workshop.attacks;

/** Blue team: output encoding for text written into HTML (OWASP Cross Site Scripting Prevention cheat sheet). */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /** A16 · {@code text} as HTML that shows exactly that text: {@code & < > " '} become character references. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;"); // first, or the other references would be escaped twice
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
