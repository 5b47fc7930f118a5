package workshop.sessions;

import java.security.SecureRandom;
import java.util.Objects;

/** Makes session IDs: at least 128 random bits from a SecureRandom, URL-safe, no meaning inside. */
public final class SessionIdGenerator {

    private final SecureRandom random;

    /** S1 · IDs from a new SecureRandom, which seeds itself. */
    public SessionIdGenerator() {
        this(new SecureRandom());
    }

    /** S1 · IDs drawn from {@code random} and nothing else (a test passes one whose bytes it knows). */
    public SessionIdGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** S1 · a fresh, unguessable session ID. */
    public String next() {
        throw new UnsupportedOperationException("S1 · random session IDs — see notebooks/02-sessions.ipynb, S1");
    }
}
