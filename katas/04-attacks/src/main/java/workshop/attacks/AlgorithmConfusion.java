package workshop.attacks;

import java.net.URI;

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
        throw new UnsupportedOperationException("A4 · algorithm confusion — see notebooks/04-attacks.ipynb, A4");
    }
}
