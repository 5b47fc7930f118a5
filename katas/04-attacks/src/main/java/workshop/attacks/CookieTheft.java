package workshop.attacks;

import java.net.URI;

/** Red team: a reflected XSS payload that sends the page's cookies away (ATTACK DEMO, loopback only). */
public final class CookieTheft {

    private CookieTheft() {
    }

    /**
     * A16 · the text to put in the bank's search box ({@code /search?q=…}): when the page reflects it unescaped, it
     * runs as a script and sends {@code document.cookie} to {@code collector} as the query parameter {@code c}.
     */
    public static String payload(URI collector) {
        throw new UnsupportedOperationException("A16 · an XSS payload — see notebooks/04-attacks.ipynb, A16");
    }
}
