package workshop.simulator.legacy;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A public key as PEM text, byte for byte as the legacy servers publish it and as their flawed HS256 check uses it
 * for an HMAC secret (A4, A5): {@code -----BEGIN PUBLIC KEY-----}, LF, the X.509 SubjectPublicKeyInfo DER in base64
 * with 64-character lines (RFC 7468 section 2), each ending in LF, then {@code -----END PUBLIC KEY-----} and a final LF.
 */
public final class Pem {

    private Pem() {
    }

    /** The PEM text of {@code key} (its {@code getEncoded()} bytes, X.509 SubjectPublicKeyInfo). */
    public static String publicKey(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
