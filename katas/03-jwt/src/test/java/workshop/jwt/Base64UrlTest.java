package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(1)
@DisplayName("J1 · base64url")
class Base64UrlTest {

    @Test
    @Order(1)
    @DisplayName("J1 · the RFC 7515 header encodes to its first part, without '=' padding")
    void encodesWithoutPadding() {
        assertThat(Base64Url.encode(Fixtures.RFC_HEADER.getBytes(StandardCharsets.UTF_8)))
                .as("RFC 7515 section 2: base64url with all trailing '=' omitted; the header bytes include CRLF")
                .isEqualTo("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9")
                .doesNotContain("=");
    }

    @Test
    @Order(2)
    @DisplayName("J1 · '-' and '_' replace '+' and '/' so a token fits in a URL")
    void urlSafeAlphabet() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        assertThat(Base64Url.encode(bytes))
                .as("bytes fb ff bf are '+/+/' in base64 and '-_-_' in base64url (RFC 4648 section 5)")
                .isEqualTo("-_-_");
    }

    @Test
    @Order(3)
    @DisplayName("J1 · decoding reverses encoding for every length")
    void roundTrip() {
        for (int n = 0; n < 10; n++) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) (i * 37 + 250);
            }
            assertThat(Base64Url.decode(Base64Url.encode(bytes)))
                    .as("a round trip of %d bytes: lengths 1 and 2 mod 3 end without padding", n)
                    .isEqualTo(bytes);
        }
    }

    @Test
    @Order(4)
    @DisplayName("J1 · padding and the base64 characters '+' and '/' are refused as MALFORMED")
    void refusesBase64() {
        for (String text : new String[] {"eyJ9=", "ab+c", "ab/c", "a b"}) {
            assertThat(Fixtures.thrown(() -> Base64Url.decode(text)))
                    .as("'%s' is not unpadded base64url: a strict decoder refuses it, so two spellings never mean one token", text)
                    .isInstanceOf(TokenRejected.class)
                    .extracting(e -> ((TokenRejected) e).reason()).isEqualTo(TokenRejected.Reason.MALFORMED);
        }
    }

    @Test
    @Order(5)
    @DisplayName("J1 · a non-canonical spelling (non-zero unused bits) is refused as MALFORMED")
    void refusesNonCanonical() {
        assertThat(Base64Url.decode("QQ")).as("'QQ' is the one spelling of the byte 'A' (0x41)").isEqualTo(new byte[] {0x41});
        assertThat(Fixtures.thrown(() -> Base64Url.decode("QR")))
                .as("'QR' differs from 'QQ' only in the 4 unused low bits of its last character; the JDK decoder ignores them "
                        + "and returns 'A' again. Re-encode what you decoded and compare with the input (RFC 4648 3.5): "
                        + "otherwise every signature has several spellings that all verify")
                .isInstanceOf(TokenRejected.class)
                .extracting(e -> ((TokenRejected) e).reason()).isEqualTo(TokenRejected.Reason.MALFORMED);
    }
}
