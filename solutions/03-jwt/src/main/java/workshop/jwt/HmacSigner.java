package workshop.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a JWS with HMAC-SHA-256 by hand (RFC 7515 section 5.1, RFC 7518 section 3.2). */
public final class HmacSigner {

    private HmacSigner() {
    }

    /** J3 · the base64url HMAC-SHA-256 of the ASCII signing input {@code header.payload}. */
    public static String sign(String signingInput, byte[] key) {
        return Base64Url.encode(hmac("HmacSHA256", key, signingInput));
    }

    /** J3 · the compact token {@code base64url(header).base64url(payload).signature} for these exact JSON bytes. */
    public static String compact(byte[] headerJson, byte[] payloadJson, byte[] key) {
        String signingInput = Base64Url.encode(headerJson) + "." + Base64Url.encode(payloadJson);
        return signingInput + "." + sign(signingInput, key);
    }

    static byte[] hmac(String jdkAlgorithm, byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance(jdkAlgorithm);
            mac.init(new SecretKeySpec(key, jdkAlgorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jdkAlgorithm + " is part of every JDK; this JDK could not use it: " + e.getMessage(), e);
        }
    }
}
