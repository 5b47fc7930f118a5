package workshop.jwt;

import java.util.Base64;

/** base64url without padding, the encoding of every JWT part (RFC 7515 section 2). */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /** J1 · bytes → base64url text: '-' and '_' instead of '+' and '/', no '=' padding. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** J1 · base64url text → bytes; refuses padding and the base64 characters '+' and '/' (TokenRejected MALFORMED). */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "'" + c + "' at position " + i
                        + " is not base64url (A-Z a-z 0-9 - _, no '=' padding)");
            }
        }
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            // e.g. a length of 1 mod 4: no byte sequence encodes to that.
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "not valid base64url: " + e.getMessage(), e);
        }
    }
}
