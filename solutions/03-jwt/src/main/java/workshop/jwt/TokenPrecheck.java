package workshop.jwt;

import java.util.Map;

/** The cheap checks before any parsing: size, shape, and no compression. */
public final class TokenPrecheck {

    private TokenPrecheck() {
    }

    /** J7 · the decoded header, or TokenRejected: TOO_LARGE (checked first), MALFORMED, COMPRESSED. Never inflates. */
    public static Map<String, Object> check(String token, int maxChars) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "no token");
        }
        if (token.length() > maxChars) {
            throw new TokenRejected(TokenRejected.Reason.TOO_LARGE, token.length() + " chars, the limit is " + maxChars);
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots != 2) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, (dots + 1) + " part(s): a compact JWS has exactly 3");
        }
        Map<String, Object> header = Json.object(token.substring(0, token.indexOf('.')), "header");
        if (header.containsKey("zip")) {
            // RFC 7516 4.1.3 defines "zip" for JWE only: a JWS has no compression, so this header is unexpected
            // (RFC 8725: reject what you do not expect) and inflating it invites a decompression bomb.
            throw new TokenRejected(TokenRejected.Reason.COMPRESSED, "zip=" + Untrusted.quote(header.get("zip"))
                    + ": compression is defined for JWE only (RFC 7516 4.1.3), and refusing it in a JWS is kit policy;"
                    + " refused without inflating it,"
                    + " so a small token cannot expand into a decompression bomb");
        }
        return header;
    }
}
