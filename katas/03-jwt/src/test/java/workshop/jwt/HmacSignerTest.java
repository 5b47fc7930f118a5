package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.explained;

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
        about(Fixtures.RFC_TOKEN, "RFC 7515 A.1.1: HMAC-SHA-256 over the ASCII bytes of 'header.payload' (the first two "
                + "parts as they are), then base64url without padding",
                () -> assertThat(HmacSigner.sign(signingInput, Fixtures.RFC_KEY))
                        .as("HmacSigner.sign(RFC signing input, RFC key)").isEqualTo(Fixtures.RFC_SIGNATURE));
    }

    @Test
    @Order(2)
    @DisplayName("J3 · the RFC's exact header and payload bytes (with CRLF) give the RFC's whole token")
    void rfcCompactToken() {
        about(Fixtures.RFC_TOKEN, "the signature covers the exact bytes: encode the bytes you are given; re-serialising "
                + "the JSON (dropping the CRLF) would give another, equally valid token",
                () -> assertThat(HmacSigner.compact(Fixtures.RFC_HEADER.getBytes(StandardCharsets.UTF_8),
                        Fixtures.RFC_PAYLOAD.getBytes(StandardCharsets.UTF_8), Fixtures.RFC_KEY))
                        .as("HmacSigner.compact(RFC header, RFC payload, RFC key)").isEqualTo(Fixtures.RFC_TOKEN));
    }

    @Test
    @Order(3)
    @DisplayName("J3 · one changed payload byte gives a completely different signature")
    void payloadChangeChangesSignature() {
        explained("the signature protects integrity: no edit goes unnoticed, and a 32-byte HMAC is 43 base64url characters",
                () -> {
                    String a = HmacSigner.sign("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9", Fixtures.RFC_KEY);
                    String b = HmacSigner.sign("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZiJ9", Fixtures.RFC_KEY);
                    assertThat(a).as("sign(…alice…) compared with sign(…alicf…)").isNotEqualTo(b).hasSize(43);
                });
    }
}
