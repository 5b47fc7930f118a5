package workshop.sessions;

/** Makes session IDs: at least 128 random bits from a SecureRandom, URL-safe, no meaning inside. */
public final class SessionIdGenerator {

    /** S1 · a fresh, unguessable session ID. */
    public String next() {
        throw new UnsupportedOperationException("S1 · random session IDs — see notebooks/02-sessions.ipynb, S1");
    }
}
