package workshop.jwt;

import java.util.Map;

/** Verifies an HMAC-signed JWS by hand: one allowed algorithm, a constant-time comparison. */
public final class HmacVerifier {

    private final byte[] key;
    private final String algorithm;

    /** A verifier that accepts exactly {@code algorithm} (HS256, HS384 or HS512) with {@code key}. */
    public HmacVerifier(byte[] key, String algorithm) {
        this.key = key.clone();
        this.algorithm = algorithm;
    }

    /** J4 · the payload's claims if the token is signed with this key and algorithm; otherwise TokenRejected. */
    public Map<String, Object> verify(String token) {
        throw new UnsupportedOperationException("J4 · verify by hand (allow-list, constant time) — see notebooks/03-jwt.ipynb, J4");
    }
}
