package workshop.jwt;

import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;

import java.security.MessageDigest;
import java.util.Map;

/** Verifies an HMAC-signed JWS by hand: one allowed algorithm, a constant-time comparison. */
public final class HmacVerifier {

    private static final Map<String, String> JDK_NAMES = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");
    private static final Map<String, Integer> MIN_KEY_BITS = Map.of("HS256", 256, "HS384", 384, "HS512", 512);

    private final byte[] key;
    private final String algorithm;

    /** A verifier that accepts exactly {@code algorithm} (HS256, HS384 or HS512) with {@code key}; J6 · KeyRejected if the key is too short. */
    public HmacVerifier(byte[] key, String algorithm) {
        Integer minBits = MIN_KEY_BITS.get(algorithm);
        if (minBits == null) {
            throw new KeyRejected(Untrusted.quote(algorithm) + " is not an HMAC algorithm: use HS256, HS384 or HS512.");
        }
        // RFC 7518 3.2: at least as long as the hash output. (KeyRules, J8 and J9, adds the "not a password" rule.)
        if (key.length * 8 < minBits) {
            throw new KeyRejected(algorithm + " needs a key of at least " + minBits + " bits, this one has " + key.length * 8
                    + " (RFC 7518 3.2): a short key can be found by trying every value against one token.");
        }
        this.key = key.clone();
        this.algorithm = algorithm;
    }

    /**
     * J6 · the payload's claims if the token is signed with this key: TokenPrecheck first, then the HMAC compared in
     * constant time (TokenRejected BAD_SIGNATURE). J7 · only the verifier's algorithm (TokenRejected ALGORITHM_NOT_ALLOWED).
     */
    public Map<String, Object> verify(String token) {
        // Size, shape, spelling, zip and crit first (J4, J5): nothing the text alone can refuse reaches the HMAC.
        Map<String, Object> header = TokenPrecheck.check(token, TokenVerifier.MAX_TOKEN_CHARS);
        String[] parts = token.split("\\.", -1);
        Object alg = header.get("alg");
        // The allow-list: exactly our algorithm, compared case-sensitively; the token never chooses.
        if (!algorithm.equals(alg) || !JDK_NAMES.containsKey(algorithm)) {
            throw new TokenRejected(ALGORITHM_NOT_ALLOWED, "alg " + (alg == null ? "is missing" : Untrusted.quote(alg) + " is not " + algorithm));
        }
        byte[] expected = HmacSigner.hmac(JDK_NAMES.get(algorithm), key, parts[0] + "." + parts[1]);
        byte[] actual = Base64Url.decode(parts[2]); // canonical: the precheck made sure
        // Constant time: the comparison does not stop at the first wrong byte, so timing tells an attacker nothing.
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new TokenRejected(BAD_SIGNATURE, "the signature does not match header and payload under this key");
        }
        return Json.object(parts[1], "payload");
    }
}
