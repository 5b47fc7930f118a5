package workshop.jwt;

/** Signs a JWS with HMAC-SHA-256 by hand (RFC 7515 section 5.1, RFC 7518 section 3.2). */
public final class HmacSigner {

    private HmacSigner() {
    }

    /** J3 · the base64url HMAC-SHA-256 of the ASCII signing input {@code header.payload}. */
    public static String sign(String signingInput, byte[] key) {
        throw new UnsupportedOperationException("J3 · sign HS256 by hand — see notebooks/03-jwt.ipynb, J3");
    }

    /** J3 · the compact token {@code base64url(header).base64url(payload).signature} for these exact JSON bytes. */
    public static String compact(byte[] headerJson, byte[] payloadJson, byte[] key) {
        throw new UnsupportedOperationException("J3 · build a compact token — see notebooks/03-jwt.ipynb, J3");
    }
}
