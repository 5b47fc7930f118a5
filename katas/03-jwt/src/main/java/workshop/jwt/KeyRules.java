package workshop.jwt;

import java.security.interfaces.RSAKey;
import javax.crypto.SecretKey;

/** Key rules of RFC 7518 and RFC 8725: long enough, random, never a password. */
public final class KeyRules {

    private KeyRules() {
    }

    /** J5 · a new random key for HS256, HS384 or HS512, as long as the hash output. */
    public static SecretKey newHmacKey(String algorithm) {
        throw new UnsupportedOperationException("J5 · generate an HMAC key — see notebooks/03-jwt.ipynb, J5");
    }

    /** J5 · refuses (KeyRejected) a key shorter than the hash output, or one that looks like a password. */
    public static void requireHmacKey(byte[] key, String algorithm) {
        throw new UnsupportedOperationException("J5 · HMAC key rules — see notebooks/03-jwt.ipynb, J5");
    }

    /** J5 · refuses (KeyRejected) an RSA key shorter than 2048 bits. */
    public static void requireRsaKey(RSAKey key) {
        throw new UnsupportedOperationException("J5 · RSA key rules — see notebooks/03-jwt.ipynb, J5");
    }
}
