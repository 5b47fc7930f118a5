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
        throw new UnsupportedOperationException("A14 · a self-submitting form — see notebooks/04-attacks.ipynb, A14");
    }

    /** A15 · an HTML page that, once opened, navigates the whole tab (top level) to {@code target} by GET. */
    public static String topLevelNavigation(URI target) {
        throw new UnsupportedOperationException("A15 · a top-level GET — see notebooks/04-attacks.ipynb, A15");
    }

    /**
     * A15 · an HTML page that, once opened, signs the visitor's browser in to the bank as {@code user} (the
     * attacker's own account): login CSRF.
     */
    public static String loginForm(URI signInUrl, String user, String password) {
        throw new UnsupportedOperationException("A15 · login CSRF — see notebooks/04-attacks.ipynb, A15");
    }
}
