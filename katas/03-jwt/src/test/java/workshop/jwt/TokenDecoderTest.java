package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Order(2)
@DisplayName("J2 · decoding is not verifying")
class TokenDecoderTest {

    @Test
    @Order(1)
    @DisplayName("J2 · the header and payload of the RFC 7515 token are plain JSON anyone can read")
    void decodesHeaderAndPayload() {
        about(Fixtures.RFC_TOKEN, "the header and the payload are base64url JSON, not encrypted: anyone who holds the "
                + "token reads them, so never put secrets in a payload", () -> {
                    DecodedToken decoded = TokenDecoder.decode(Fixtures.RFC_TOKEN);
                    assertThat(decoded.header()).as("decode(RFC token).header()")
                            .containsEntry("alg", "HS256").containsEntry("typ", "JWT");
                    assertThat(decoded.payload()).as("decode(RFC token).payload()").containsEntry("iss", "joe")
                            .containsEntry("exp", 1300819380).containsEntry("http://example.com/is_root", true);
                    assertThat(decoded.signature()).as("decode(RFC token).signature(), the third part as sent")
                            .isEqualTo(Fixtures.RFC_SIGNATURE);
                    assertThat(decoded.problems()).as("decode(RFC token).problems(): a well-formed token has none").isEmpty();
                });
    }

    @Test
    @Order(2)
    @DisplayName("J2 · a decoded token says loudly that it is NOT verified, even when its signature is garbage")
    void saysNotVerified() {
        String forged = Fixtures.token("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\"}", "forged");
        about(forged, "decoding reads a forged payload just as happily as a real one, and never checks the signature: "
                + "whoever prints a DecodedToken must see that it is unverified", () -> {
                    DecodedToken decoded = TokenDecoder.decode(forged);
                    assertThat(decoded.payload()).as("decode(forged).payload()").containsEntry("sub", "admin");
                    assertThat(decoded.verified()).as("decode(forged).verified()").isFalse();
                    assertThat(decoded.toString()).as("decode(forged).toString()").contains("UNVERIFIED");
                });
    }

    @Test
    @Order(3)
    @DisplayName("J2 · a header-only token decodes its header and reports the missing parts")
    void partialToken() {
        String partial = Fixtures.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        about(partial, "decode as far as possible, like an inspector, and say what is wrong instead of throwing", () -> {
            DecodedToken decoded = TokenDecoder.decode(partial);
            assertThat(decoded.header()).as("decode(header only).header()").containsEntry("alg", "HS256");
            assertThat(decoded.payload()).as("decode(header only).payload()").isEmpty();
            assertThat(decoded.problems()).as("decode(header only).problems()").isNotEmpty();
        });
    }

    @Test
    @Order(4)
    @DisplayName("J2 · a payload that is not JSON is reported, the header is still decoded")
    void payloadNotJson() {
        String token = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("not json") + ".c2ln";
        about(token, "one broken part does not hide the others: decode each part on its own and name the broken one", () -> {
            DecodedToken decoded = TokenDecoder.decode(token);
            assertThat(decoded.header()).as("decode(payload not JSON).header()").containsEntry("alg", "HS256");
            assertThat(decoded.payload()).as("decode(payload not JSON).payload()").isEmpty();
            assertThat(decoded.problems()).as("decode(payload not JSON).problems() name the payload")
                    .anyMatch(p -> p.toLowerCase().contains("payload"));
        });
    }

    @ParameterizedTest(name = "decode(\"{0}\")")
    @Order(5)
    @NullAndEmptySource
    @ValueSource(strings = {"%%%.%%%.%%%", "a.b.c.d"})
    @DisplayName("J2 · empty, null and non-base64url input give problems, never an exception")
    void garbage(String token) {
        about(token, "this is not a JWS; an inspector reports that as a problem and never throws, whatever it is given", () -> {
            DecodedToken decoded = TokenDecoder.decode(token);
            assertThat(decoded.problems()).as("decode(\"%s\").problems()", token).isNotEmpty();
            assertThat(decoded.verified()).as("decode(\"%s\").verified()", token).isFalse();
        });
    }
}
