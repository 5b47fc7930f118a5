package workshop.attacks;

import java.util.Map;

/** Blue team: a verifier whose keys come only from configuration, each with its one algorithm, chosen by {@code kid}. */
public final class KeyRing {

    private final Map<String, TrustedKey> keys;

    /** The configured keys by {@code kid}. */
    public KeyRing(Map<String, TrustedKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * A4 · the claims if the token's {@code kid} names a configured key, its {@code alg} is exactly that key's
     * algorithm, and the signature verifies with that key; otherwise TokenRejected (UNKNOWN_KEY, then
     * ALGORITHM_NOT_ALLOWED, then BAD_SIGNATURE). Nothing in the header but {@code kid} and {@code alg} is used.
     * HS256 and RS256 from A4 on; ES256 from A9 on, with the signature range check of
     * {@link PsychicSignature#inRange} before the JDK's verifier.
     */
    public Map<String, Object> verify(String token) {
        throw new UnsupportedOperationException("A4 · one algorithm per key — see notebooks/04-attacks.ipynb, A4");
    }
}
