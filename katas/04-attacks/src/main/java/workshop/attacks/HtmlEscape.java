package workshop.attacks;

/** Blue team: output encoding for text written into HTML (OWASP Cross Site Scripting Prevention cheat sheet). */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /** A16 · {@code text} as HTML that shows exactly that text: {@code & < > " '} become character references. */
    public static String text(String text) {
        throw new UnsupportedOperationException("A16 · output encoding — see notebooks/04-attacks.ipynb, A16");
    }
}
