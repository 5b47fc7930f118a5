package workshop.attacks;

import java.net.URI;

/** Red team: a {@code kid} that makes the server load a key the attacker knows (ATTACK DEMO, loopback only). */
public final class KidInjection {

    private KidInjection() {
    }

    /**
     * A8 · the server reads the HMAC key from the file {@code <root>/keys/<kid>}, path unchecked. The file served at
     * {@code knownFile} (loopback only, else NotLoopback) is {@code <root>/public/welcome.txt}. Returns alice's
     * claims with {@code role: admin}, HS256-signed with that file's bytes, with a {@code kid} that leads there.
     */
    public static String traversal(String token, URI knownFile) {
        throw new UnsupportedOperationException("A8 · kid path traversal — see notebooks/04-attacks.ipynb, A8");
    }

    /**
     * A8 · the server runs {@code SELECT secret FROM signing_keys WHERE kid = '<kid>'}, pasted together. Returns
     * alice's claims with {@code role: admin}, HS256-signed with a secret of your choice that the injected
     * {@code kid} makes the query return.
     */
    public static String sql(String token) {
        throw new UnsupportedOperationException("A8 · kid SQL injection — see notebooks/04-attacks.ipynb, A8");
    }
}
