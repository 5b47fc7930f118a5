package workshop.attacks;

import java.security.SecureRandom;
import java.util.Base64;

/** Blue team: session IDs nobody can predict (module 02, S1, again). */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /** A11 · a fresh session ID: at least 128 bits from a cryptographically secure generator, base64url, nothing else inside. */
    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
