package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Blue team: a cookie value the client can read but not change — an HMAC-SHA256 tag with a key from configuration. */
public final class SignedCookie {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * A13 · A codec with {@code key} (at least 32 bytes: IllegalArgumentException otherwise). The key is copied.
     */
    public SignedCookie(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("an HMAC-SHA256 cookie key needs at least 32 bytes (256 bits, as RFC 7518 3.2"
                    + " asks of HS256 keys); this one has " + (key == null ? 0 : key.length) + ". Generate it with SecureRandom.");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A13 · {@code value} with its tag, in characters a cookie value may hold (RFC 6265 4.1.1). */
    public String seal(String value) {
        String body = ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(tag(body));
    }

    /** A13 · The value if {@code cookie} was sealed with this key and not changed since; empty otherwise (never throws). */
    public Optional<String> open(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = cookie.substring(0, dot);
        try {
            byte[] presented = DECODER.decode(cookie.substring(dot + 1));
            if (!MessageDigest.isEqual(tag(body), presented)) { // constant time: no byte-by-byte timing leak
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(body), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] tag(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
