package workshop.attacks;

import java.math.BigInteger;
import java.util.Optional;

/** Red team: an RSA public key recovered from two RS256 signatures, when the server does not publish it. */
public final class ModulusRecovery {

    /** Kit bound: {@code s^e} for larger exponents is too big for BigInteger's gcd (see notebook 04, A5). */
    public static final BigInteger MAX_EXPONENT = BigInteger.valueOf(257);

    private ModulusRecovery() {
    }

    /**
     * A5 · the modulus {@code n} of the key that signed both RS256 tokens, assuming public exponent {@code e}:
     * {@code gcd(s1^e − m1, s2^e − m2)} with m the PKCS#1 v1.5 encoding of the SHA-256 digest of the signing input,
     * freed of small factors, and accepted only if it has the signature's size and {@code s1^e mod n == m1}; empty
     * for a wrong guess of e. IllegalArgumentException for {@code e > MAX_EXPONENT} (bounded work).
     */
    public static Optional<BigInteger> modulus(String token1, String token2, BigInteger e) {
        throw new UnsupportedOperationException("A5 · recover the modulus — see notebooks/04-attacks.ipynb, A5");
    }

    /** A5 · the public key (n, e) as PEM text, byte for byte as the legacy server would publish it (see its Pem). */
    public static String pem(BigInteger n, BigInteger e) {
        throw new UnsupportedOperationException("A5 · the PEM text of a recovered key — see notebooks/04-attacks.ipynb, A5");
    }
}
