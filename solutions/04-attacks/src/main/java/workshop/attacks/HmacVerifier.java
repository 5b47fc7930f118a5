package workshop.attacks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        Object alg = Jwt.header(token).get("alg");
        // An allow-list of one, exact and case-sensitive (RFC 7515 4.1.1): "none" never reaches the signature check.
        if (!"HS256".equals(alg)) {
            throw new TokenRejected(TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, "only HS256 is accepted, the token says " + alg);
        }
        byte[] expected = hs256(key, Jwt.signingInput(token));
        if (!MessageDigest.isEqual(expected, Jwt.signature(token))) { // constant time; an empty signature never matches
            throw new TokenRejected(TokenRejected.Reason.BAD_SIGNATURE, "the signature does not match");
        }
        return Jwt.payload(token);
    }

    static byte[] hs256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
