package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtInspectorTest {

    // RFC 7515 appendix A.1
    static final String RFC_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesHeaderPayloadAndTimes() {
        var inspection = JwtInspector.inspect(RFC_TOKEN);
        assertThat(inspection.wellFormed()).isTrue();
        assertThat(inspection.algorithm()).contains("HS256");
        assertThat(inspection.claims()).containsEntry("iss", "joe");
        assertThat(inspection.times()).containsEntry("exp", Instant.ofEpochSecond(1300819380));
        assertThat(inspection.toText()).contains("NOT VERIFIED").contains("2011-03-22T18:43:00Z").contains("\"iss\":\"joe\"");
    }

    @Test
    void partialTokensDecodeAsFarAsPossible() {
        var headerOnly = JwtInspector.inspect(b64("{\"alg\":\"HS256\"}"));
        assertThat(headerOnly.algorithm()).contains("HS256");
        assertThat(headerOnly.problems()).anyMatch(p -> p.contains("1 part"));

        var badPayload = JwtInspector.inspect(b64("{\"alg\":\"HS256\"}") + ".!!!.sig");
        assertThat(badPayload.header()).isPresent();
        assertThat(badPayload.payload()).isEmpty();
        assertThat(badPayload.problems()).anyMatch(p -> p.contains("payload is not base64url"));

        assertThat(JwtInspector.inspect("").problems()).isNotEmpty();
        assertThat(JwtInspector.inspect(null).wellFormed()).isFalse();
    }

    @Test
    void timesNoInstantCanHoldAreLeftOutNotThrown() {
        for (String exp : new String[] {"9.3e18", "9223372036854775807", "-9.3e18", "1e400"}) {
            var inspection = JwtInspector.inspect(b64("{\"alg\":\"HS256\"}") + "." + b64("{\"exp\":" + exp + "}") + ".sig");
            assertThat(inspection.times()).as("exp %s is no instant", exp).doesNotContainKey("exp");
            assertThat(inspection.toText()).as("the payload still shows exp %s", exp).contains("\"exp\":");
            assertThat(inspection.toHtml()).isNotEmpty();
        }
    }

    @Test
    void namesDangerousHeaders() {
        assertThat(JwtInspector.inspect(b64("{\"alg\":\"nOnE\"}") + "." + b64("{}") + ".").problems())
                .anyMatch(p -> p.contains("unsigned")).anyMatch(p -> p.contains("signature part is empty"));
        assertThat(JwtInspector.inspect(b64("{\"alg\":\"HS256\",\"zip\":\"DEF\"}") + ".AAAA.sig").problems())
                .anyMatch(p -> p.contains("NOT inflated") && p.contains("kit policy") && p.contains("RFC 7516 4.1.3"))
                .as("RFC 8725 3.6 is about compression side channels in JWE, not about zip bombs")
                .noneMatch(p -> p.contains("8725"));
        assertThat(JwtInspector.inspect(b64("{\"typ\":\"JWT\"}") + "." + b64("{}") + ".sig").problems())
                .anyMatch(p -> p.contains("no 'alg'"));
        assertThat(JwtInspector.inspect("Bearer " + RFC_TOKEN).problems()).anyMatch(p -> p.contains("Bearer"));
    }

    @Test
    void htmlHasThreeColoursAndTheBanner() {
        String html = JwtInspector.html(RFC_TOKEN + "<script>");
        assertThat(html).contains(JwtInspector.HEADER_COLOUR, JwtInspector.PAYLOAD_COLOUR, JwtInspector.SIGNATURE_COLOUR)
                .contains("NOT VERIFIED").contains("exp = 2011-03-22T18:43:00Z").doesNotContain("<script>");
    }
}
