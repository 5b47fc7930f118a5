package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;
import static workshop.jwt.TokenRejected.Reason.UNSUPPORTED_CRITICAL;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Order(6)
@DisplayName("J6 · verifying by hand: recompute and compare")
class HmacVerifierTest {

    private final HmacVerifier verifier = new HmacVerifier(Fixtures.RFC_KEY, "HS256");

    @Test
    @Order(1)
    @DisplayName("J6 · the RFC 7515 token verifies with the RFC key and gives its claims")
    void rfcTokenVerifies() {
        about(Fixtures.RFC_TOKEN, "recompute HMAC-SHA-256 over 'header.payload' with your key and compare it with the "
                + "decoded signature (MessageDigest.isEqual); then return the payload's claims",
                () -> assertThat(verifier.verify(Fixtures.RFC_TOKEN)).as("verify(RFC token)").containsEntry("iss", "joe"));
    }

    @Test
    @Order(2)
    @DisplayName("J6 · a changed payload with the old signature is a BAD_SIGNATURE")
    void tamperedPayload() {
        String[] parts = Fixtures.RFC_TOKEN.split("\\.");
        String tampered = parts[0] + "." + Fixtures.b64("{\"iss\":\"joe\",\"exp\":1300819380,\"http://example.com/is_root\":true,"
                + "\"admin\":true}") + "." + parts[2];
        rejects(BAD_SIGNATURE, tampered, "the payload was edited after signing: the HMAC of the new bytes differs, and "
                + "without the key nobody can compute it (RFC 7515 5.2)", () -> verifier.verify(tampered));
    }

    @Test
    @Order(3)
    @DisplayName("J6 · an empty or a truncated signature is a BAD_SIGNATURE")
    void emptyOrTruncatedSignature() {
        String empty = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.') + 1);
        rejects(BAD_SIGNATURE, empty, "'header.payload.' has an empty signature: zero bytes never equal an HMAC",
                () -> verifier.verify(empty));
        String truncated = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.length() - 11);
        rejects(BAD_SIGNATURE, truncated, "a prefix of the right signature is still wrong: compare all bytes "
                + "(MessageDigest.isEqual checks the length too, and takes the same time wherever the first difference is)",
                () -> verifier.verify(truncated));
    }

    @Test
    @Order(4)
    @DisplayName("J6 · a key shorter than the hash output is refused when the verifier is built")
    void shortKeyRefused() {
        Fixtures.expectThrow(KeyRejected.class, "RFC 7518 3.2: an HS256 key has at least 256 bits. A 1-byte key is found "
                + "by trying all 256 values against one token: refuse it in the constructor with KeyRejected",
                () -> new HmacVerifier(new byte[] {42}, "HS256").verify(Fixtures.RFC_TOKEN));
    }

    static Stream<Arguments> refusedByThePrecheck() {
        String oversizedInput = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("{\"pad\":\"" + "x".repeat(10_000) + "\"}");
        return Stream.of(
                Arguments.of("10,000 characters, correctly signed", Fixtures.signed("HmacSHA256", Fixtures.RFC_KEY, oversizedInput),
                        TOO_LARGE),
                Arguments.of("two parts: the signature stripped",
                        Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.')), MALFORMED),
                Arguments.of("a header that is not JSON", Fixtures.b64("alg=HS256") + "." + Fixtures.b64("{}") + ".c2ln", MALFORMED),
                Arguments.of("the signature respelled in its unused bits", Fixtures.respelled(Fixtures.RFC_TOKEN), MALFORMED),
                Arguments.of("crit [\"exp2\"], correctly signed", Fixtures.hs256(Fixtures.RFC_KEY,
                        "{\"alg\":\"HS256\",\"crit\":[\"exp2\"],\"exp2\":1}", "{\"sub\":\"alice\"}"), UNSUPPORTED_CRITICAL));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @Order(5)
    @MethodSource("refusedByThePrecheck")
    @DisplayName("J6 · the hand verifier starts with TokenPrecheck (J4, J5)")
    void precheckFirst(String name, String token, TokenRejected.Reason reason) {
        rejects(reason, token, "not a new rule: J4 and J5 taught it, and TokenPrecheck.check(token, "
                + "TokenVerifier.MAX_TOKEN_CHARS) already refuses this token. Call it first in verify: it gives you the "
                + "header, decoded once, and nothing reaches the HMAC that the text alone can refuse",
                () -> verifier.verify(token));
    }
}
