package workshop.jwt;

import java.util.Map;

/** Verifies an HMAC-signed JWS by hand: one allowed algorithm, a constant-time comparison. */
public final class HmacVerifier {

    private final byte[] key;
    private final String algorithm;

    /** A verifier that accepts exactly {@code algorithm} (HS256, HS384 or HS512) with {@code key}; J6 · KeyRejected if the key is too short. */
    public HmacVerifier(byte[] key, String algorithm) {
        this.key = key.clone();
        this.algorithm = algorithm;
    }

    /**
     * J6 · the payload's claims if the token is signed with this key: TokenPrecheck first, then the HMAC compared in
     * constant time (TokenRejected BAD_SIGNATURE). J7 · only the verifier's algorithm (TokenRejected ALGORITHM_NOT_ALLOWED).
     */
    public Map<String, Object> verify(String token) {
        throw new UnsupportedOperationException("J6 · verify by hand (recompute, compare) — see notebooks/03-jwt.ipynb, J6");
    }
}
