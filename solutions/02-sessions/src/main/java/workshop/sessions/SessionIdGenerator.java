package workshop.sessions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Makes session IDs: 128 random bits from {@link SecureRandom}, base64url without padding, no meaning inside. */
public final class SessionIdGenerator {

    /**
     * Random bytes per ID: 16 bytes = 128 bits, the floor of ASVS 5.0 V7.2.3 (the OWASP Session Management
     * Cheat Sheet asks for at least 64 bits of entropy; 128 leaves a wide margin).
     */
    public static final int RANDOM_BYTES = 16;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    // Thread-safe; never seeded here: a SecureRandom seeds itself from the operating system.
    private final SecureRandom random;

    /** S1 · IDs from a new, self-seeded {@link SecureRandom}. */
    public SessionIdGenerator() {
        this(new SecureRandom());
    }

    /**
     * S1 · IDs drawn from {@code random} and nothing else, e.g. {@code SecureRandom.getInstance("DRBG")}
     * chosen by the application, or a test's SecureRandom whose bytes it knows.
     */
    public SessionIdGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random,
                "SessionIdGenerator needs a SecureRandom; new SessionIdGenerator() makes a self-seeded one.");
    }

    /** S1 · a fresh, unguessable session ID, e.g. {@code "mJ3xZ0w4k1oV2p9QeTq7Ag"}. */
    public String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
