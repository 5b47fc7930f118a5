package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenUnderTestTest {

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void showsTheHeaderPayloadTimesAndSignatureOfTheTokenItIsGiven() {
        String text = TokenUnderTest.text(JwtInspectorTest.RFC_TOKEN);
        assertThat(text.lines().findFirst()).contains("token under test (decoded by the inspector, NOT verified):");
        assertThat(text).contains("header    {\"typ\":\"JWT\",\\r\\n \"alg\":\"HS256\"}")
                .contains("\"iss\":\"joe\"")
                .contains("exp = 1300819380 = 2011-03-22T18:43:00Z (UTC)")
                .contains("(43 chars, 32 bytes) — NOT checked")
                .contains("(" + JwtInspectorTest.RFC_TOKEN.length() + " chars)");
    }

    @Test
    void aLongTokenIsShortenedButStillDecodedWhole() {
        String token = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"pad\":\"" + "x".repeat(10_000) + "\",\"exp\":1767258300}")
                + ".c2ln";
        String text = TokenUnderTest.text(token);
        assertThat(text).hasSizeLessThan(1000)
                .contains("header    {\"alg\":\"HS256\"}")
                .contains("(shortened: 10027 chars)")
                .contains("exp = 1767258300 = 2026-01-01T09:05:00Z (UTC)")
                .contains("(" + token.length() + " chars)");
    }

    @Test
    void aTimeClaimThatIsNoDateSaysWhy() {
        String token = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"exp\":9300000000000000000,\"nbf\":\"0\",\"iat\":true}") + ".c2ln";
        String text = TokenUnderTest.text(token);
        assertThat(text).contains("exp = 9300000000000000000 — no date: beyond any instant")
                .contains("nbf = \"0\" — a string, not a NumericDate")
                .contains("iat = true (a boolean) — not a NumericDate");
    }

    @Test
    void brokenTokensShowTheInspectorsProblems() {
        assertThat(TokenUnderTest.text("")).contains("(empty)").contains("✘ empty");
        assertThat(TokenUnderTest.text(null)).contains("✘ empty");
        assertThat(TokenUnderTest.text(b64("{\"alg\":\"none\"}") + "." + b64("{}") + "."))
                .contains("signature (none)").contains("✘ alg 'none' means unsigned");
    }
}
