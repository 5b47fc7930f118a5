package workshop.attacks;

import java.net.URI;

/**
 * Red team: pages and links that get past CSRF defences done wrong (ATTACK DEMO, loopback only): a naive
 * double-submit cookie, a token tied to a non-session cookie, a JSON endpoint that ignores {@code Content-Type}, a
 * method override, {@code Referer} checks, a same-site redirect gadget.
 */
public final class CsrfBypass {

    private CsrfBypass() {
    }

    /**
     * A17 · a page that, served on the bank's own site (another port), beats a naive double-submit check: it writes a
     * {@code csrf} cookie for the bank's host, then POSTs {@code to}, {@code amount} and a {@code csrf} field with
     * the same value to {@code transferUrl}.
     */
    public static String doubleSubmit(URI transferUrl, String to, long amount) {
        throw new UnsupportedOperationException("A17 · a naive double-submit cookie — see notebooks/04-attacks.ipynb, A17");
    }

    /**
     * A17 · a page that, served on the bank's own site, plants the attacker's own {@code csrfKey} cookie in the
     * visitor's browser, then POSTs {@code to}, {@code amount} and the attacker's matching {@code csrf} token.
     */
    public static String plantedPair(URI transferUrl, String to, long amount, String csrfKey, String csrf) {
        throw new UnsupportedOperationException("A17 · a token tied to another cookie — see notebooks/04-attacks.ipynb, A17");
    }

    /**
     * A17 · a page that POSTs the JSON body {@code {"to": to, "amount": amount, …}} to {@code apiUrl} with a form:
     * {@code enctype="text/plain"} (a "simple" request, no CORS preflight) writes {@code name=value}, so the name and
     * the value together must make valid JSON.
     */
    public static String jsonAsTextPlain(URI apiUrl, String to, long amount) {
        throw new UnsupportedOperationException("A17 · JSON from a text/plain form — see notebooks/04-attacks.ipynb, A17");
    }

    /**
     * A17 · the address of a GET that the bank's framework handles as the POST transfer of {@code amount} to
     * {@code to} (a method override): a top-level navigation to it carries a {@code SameSite=Lax} cookie.
     */
    public static URI methodOverride(URI transferUrl, String to, long amount) {
        throw new UnsupportedOperationException("A17 · a method override — see notebooks/04-attacks.ipynb, A17");
    }

    /** A18 · a self-posting transfer form whose request carries no {@code Referer} header at all. */
    public static String withoutReferer(URI transferUrl, String to, long amount) {
        throw new UnsupportedOperationException("A18 · no Referer at all — see notebooks/04-attacks.ipynb, A18");
    }

    /**
     * A18 · a self-posting transfer form whose {@code Referer} contains {@code text} (e.g. the bank's host and port):
     * the page asks for full referrers and first puts {@code text} into its own query string.
     */
    public static String refererContaining(URI transferUrl, String to, long amount, String text) {
        throw new UnsupportedOperationException("A18 · a Referer that contains the host — see notebooks/04-attacks.ipynb, A18");
    }

    /**
     * A18 · the address of the bank's client-side redirect {@code gadget} (its {@code /go?to=}) that sends the browser
     * on to {@code target}, a path of the same bank: the second navigation starts on the bank's own page.
     */
    public static URI throughRedirect(URI gadget, URI target) {
        throw new UnsupportedOperationException("A18 · a same-site redirect gadget — see notebooks/04-attacks.ipynb, A18");
    }
}
