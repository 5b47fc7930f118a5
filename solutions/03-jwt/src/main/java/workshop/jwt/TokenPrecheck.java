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
        // J5: this verifier implements no extension, so any crit makes the token invalid (RFC 7515 4.1.11).
        CriticalHeader.requireNone(header);
        // One token, one spelling: the signature is the one part no signature covers, and lenient decoders (the JDK's,
        // jjwt's) ignore the unused bits of its last character, so four spellings would verify.
        String signature = token.substring(token.lastIndexOf('.') + 1);
        try {
            Base64Url.decode(signature);
        } catch (TokenRejected e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the signature part is not canonical base64url ("
                    + e.getMessage() + ")", e);
        }
        return header;
    }
}
