package workshop.attacks;

/** Blue team: what an HS256 key must be — long and generated, never a word. */
public final class KeyPolicy {

    private KeyPolicy() {
    }

    /** A3 · refuses (WeakKey) an HS256 key shorter than 256 bits. */
    public static void check(byte[] key) {
        throw new UnsupportedOperationException("A3 · the key policy — see notebooks/04-attacks.ipynb, A3");
    }

    /** A3 · a new HS256 key: 256 bits from a cryptographically strong random generator. */
    public static byte[] generate() {
        throw new UnsupportedOperationException("A3 · generate a key — see notebooks/04-attacks.ipynb, A3");
    }
}
