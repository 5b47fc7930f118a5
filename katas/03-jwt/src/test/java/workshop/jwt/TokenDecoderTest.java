package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(2)
@DisplayName("J2 · decoding is not verifying")
class TokenDecoderTest {

    @Test
    @Order(1)
    @DisplayName("J2 · the header and payload of the RFC 7515 token are plain JSON anyone can read")
    void decodesHeaderAndPayload() {
        DecodedToken decoded = TokenDecoder.decode(Fixtures.RFC_TOKEN);
        assertThat(decoded.header()).as("the header is base64url JSON, not encrypted" + Fixtures.show(Fixtures.RFC_TOKEN))
                .containsEntry("alg", "HS256").containsEntry("typ", "JWT");
        assertThat(decoded.payload()).as("the payload is readable by anyone who holds the token: never put secrets in it")
                .containsEntry("iss", "joe").containsEntry("exp", 1300819380).containsEntry("http://example.com/is_root", true);
        assertThat(decoded.signature()).isEqualTo(Fixtures.RFC_SIGNATURE);
        assertThat(decoded.problems()).as("a well-formed token has no problems").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("J2 · a decoded token says loudly that it is NOT verified, even when its signature is garbage")
    void saysNotVerified() {
        String forged = Fixtures.token("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\"}", "forged");
        DecodedToken decoded = TokenDecoder.decode(forged);
        assertThat(decoded.payload()).as("decoding reads a forged payload just as happily" + Fixtures.show(forged))
                .containsEntry("sub", "admin");
        assertThat(decoded.verified()).as("decoding never checks the signature").isFalse();
        assertThat(decoded.toString()).as("whoever prints it must see that it is unverified").contains("UNVERIFIED");
    }

    @Test
    @Order(3)
    @DisplayName("J2 · a header-only token decodes its header and reports the missing parts")
    void partialToken() {
        String partial = Fixtures.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        DecodedToken decoded = TokenDecoder.decode(partial);
        assertThat(decoded.header()).as("decode as far as possible, like an inspector" + Fixtures.show(partial))
                .containsEntry("alg", "HS256");
        assertThat(decoded.payload()).isEmpty();
        assertThat(decoded.problems()).as("say what is wrong instead of throwing").isNotEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("J2 · a payload that is not JSON is reported, the header is still decoded")
    void payloadNotJson() {
        String token = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("not json") + ".c2ln";
        DecodedToken decoded = TokenDecoder.decode(token);
        assertThat(decoded.header()).as(Fixtures.show(token)).containsEntry("alg", "HS256");
        assertThat(decoded.payload()).isEmpty();
        assertThat(decoded.problems()).anyMatch(p -> p.toLowerCase().contains("payload"));
    }

    @Test
    @Order(5)
    @DisplayName("J2 · empty, null and non-base64url input give problems, never an exception")
    void garbage() {
        for (String token : new String[] {"", null, "%%%.%%%.%%%", "a.b.c.d"}) {
            DecodedToken decoded = TokenDecoder.decode(token);
            assertThat(decoded.problems()).as("'%s' is not a JWS: an inspector reports it", token).isNotEmpty();
            assertThat(decoded.verified()).isFalse();
        }
    }
}
