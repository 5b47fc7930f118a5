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

    /** J1 · base64url text → bytes; refuses padding, the base64 characters '+' and '/' and non-canonical spellings (TokenRejected MALFORMED). */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, Untrusted.quote(String.valueOf(c)) + " at position " + i
                        + " is not base64url (A-Z a-z 0-9 - _, no '=' padding)");
            }
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            // e.g. a length of 1 mod 4: no byte sequence encodes to that.
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "not valid base64url: " + e.getMessage(), e);
        }
        // The JDK ignores the unused low bits of the last character, so "QQ" and "QR" both decode to 'A'.
        // Only the canonical spelling (unused bits zero, RFC 4648 3.5) is accepted: one token, one spelling.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "not canonical base64url: the unused bits of the last "
                    + "character must be zero (kit policy; RFC 4648 3.5 lets decoders refuse them), so every byte sequence "
                    + "has exactly one spelling");
        }
        return bytes;
    }
}
