package workshop.attacks;

/** Blue team: session IDs nobody can predict (module 02, S1, again). */
public final class SessionIds {

    private SessionIds() {
    }

    /** A11 · a fresh session ID: at least 128 bits from a cryptographically secure generator, base64url, nothing else inside. */
    public static String next() {
        throw new UnsupportedOperationException("A11 · unpredictable session IDs — see notebooks/04-attacks.ipynb, A11");
    }
}
