package workshop.attacks;

import java.net.URI;

/** Red team: tokens that bring their own key, for servers that trust the header (ATTACK DEMO, loopback only). */
public final class KeyInjection {

    /** A forged token and the JWKS document the attacker serves at the address the token names. */
    public record Linked(String token, String jwks) {
    }

    /** A forged token and the PEM certificate the attacker serves at the address the token names. */
    public record Certified(String token, String pem) {
    }

    private KeyInjection() {
    }

    /**
     * A6 · alice's claims with {@code role: admin}, RS256-signed with a NEW key pair of yours, whose public key
     * travels in the header as a {@code jwk} (kty RSA, n, e); the original {@code kid} is kept.
     */
    public static String jwk(String token) {
        throw new UnsupportedOperationException("A6 · jwk header injection — see notebooks/04-attacks.ipynb, A6");
    }

    /**
     * A7 · alice's claims with {@code role: admin}, RS256-signed with a new key pair of yours, with
     * {@code kid: "attacker-key"} and {@code jku} = {@code jwksUrl} (loopback only, else NotLoopback); and the JWKS
     * ({@code {"keys":[{kty, kid, n, e}]}}) to serve there.
     */
    public static Linked jku(String token, URI jwksUrl) {
        throw new UnsupportedOperationException("A7 · jku header injection — see notebooks/04-attacks.ipynb, A7");
    }

    /**
     * A7 · alice's claims with {@code role: admin}, RS256-signed with the key of a new self-signed certificate
     * ({@link SelfSignedCertificate}), with {@code x5u} = {@code certificateUrl} (loopback only, else NotLoopback) and
     * the original {@code kid} kept; and the certificate's PEM to serve there.
     */
    public static Certified x5u(String token, URI certificateUrl) {
        throw new UnsupportedOperationException("A7 · x5u header injection — see notebooks/04-attacks.ipynb, A7");
    }
}
