package workshop.attacks;

import java.net.URI;

/** Red team: session fixation — plant a session ID, wait for the victim to sign in with it (ATTACK DEMO, loopback only). */
public final class Fixation {

    private Fixation() {
    }

    /**
     * A12 · Gets an anonymous session from {@code server} ({@code GET /a12/} sets {@code a12_sid}) and returns the link
     * to send the victim: {@code /a12/?sid=<that ID>}, which makes the legacy server adopt the ID in the victim's browser.
     */
    public static URI trap(URI server) {
        throw new UnsupportedOperationException("A12 · session fixation: the trap — see notebooks/04-attacks.ipynb, A12");
    }

    /** A12 · After the victim signed in: {@code GET /a12/account} with the planted ID as {@code a12_sid}, as the attacker. */
    public static Http.Answer takeOver(URI server, URI trap) {
        throw new UnsupportedOperationException("A12 · session fixation: ride the session — see notebooks/04-attacks.ipynb, A12");
    }
}
