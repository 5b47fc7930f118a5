package workshop.attacks;

import java.util.Map;

/** Blue team: an HS256 verifier with its key from configuration. */
public final class HmacVerifier {

    private final byte[] key;

    /** A verifier for HS256 tokens signed with {@code key}. */
    public HmacVerifier(byte[] key) {
        this.key = key.clone();
    }

    /**
     * A1, A2 · the claims if the token is HS256 and its signature matches; otherwise TokenRejected
     * (ALGORITHM_NOT_ALLOWED for any other {@code alg}, checked first; BAD_SIGNATURE for a wrong or empty signature).
     */
    public Map<String, Object> verify(String token) {
        throw new UnsupportedOperationException("A1 · verify the signature — see notebooks/04-attacks.ipynb, A1");
    }
}
