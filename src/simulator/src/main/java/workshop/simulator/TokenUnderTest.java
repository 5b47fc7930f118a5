package workshop.simulator;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The token a test is about, as the {@link JwtInspector} decodes it, for the end of a failure message: the whole
 * token's header, payload (shortened if long), its time claims as UTC dates (or why one is no date), the signature
 * part and the inspector's problems. Decoded, NOT verified. Always give it the exact token the code under test was
 * given — never a prefix or another string — so what the learner reads is what their code saw.
 */
public final class TokenUnderTest {

    /** The most characters of the header or payload JSON shown; longer parts are shortened. */
    public static final int MAX_PART_CHARS = 240;
    private static final int TOKEN_HEAD = 48;
    private static final int TOKEN_TAIL = 12;
    private static final List<String> TIME_CLAIMS = List.of("iat", "nbf", "exp");

    private TokenUnderTest() {
    }

    /** A few lines describing {@code token}, starting with the line {@code token under test (…):}. */
    public static String text(String token) {
        JwtInspector.Inspection inspection = JwtInspector.inspect(token);
        String raw = token == null ? "" : token;
        StringBuilder out = new StringBuilder("token under test (decoded by the inspector, NOT verified):\n");
        out.append("  token     ").append(raw.isEmpty() ? "(empty)" : shortToken(raw))
                .append(" (").append(raw.length()).append(" chars)\n");
        out.append("  header    ").append(inspection.header().map(TokenUnderTest::shortPart).orElse("(could not decode)")).append('\n');
        out.append("  payload   ").append(inspection.payload().map(TokenUnderTest::shortPart).orElse("(could not decode)")).append('\n');
        Map<String, Object> claims = inspection.claims();
        for (String name : TIME_CLAIMS) {
            if (claims.containsKey(name)) {
                out.append("            ").append(name).append(" = ").append(time(claims.get(name))).append('\n');
            }
        }
        out.append("  signature ").append(signature(inspection.signature())).append('\n');
        inspection.problems().forEach(p -> out.append("  ✘ ").append(p).append('\n'));
        return out.toString().stripTrailing();
    }

    /** A NumericDate claim as a date, or why it is none (the payload line shows its raw JSON). */
    static String time(Object value) {
        if (value instanceof Number n) {
            double seconds = n.doubleValue();
            if (Double.isFinite(seconds) && Math.abs(seconds) <= Instant.MAX.getEpochSecond()) {
                return n + " = " + Instant.ofEpochSecond(n.longValue()) + " (UTC)";
            }
            return n + " — no date: beyond any instant";
        }
        if (value instanceof String s) {
            return "\"" + shortPart(s) + "\" — a string, not a NumericDate (a JSON number of seconds)";
        }
        return (value == null ? "null" : shortPart(String.valueOf(value)) + " (" + kind(value) + ")")
                + " — not a NumericDate (a JSON number of seconds)";
    }

    private static String kind(Object value) {
        return value instanceof Boolean ? "a boolean" : value instanceof List<?> ? "an array" : value instanceof Map<?, ?> ? "an object"
                : value.getClass().getSimpleName();
    }

    private static String signature(String part) {
        if (part.isEmpty()) {
            return "(none)";
        }
        String bytes;
        try {
            bytes = ", " + Base64.getUrlDecoder().decode(part).length + " bytes";
        } catch (IllegalArgumentException e) {
            bytes = ", not base64url";
        }
        return shortToken(part) + " (" + part.length() + " chars" + bytes + ") — NOT checked by the inspector";
    }

    private static String shortToken(String token) {
        return token.length() <= TOKEN_HEAD + TOKEN_TAIL + 1 ? token
                : token.substring(0, TOKEN_HEAD) + "…" + token.substring(token.length() - TOKEN_TAIL);
    }

    private static String shortPart(String json) {
        String oneLine = json.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= MAX_PART_CHARS ? oneLine
                : oneLine.substring(0, MAX_PART_CHARS) + "… (shortened: " + oneLine.length() + " chars)";
    }
}
