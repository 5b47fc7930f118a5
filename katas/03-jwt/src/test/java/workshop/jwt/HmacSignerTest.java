package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(3)
@DisplayName("J3 · signing HS256 by hand")
class HmacSignerTest {

    @Test
    @Order(1)
    @DisplayName("J3 · the RFC 7515 A.1 signing input and key give the RFC's signature")
    void rfcSignature() {
        String signingInput = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.'));
        assertThat(HmacSigner.sign(signingInput, Fixtures.RFC_KEY))
                .as("RFC 7515 A.1.1: HMAC-SHA-256 over the ASCII bytes of 'header.payload', then base64url")
                .isEqualTo(Fixtures.RFC_SIGNATURE);
    }

    @Test
    @Order(2)
    @DisplayName("J3 · the RFC's exact header and payload bytes (with CRLF) give the RFC's whole token")
    void rfcCompactToken() {
        String token = HmacSigner.compact(Fixtures.RFC_HEADER.getBytes(StandardCharsets.UTF_8),
                Fixtures.RFC_PAYLOAD.getBytes(StandardCharsets.UTF_8), Fixtures.RFC_KEY);
        assertThat(token)
                .as("the signature covers the exact bytes: re-serialising the JSON (no CRLF) would give another token")
                .isEqualTo(Fixtures.RFC_TOKEN);
    }

    @Test
    @Order(3)
    @DisplayName("J3 · one changed payload byte gives a completely different signature")
    void payloadChangeChangesSignature() {
        String a = HmacSigner.sign("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9", Fixtures.RFC_KEY);
        String b = HmacSigner.sign("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZiJ9", Fixtures.RFC_KEY);
        assertThat(a).as("the signature protects integrity: no edit goes unnoticed").isNotEqualTo(b).hasSize(43);
    }
}
