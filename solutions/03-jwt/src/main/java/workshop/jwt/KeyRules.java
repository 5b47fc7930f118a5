package workshop.jwt;

import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Key rules of RFC 7518 and RFC 8725: long enough, generated (random bytes or their base64 text), never a password. */
public final class KeyRules {

    private static final Map<String, Integer> HMAC_BITS = Map.of("HS256", 256, "HS384", 384, "HS512", 512);
    private static final Map<String, String> JDK_NAMES = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 7518 3.3. */
    public static final int MIN_RSA_BITS = 2048;

    private KeyRules() {
    }

    /** J8 · a new random key for HS256, HS384 or HS512, as long as the hash output; KeyRejected for any other algorithm. */
    public static SecretKey newHmacKey(String algorithm) {
        byte[] key = new byte[bits(algorithm) / 8];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, JDK_NAMES.get(algorithm));
    }

    /**
     * J8 · refuses (KeyRejected) key bytes shorter than the hash output, or an unknown algorithm. Bytes are a key only if
     * they came from a CSPRNG (RFC 8725 3.5): that is the caller's promise, and the length is all bytes can show.
     */
    public static void requireHmacKey(byte[] key, String algorithm) {
        int bits = bits(algorithm);
        if (key.length * 8 < bits) {
            throw new KeyRejected(algorithm + " needs a key of at least " + bits + " bits, this one has " + key.length * 8
                    + " (RFC 7518 3.2). Generate one: KeyRules.newHmacKey(\"" + algorithm + "\").");
        }
    }

    /**
     * J9 · the key written as base64 or base64url text (how a generated key is stored in a vault or an environment
     * variable), decoded; KeyRejected for any other text — a password or passphrase is never an HMAC key (RFC 8725
     * 3.5) — for a key shorter than the hash output, or an unknown algorithm.
     */
    public static SecretKey hmacKeyFromBase64(String text, String algorithm) {
        int bits = bits(algorithm);
        boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (url ? c == '-' || c == '_' : c == '+' || c == '/' || (c == '=' && i >= text.length() - 2));
            if (!ok) {
                throw new KeyRejected(Untrusted.quote(String.valueOf(c)) + " at position " + i + " is not base64: this text is not "
                        + "a generated key but a password or passphrase, and a password is never an HMAC key (RFC 8725 3.5: it "
                        + "can be guessed offline from one token). Generate a key with KeyRules.newHmacKey(\"" + algorithm
                        + "\") and store Base64.getEncoder().encodeToString(key.getEncoded()).");
            }
        }
        byte[] key;
        try {
            key = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyRejected("not valid base64 (" + e.getMessage() + "): store a generated key as "
                    + "Base64.getEncoder().encodeToString(key.getEncoded()).");
        }
        requireHmacKey(key, algorithm);
        return new SecretKeySpec(key, JDK_NAMES.get(algorithm));
    }

    /** J8 · refuses (KeyRejected) an RSA key shorter than 2048 bits. */
    public static void requireRsaKey(RSAKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new KeyRejected("RSA keys need at least " + MIN_RSA_BITS + " bits (RFC 7518 3.3), this one has " + bits + ".");
        }
    }

    private static int bits(String algorithm) {
        Integer bits = HMAC_BITS.get(algorithm);
        if (bits == null) {
            throw new KeyRejected(Untrusted.quote(algorithm) + " is not an HMAC algorithm: use HS256, HS384 or HS512 (RFC 7518 3.1).");
        }
        return bits;
    }
}
