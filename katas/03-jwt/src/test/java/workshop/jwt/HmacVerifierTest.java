package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Order(4)
@DisplayName("J4 · verifying by hand")
class HmacVerifierTest {

    private final HmacVerifier verifier = new HmacVerifier(Fixtures.RFC_KEY, "HS256");

    /** An HMAC signature computed by the test itself (independent of the learner's signer). */
    static String hmac(String jdkAlgorithm, byte[] key, String signingInput) throws Exception {
        Mac mac = Mac.getInstance(jdkAlgorithm);
        mac.init(new SecretKeySpec(key, jdkAlgorithm));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @Order(1)
    @DisplayName("J4 · the RFC 7515 token verifies with the RFC key and gives its claims")
    void rfcTokenVerifies() {
        assertThat(verifier.verify(Fixtures.RFC_TOKEN))
                .as("recompute HMAC-SHA-256 over 'header.payload' and compare with MessageDigest.isEqual" + Fixtures.show(Fixtures.RFC_TOKEN))
                .containsEntry("iss", "joe");
    }

    @Test
    @Order(2)
    @DisplayName("J4 · a changed payload with the old signature is a BAD_SIGNATURE")
    void tamperedPayload() {
        String[] parts = Fixtures.RFC_TOKEN.split("\\.");
        String tampered = parts[0] + "." + Fixtures.b64("{\"iss\":\"joe\",\"exp\":1300819380,\"http://example.com/is_root\":true,\"admin\":true}")
                + "." + parts[2];
        assertRejected(() -> verifier.verify(tampered), BAD_SIGNATURE, tampered,
                "the payload was edited after signing; the signature no longer matches");
    }

    @ParameterizedTest(name = "alg \"{0}\"")
    @Order(3)
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    @DisplayName("J4 · alg none, in any casing, is ALGORITHM_NOT_ALLOWED")
    void algNone(String none) {
        String token = Fixtures.token("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}", "{\"sub\":\"admin\"}", "");
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "RFC 8725 3.1: never let the token choose 'none'; compare alg with the ONE algorithm you expect, case-sensitively");
    }

    @Test
    @Order(4)
    @DisplayName("J4 · a header without alg is ALGORITHM_NOT_ALLOWED")
    void missingAlg() throws Exception {
        String input = Fixtures.b64("{\"typ\":\"JWT\"}") + "." + Fixtures.b64("{\"sub\":\"alice\"}");
        String token = input + "." + hmac("HmacSHA256", Fixtures.RFC_KEY, input);
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "RFC 7515 4.1.1: alg is required; a missing alg is not 'the default'");
    }

    @Test
    @Order(5)
    @DisplayName("J4 · an HS512 token for an HS256 verifier is ALGORITHM_NOT_ALLOWED, even correctly signed")
    void otherHmacSize() throws Exception {
        String input = Fixtures.b64("{\"alg\":\"HS512\"}") + "." + Fixtures.b64("{\"sub\":\"alice\"}");
        String token = input + "." + hmac("HmacSHA512", Fixtures.RFC_KEY, input);
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "the verifier allow-lists exactly one algorithm; the token does not get to pick another");
    }

    @Test
    @Order(6)
    @DisplayName("J4 · an RS256 token sent to an HMAC verifier is ALGORITHM_NOT_ALLOWED")
    void rsaTokenToHmacVerifier() {
        KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        String token = Jwts.builder().subject("alice").signWith(rsa.getPrivate()).compact();
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "RFC 8725 2.1: algorithm confusion starts when a verifier accepts whatever alg the header names");
    }

    @Test
    @Order(7)
    @DisplayName("J4 · an empty signature is a BAD_SIGNATURE")
    void emptySignature() {
        String token = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.') + 1);
        assertRejected(() -> verifier.verify(token), BAD_SIGNATURE, token,
                "'header.payload.' has an empty signature: zero bytes never equal an HMAC");
    }

    @Test
    @Order(8)
    @DisplayName("J4 · a stripped signature (two parts) is MALFORMED, a truncated one a BAD_SIGNATURE")
    void strippedAndTruncated() {
        String stripped = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.'));
        assertRejected(() -> verifier.verify(stripped), MALFORMED, stripped, "a compact JWS has exactly three parts");
        String truncated = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.length() - 11);
        assertRejected(() -> verifier.verify(truncated), BAD_SIGNATURE, truncated,
                "a prefix of the right signature is still wrong: compare all bytes (MessageDigest.isEqual checks the length too)");
    }

    @Test
    @Order(9)
    @DisplayName("J4 · a header that is not JSON is MALFORMED")
    void headerNotJson() {
        String token = Fixtures.b64("alg=HS256") + "." + Fixtures.b64("{}") + ".c2ln";
        assertRejected(() -> verifier.verify(token), MALFORMED, token, "the header must be a JSON object");
    }

    @Test
    @Order(10)
    @DisplayName("J4 · a signature respelled in its unused bits is refused")
    void respelledSignature() {
        // The last character of a 43-character signature carries 2 unused bits: 'k' and 'l' decode to the same 32 bytes.
        String respelled = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.length() - 1) + "l";
        assertThat(java.util.Base64.getUrlDecoder().decode(respelled.substring(respelled.lastIndexOf('.') + 1)))
                .as("the JDK's lenient decoder sees the RFC's signature bytes in both spellings")
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(Fixtures.RFC_SIGNATURE));
        Throwable thrown = Fixtures.thrown(() -> verifier.verify(respelled));
        assertThat(thrown)
                .as("a token has exactly one spelling: decode the signature with your strict Base64Url (J1), which refuses "
                        + "non-zero unused bits, or the same token could be replayed under 4 different strings" + Fixtures.show(respelled))
                .isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).reason()).as("MALFORMED (strict decoder) or BAD_SIGNATURE; your verifier said: %s",
                thrown.getMessage()).isIn(MALFORMED, BAD_SIGNATURE);
    }

    @Test
    @Order(11)
    @DisplayName("J4 · a key shorter than the hash output is refused when the verifier is built")
    void shortKeyRefused() {
        assertThat(Fixtures.thrown(() -> new HmacVerifier(new byte[] {42}, "HS256").verify(Fixtures.RFC_TOKEN)))
                .as("RFC 7518 3.2: an HS256 key has at least 256 bits. A 1-byte key can be found by trying all 256 values "
                        + "against one token: refuse it in the constructor with KeyRejected")
                .isInstanceOf(KeyRejected.class);
    }

    @Test
    @Order(12)
    @DisplayName("J4 · a correctly signed token over the size limit is TOO_LARGE before anything is decoded")
    void oversized() throws Exception {
        String input = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("{\"pad\":\"" + "x".repeat(10_000) + "\"}");
        String token = input + "." + hmac("HmacSHA256", Fixtures.RFC_KEY, input);
        assertRejected(() -> verifier.verify(token), TOO_LARGE, token.substring(0, 60),
                "check the length first (TokenVerifier.MAX_TOKEN_CHARS): decoding and hashing a huge token costs the server, "
                        + "not the sender");
    }

    @ParameterizedTest(name = "{0}")
    @Order(13)
    @MethodSource("workshop.jwt.Fixtures#critHeaders")
    @DisplayName("J4 · a crit header the verifier does not implement makes a correctly signed token invalid")
    void critical(String name, String critFields, TokenRejected.Reason reason) {
        String token = Fixtures.hs256(Fixtures.RFC_KEY, "{\"alg\":\"HS256\"" + critFields + "}", "{\"sub\":\"alice\"}");
        assertRejected(() -> verifier.verify(token), reason, token,
                "RFC 7515 4.1.11: crit lists header extensions the recipient MUST understand, or the JWS is invalid. This "
                        + "verifier implements none: a well-formed crit is UNSUPPORTED_CRITICAL; one that is not a non-empty "
                        + "array of strings, names a registered parameter (alg, kid…) or one the header lacks is MALFORMED");
    }
}
