package workshop.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A jwt.io-like inspector: shows the header and payload of a compact JWS as text or colour-coded HTML.
 * It decodes and NEVER verifies — decoded is not verified. Broken or partial tokens decode as far as
 * possible, and the inspection says what is wrong.
 */
public final class JwtInspector {

    /** Tokens longer than this are only inspected up to this length. */
    public static final int MAX_INSPECTED_CHARS = 64 * 1024;
    /** The banner every rendering starts with. */
    public static final String BANNER = "DECODED, NOT VERIFIED: anyone can read (and forge) these parts; "
            + "only a signature check with the right key makes them trustworthy.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIME_CLAIMS = List.of("iat", "nbf", "exp");

    private JwtInspector() {
    }

    /**
     * What a token says about itself, unverified.
     *
     * @param header  the decoded header JSON, if the first part decodes
     * @param payload the decoded payload text, if the second part decodes
     * @param headerClaims the header's fields, if it is a JSON object
     * @param claims  the payload's claims, if it is a JSON object
     * @param signature the third part as sent (base64url), empty if missing
     * @param problems what is wrong with the token, in the order found; empty if it is well-formed
     */
    public record Inspection(String token, Optional<String> header, Optional<String> payload,
                             Map<String, Object> headerClaims, Map<String, Object> claims,
                             String signature, List<String> problems) {

        /** Whether the token has three parts whose first two are base64url JSON objects (says nothing about trust). */
        public boolean wellFormed() {
            return problems.isEmpty();
        }

        /** The {@code alg} header, if present. */
        public Optional<String> algorithm() {
            return Optional.ofNullable(headerClaims.get("alg")).map(String::valueOf);
        }

        /**
         * The time claims ({@code iat}, {@code nbf}, {@code exp}) as instants, in that order. A value no instant can
         * hold (e.g. {@code exp: 9.3e18}, a classic overflow probe) is left out; the payload still shows it.
         */
        public Map<String, Instant> times() {
            Map<String, Instant> times = new LinkedHashMap<>();
            for (String name : TIME_CLAIMS) {
                if (claims.get(name) instanceof Number n && Double.isFinite(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Instant.MAX.getEpochSecond()) {
                    times.put(name, Instant.ofEpochSecond(n.longValue()));
                }
            }
            return times;
        }

        /** Plain text, for failure messages and consoles. */
        public String toText() {
            StringBuilder out = new StringBuilder();
            out.append("JWT — ").append(BANNER).append('\n');
            out.append("  header    ").append(header.orElse("(could not decode)")).append('\n');
            out.append("  payload   ").append(payload.orElse("(could not decode)")).append('\n');
            times().forEach((name, at) -> out.append("            ").append(name).append(" = ")
                    .append(((Number) claims.get(name)).longValue()).append(" = ").append(at).append(" (UTC)\n"));
            out.append("  signature ").append(signatureSummary()).append('\n');
            if (!problems.isEmpty()) {
                problems.forEach(p -> out.append("  ✘ ").append(p).append('\n'));
            }
            return out.toString();
        }

        /** Colour-coded HTML (header, payload, signature in three colours), for notebooks. */
        public String toHtml() {
            StringBuilder out = new StringBuilder();
            out.append("<div style=\"font-family:monospace;border:1px solid #999;padding:8px;max-width:60em\">");
            out.append("<div style=\"background:#fff3cd;color:#664d03;padding:4px 6px;font-weight:bold\">⚠ ")
                    .append(Pages.escape(BANNER)).append("</div>");
            out.append("<p style=\"word-break:break-all\">");
            String[] parts = token.split("\\.", -1);
            String[] colours = {HEADER_COLOUR, PAYLOAD_COLOUR, SIGNATURE_COLOUR};
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.append("<b>.</b>");
                }
                String colour = i < colours.length ? colours[i] : "#888";
                out.append("<span style=\"color:").append(colour).append("\">").append(Pages.escape(shorten(parts[i], 400)))
                        .append("</span>");
            }
            out.append("</p>");
            section(out, "Header", HEADER_COLOUR, header.orElse("(could not decode)"));
            StringBuilder payloadText = new StringBuilder(payload.orElse("(could not decode)"));
            times().forEach((name, at) -> payloadText.append('\n').append(name).append(" = ").append(at).append(" (UTC)"));
            section(out, "Payload", PAYLOAD_COLOUR, payloadText.toString());
            section(out, "Signature", SIGNATURE_COLOUR, signatureSummary());
            if (!problems.isEmpty()) {
                out.append("<ul style=\"color:#b02a37\">");
                problems.forEach(p -> out.append("<li>").append(Pages.escape(p)).append("</li>"));
                out.append("</ul>");
            }
            return out.append("</div>").toString();
        }

        private String signatureSummary() {
            if (signature.isEmpty()) {
                return "(none)";
            }
            int bytes = Base64Url.decodedLength(signature);
            return shorten(signature, 24) + " (" + signature.length() + " chars" + (bytes >= 0 ? ", " + bytes + " bytes" : "")
                    + ") — NOT checked by the inspector";
        }

        private static void section(StringBuilder out, String title, String colour, String body) {
            out.append("<div style=\"border-left:4px solid ").append(colour).append(";padding-left:6px;margin:4px 0\">")
                    .append("<b style=\"color:").append(colour).append("\">").append(title).append("</b>")
                    .append("<pre style=\"margin:2px 0;white-space:pre-wrap\">").append(Pages.escape(body)).append("</pre></div>");
        }

        @Override
        public String toString() {
            return toText();
        }
    }

    static final String HEADER_COLOUR = "#d6336c";
    static final String PAYLOAD_COLOUR = "#7b2cbf";
    static final String SIGNATURE_COLOUR = "#0a84b5";

    /** Decodes as much of {@code token} as possible, without verifying anything. */
    public static Inspection inspect(String token) {
        List<String> problems = new ArrayList<>();
        if (token == null) {
            token = "";
        }
        String t = token.strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).strip();
            problems.add("starts with 'Bearer ': that is the Authorization scheme, not part of the token");
        }
        if (t.length() > MAX_INSPECTED_CHARS) {
            problems.add("very long (" + t.length() + " chars): only the first " + MAX_INSPECTED_CHARS + " are inspected");
            t = t.substring(0, MAX_INSPECTED_CHARS);
        }
        if (t.isEmpty()) {
            problems.add("empty: a compact JWS is header.payload.signature");
            return new Inspection(t, Optional.empty(), Optional.empty(), Map.of(), Map.of(), "", List.copyOf(problems));
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3) {
            problems.add(parts.length + " part(s) separated by '.', a compact JWS has 3 (header.payload.signature)"
                    + (parts.length == 5 ? "; 5 parts is an encrypted JWE" : ""));
        }
        Optional<String> header = decodePart("header", parts[0], problems);
        Map<String, Object> headerClaims = header.map(h -> jsonObject("header", h, problems)).orElse(Map.of());
        Optional<String> payload = Optional.empty();
        Map<String, Object> claims = Map.of();
        if (parts.length > 1) {
            if (headerClaims.containsKey("zip")) {
                // Kit policy: 'zip' is defined for JWE only (RFC 7516 4.1.3). RFC 8725 3.6 is about compression in JWE
                // leaking plaintext; a signed, compressed payload is refused here because it could be a decompression bomb.
                problems.add("the header says zip=" + headerClaims.get("zip") + ": the payload is compressed and is NOT inflated "
                        + "(kit policy: 'zip' is defined only for JWE, RFC 7516 4.1.3, and a compressed payload in a JWS"
                        + " could be a decompression bomb)");
                payload = Optional.of("(compressed, " + parts[1].length() + " chars, not inflated)");
            } else {
                payload = decodePart("payload", parts[1], problems);
                claims = payload.map(p -> jsonObject("payload", p, problems)).orElse(Map.of());
            }
        } else {
            problems.add("no payload part");
        }
        if (!headerClaims.isEmpty() && !headerClaims.containsKey("alg")) {
            problems.add("the header has no 'alg': a verifier must reject it");
        } else if (headerClaims.get("alg") instanceof String alg && alg.equalsIgnoreCase("none")) {
            problems.add("alg '" + alg + "' means unsigned: a verifier must reject it (RFC 8725 3.1)");
        }
        String signature = parts.length > 2 ? parts[2] : "";
        if (parts.length > 2 && signature.isEmpty()) {
            problems.add("the signature part is empty");
        } else if (!signature.isEmpty() && Base64Url.decodedLength(signature) < 0) {
            problems.add("the signature is not base64url");
        }
        return new Inspection(t, header, payload, headerClaims, claims, signature, List.copyOf(problems));
    }

    /** The inspection as plain text. */
    public static String text(String token) {
        return inspect(token).toText();
    }

    /** The inspection as colour-coded HTML. */
    public static String html(String token) {
        return inspect(token).toHtml();
    }

    private static Optional<String> decodePart(String name, String part, List<String> problems) {
        if (part.isEmpty()) {
            problems.add("the " + name + " part is empty");
            return Optional.empty();
        }
        if (part.indexOf('=') >= 0) {
            problems.add("the " + name + " has '=' padding: base64url in a JWT has no padding (RFC 7515 2)");
        }
        if (part.indexOf('+') >= 0 || part.indexOf('/') >= 0) {
            problems.add("the " + name + " uses '+' or '/': that is base64, a JWT uses base64url ('-' and '_')");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part.replace("=", ""));
        } catch (IllegalArgumentException e) {
            problems.add("the " + name + " is not base64url (" + e.getMessage() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.add("the " + name + " is not UTF-8 text (" + bytes.length + " bytes)");
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String name, String text, List<String> problems) {
        try {
            Object value = JSON.readValue(text, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            problems.add("the " + name + " is JSON but not an object");
        } catch (JsonProcessingException e) {
            problems.add("the " + name + " is not JSON: " + e.getOriginalMessage());
        }
        return Map.of();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** base64url helpers shared with the token server. */
    static final class Base64Url {
        private Base64Url() {
        }

        /** The decoded length, or -1 if {@code s} is not unpadded base64url. */
        static int decodedLength(String s) {
            try {
                return Base64.getUrlDecoder().decode(s).length;
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
    }
}
