package workshop.jwt;

import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Key rules of RFC 7518 and RFC 8725: long enough, random, never a password. */
public final class KeyRules {

    private static final Map<String, Integer> HMAC_BITS = Map.of("HS256", 256, "HS384", 384, "HS512", 512);
    private static final Map<String, String> JDK_NAMES = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 7518 3.3. */
    public static final int MIN_RSA_BITS = 2048;

    private KeyRules() {
    }

    /** J5 · a new random key for HS256, HS384 or HS512, as long as the hash output. */
    public static SecretKey newHmacKey(String algorithm) {
        byte[] key = new byte[bits(algorithm) / 8];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, JDK_NAMES.get(algorithm));
    }

    /** J5 · refuses (KeyRejected) a key shorter than the hash output, or one that looks like a password. */
    public static void requireHmacKey(byte[] key, String algorithm) {
        int bits = bits(algorithm);
        if (key.length * 8 < bits) {
            throw new KeyRejected(algorithm + " needs a key of at least " + bits + " bits, this one has " + key.length * 8
                    + " (RFC 7518 3.2). Generate one: KeyRules.newHmacKey(\"" + algorithm + "\").");
        }
        if (looksLikeText(key)) {
            throw new KeyRejected("This key is all printable characters, like a password or passphrase: it has far fewer than "
                    + bits + " bits of entropy and can be guessed offline from any token (RFC 8725 3.5). Use random bytes.");
        }
    }

    /** J5 · refuses (KeyRejected) an RSA key shorter than 2048 bits. */
    public static void requireRsaKey(RSAKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new KeyRejected("RSA keys need at least " + MIN_RSA_BITS + " bits (RFC 7518 3.3), this one has " + bits + ".");
        }
    }

    private static int bits(String algorithm) {
        Integer bits = HMAC_BITS.get(algorithm);
        if (bits == null) {
            throw new KeyRejected("'" + algorithm + "' is not an HMAC algorithm: use HS256, HS384 or HS512.");
        }
        return bits;
    }

    // 32 random bytes are all printable ASCII with probability (95/256)^32 < 1e-13: a text key is a password.
    private static boolean looksLikeText(byte[] key) {
        for (byte b : key) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
