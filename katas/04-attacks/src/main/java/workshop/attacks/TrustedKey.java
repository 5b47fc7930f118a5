package workshop.attacks;

import java.security.Key;
import java.util.Objects;
import java.util.Set;

/**
 * A key from configuration and the ONE algorithm it may be used with (RFC 8725 3.1): an RSA public key for RS256,
 * an EC P-256 public key for ES256, HMAC key bytes (as a {@code SecretKeySpec}) for HS256.
 */
public record TrustedKey(String alg, Key key) {

    /** The algorithms a trusted key may name. */
    public static final Set<String> ALGORITHMS = Set.of("HS256", "RS256", "ES256");

    public TrustedKey {
        Objects.requireNonNull(key, "key");
        if (!ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("a trusted key is for one of " + ALGORITHMS + ", not " + alg);
        }
    }
}
