package workshop.attacks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
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
        Map<String, Object> header = Jwt.header(token);
        // kid is only a name to look up in the allow-listed map: never a path, a query, a URL or a key (A7, A8).
        TrustedKey trusted = header.get("kid") instanceof String kid ? keys.get(kid) : null;
        if (trusted == null) {
            throw new TokenRejected(TokenRejected.Reason.UNKNOWN_KEY, "no configured key has kid " + header.get("kid"));
        }
        if (!trusted.alg().equals(header.get("alg"))) { // the key decides the algorithm, not the token (A4)
            throw new TokenRejected(TokenRejected.Reason.ALGORITHM_NOT_ALLOWED,
                    "the key " + header.get("kid") + " is for " + trusted.alg() + ", the token says " + header.get("alg"));
        }
        if (!signatureMatches(trusted, Jwt.signingInput(token), Jwt.signature(token))) {
            throw new TokenRejected(TokenRejected.Reason.BAD_SIGNATURE, "the signature does not match the configured key");
        }
        return Jwt.payload(token);
    }

    private static boolean signatureMatches(TrustedKey trusted, byte[] input, byte[] signature) {
        try {
            return switch (trusted.alg()) {
                case "HS256" -> MessageDigest.isEqual(HmacVerifier.hs256(trusted.key().getEncoded(), input), signature);
                case "RS256" -> jdkVerify("SHA256withRSA", (PublicKey) trusted.key(), input, signature);
                // r, s in [1, n-1] first (CVE-2022-21449): the JDK checks it since 17.0.3, and so does this code.
                case "ES256" -> PsychicSignature.inRange(signature, ((ECPublicKey) trusted.key()).getParams().getOrder())
                        && jdkVerify("SHA256withECDSAinP1363Format", (PublicKey) trusted.key(), input, signature);
                default -> false;
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            return false;
        }
    }

    private static boolean jdkVerify(String algorithm, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(input);
        return verifier.verify(signature);
    }
}
