package workshop.jwt;

import java.util.Map;

/**
 * The cheap checks before any parsing or crypto, from the token's text and header alone: size, shape (three parts, a
 * JSON-object header, a canonically spelled signature), no compression, no critical extensions.
 */
public final class TokenPrecheck {

    private TokenPrecheck() {
    }

    /**
     * J4 · the decoded header, or TokenRejected: TOO_LARGE (checked first), MALFORMED (not three parts, a header that
     * is not a JSON object, a signature that is not canonical base64url), COMPRESSED (a {@code zip} header; never
     * inflated). J5 · any {@code crit} header: UNSUPPORTED_CRITICAL if well-formed, else MALFORMED.
     */
    public static Map<String, Object> check(String token, int maxChars) {
        throw new UnsupportedOperationException("J4 · refuse before parsing — see notebooks/03-jwt.ipynb, J4");
    }
}
