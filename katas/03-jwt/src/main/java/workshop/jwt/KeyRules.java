package workshop.jwt;

import java.security.interfaces.RSAKey;
import javax.crypto.SecretKey;

/** Key rules of RFC 7518 and RFC 8725: long enough, generated (random bytes or their base64 text), never a password. */
public final class KeyRules {

    private KeyRules() {
    }

    /** J8 · a new random key for HS256, HS384 or HS512, as long as the hash output; KeyRejected for any other algorithm. */
    public static SecretKey newHmacKey(String algorithm) {
        throw new UnsupportedOperationException("J8 · generate an HMAC key — see notebooks/03-jwt.ipynb, J8");
    }

    /**
     * J8 · refuses (KeyRejected) key bytes shorter than the hash output, or an unknown algorithm. Bytes are a key only if
     * they came from a CSPRNG (RFC 8725 3.5): that is the caller's promise, and the length is all bytes can show.
     */
    public static void requireHmacKey(byte[] key, String algorithm) {
        throw new UnsupportedOperationException("J8 · HMAC key length — see notebooks/03-jwt.ipynb, J8");
    }

    /**
     * J9 · the key written as base64 or base64url text (how a generated key is stored in a vault or an environment
     * variable), decoded; KeyRejected for any other text — a password or passphrase is never an HMAC key (RFC 8725
     * 3.5) — for a key shorter than the hash output, or an unknown algorithm.
     */
    public static SecretKey hmacKeyFromBase64(String text, String algorithm) {
        throw new UnsupportedOperationException("J9 · an HMAC key from base64 text, never a password — see notebooks/03-jwt.ipynb, J9");
    }

    /** J8 · refuses (KeyRejected) an RSA key shorter than 2048 bits. */
    public static void requireRsaKey(RSAKey key) {
        throw new UnsupportedOperationException("J8 · RSA key length — see notebooks/03-jwt.ipynb, J8");
    }
}
