package workshop.jwt;

import java.util.Map;

/** The cheap checks before any parsing: size, shape, and no compression. */
public final class TokenPrecheck {

    private TokenPrecheck() {
    }

    /** J7 · the decoded header, or TokenRejected: TOO_LARGE (checked first), MALFORMED, COMPRESSED. Never inflates. */
    public static Map<String, Object> check(String token, int maxChars) {
        throw new UnsupportedOperationException("J7 · refuse before parsing — see notebooks/03-jwt.ipynb, J7");
    }
}
