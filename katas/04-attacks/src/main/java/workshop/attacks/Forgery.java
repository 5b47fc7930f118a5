package workshop.attacks;

import java.util.List;
import java.util.Map;

/** Red team: tokens forged from a real one, for the legacy server's flawed checks (ATTACK DEMO, loopback only). */
public final class Forgery {

    private Forgery() {
    }

    /** A1 · the same token with {@code "role": "admin"} in the payload and the ORIGINAL signature kept. */
    public static String roleAdmin(String token) {
        throw new UnsupportedOperationException("A1 · unverified signature — see notebooks/04-attacks.ipynb, A1");
    }

    /**
     * A2 · admin tokens that claim to need no signature: {@code alg} set to {@code none}, {@code None}, {@code NONE}
     * and {@code nOnE} (empty signature part), then the real header with the signature stripped — five tokens.
     */
    public static List<String> unsigned(String token) {
        throw new UnsupportedOperationException("A2 · alg none and a stripped signature — see notebooks/04-attacks.ipynb, A2");
    }

    /**
     * A3 · alice's claims with {@code "role": "admin"} in a token signed HS256 with {@code key}: the original header
     * with {@code alg} set to HS256 and {@code headerChanges} applied (e.g. another {@code kid}).
     */
    public static String signedAdmin(String token, Map<String, Object> headerChanges, byte[] key) {
        throw new UnsupportedOperationException("A3 · sign a forged token with a known secret — see notebooks/04-attacks.ipynb, A3");
    }
}
