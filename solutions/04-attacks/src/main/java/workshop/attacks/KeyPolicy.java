package workshop.attacks;

import java.security.SecureRandom;

/** Blue team: what an HS256 key must be — long and generated, never a word. */
public final class KeyPolicy {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPolicy() {
    }

    /** A3 · refuses (WeakKey) an HS256 key shorter than 256 bits. */
    public static void check(byte[] key) {
        // RFC 7518 3.2: a key of the same size as the hash output (256 bits for HS256) or larger MUST be used.
        if (key == null || key.length * 8 < 256) {
            throw new WeakKey("an HS256 key needs at least 256 bits (RFC 7518 3.2), this one has "
                    + (key == null ? 0 : key.length * 8) + "; generate one with SecureRandom");
        }
    }

    /** A3 · a new HS256 key: 256 bits from a cryptographically strong random generator. */
    public static byte[] generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
