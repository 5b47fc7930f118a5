package workshop.jwt;

/** base64url without padding, the encoding of every JWT part (RFC 7515 section 2). */
public final class Base64Url {

    private Base64Url() {
    }

    /** J1 · bytes → base64url text: '-' and '_' instead of '+' and '/', no '=' padding. */
    public static String encode(byte[] bytes) {
        throw new UnsupportedOperationException("J1 · base64url encode — see notebooks/03-jwt.ipynb, J1");
    }

    /** J1 · base64url text → bytes; refuses padding, the base64 characters '+' and '/' and non-canonical spellings (TokenRejected MALFORMED). */
    public static byte[] decode(String text) {
        throw new UnsupportedOperationException("J1 · base64url decode — see notebooks/03-jwt.ipynb, J1");
    }
}
