package workshop.attacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Given: the token plumbing module 03 taught (base64url, the three parts, JSON), so that module 04 is about the
 * attacks. Decoding is not verifying: nothing here checks a signature.
 */
public final class Jwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    /** The three parts of a compact JWS, empty ones kept (a stripped signature is ""); TokenRejected otherwise. */
    public static String[] parts(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "a compact JWS has three parts separated by '.'");
        }
        return parts;
    }

    /** The decoded header, in its order. */
    public static Map<String, Object> header(String token) {
        return object(parts(token)[0]);
    }

    /** The decoded payload (the claims), in its order. */
    public static Map<String, Object> payload(String token) {
        return object(parts(token)[1]);
    }

    /** The ASCII bytes the signature covers: {@code base64url(header) + "." + base64url(payload)}. */
    public static byte[] signingInput(String token) {
        String[] parts = parts(token);
        return (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature bytes (empty for a stripped signature). */
    public static byte[] signature(String token) {
        return decode(parts(token)[2]);
    }

    /** A JSON object as a base64url part, e.g. {@code part(Map.of("alg", "none"))}. */
    public static String part(Map<String, ?> json) {
        try {
            return encode(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** base64url without padding (RFC 7515 2). */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64url, padding or not; TokenRejected(MALFORMED) for anything else. */
    public static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "not base64url", e);
        }
    }

    /** A JSON object from a base64url part, as an ordered, modifiable map. */
    public static Map<String, Object> object(String part) {
        try {
            Map<String, Object> map = JSON.readValue(decode(part), new TypeReference<LinkedHashMap<String, Object>>() { });
            if (map == null) {
                throw new TokenRejected(TokenRejected.Reason.MALFORMED, "a part is JSON null, not an object");
            }
            return map;
        } catch (IOException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED, "a part is not a JSON object", e);
        }
    }
}
