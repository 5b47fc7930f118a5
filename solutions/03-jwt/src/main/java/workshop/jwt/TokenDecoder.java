package workshop.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a token's header and payload WITHOUT verifying it, like a jwt.io inspector. Decoding is not verifying. */
public final class TokenDecoder {

    private TokenDecoder() {
    }

    /** J2 · decodes as far as possible; never throws for a bad token, lists the problems instead. */
    public static DecodedToken decode(String token) {
        List<String> problems = new ArrayList<>();
        if (token == null || token.isBlank()) {
            problems.add("empty: a compact JWS is header.payload.signature");
            return new DecodedToken(Map.of(), Map.of(), "", problems);
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            problems.add(parts.length + " part(s): a compact JWS has exactly 3");
        }
        Map<String, Object> header = part(parts, 0, "header", problems);
        Map<String, Object> payload = Map.of();
        if (header.containsKey("zip")) {
            problems.add("the payload is compressed (zip): not inflated");
        } else {
            payload = part(parts, 1, "payload", problems);
        }
        String signature = parts.length > 2 ? parts[2] : "";
        if (parts.length > 2 && signature.isEmpty()) {
            problems.add("the signature is empty");
        }
        return new DecodedToken(header, payload, signature, List.copyOf(problems));
    }

    private static Map<String, Object> part(String[] parts, int index, String name, List<String> problems) {
        if (index >= parts.length) {
            problems.add("no " + name + " part");
            return Map.of();
        }
        try {
            return Json.object(parts[index], name);
        } catch (TokenRejected e) {
            problems.add("the " + name + ": " + e.getMessage());
            return Map.of();
        }
    }
}
