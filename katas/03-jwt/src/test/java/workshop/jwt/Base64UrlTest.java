package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Order(1)
@DisplayName("J1 · base64url")
class Base64UrlTest {

    @Test
    @Order(1)
    @DisplayName("J1 · the RFC 7515 header encodes to its first part, without '=' padding")
    void encodesWithoutPadding() {
        explained("RFC 7515 section 2: base64url with all trailing '=' omitted; the header bytes include CRLF",
                () -> assertThat(Base64Url.encode(Fixtures.RFC_HEADER.getBytes(StandardCharsets.UTF_8)))
                        .as("Base64Url.encode(the RFC header's bytes)")
                        .isEqualTo("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"));
    }

    @Test
    @Order(2)
    @DisplayName("J1 · '-' and '_' replace '+' and '/' so a token fits in a URL")
    void urlSafeAlphabet() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        explained("bytes fb ff bf are '+/+/' in base64 and '-_-_' in base64url (RFC 4648 section 5)",
                () -> assertThat(Base64Url.encode(bytes)).as("Base64Url.encode(fb ff bf)").isEqualTo("-_-_"));
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
            int length = n;
            explained("lengths 1 and 2 mod 3 end without padding: 2 or 3 characters carry the last 1 or 2 bytes",
                    () -> assertThat(Base64Url.decode(Base64Url.encode(bytes)))
                            .as("decode(encode(%d bytes))", length).isEqualTo(bytes));
        }
    }

    @ParameterizedTest(name = "decode(\"{0}\")")
    @Order(4)
    @ValueSource(strings = {"eyJ9=", "ab+c", "ab/c", "a b"})
    @DisplayName("J1 · padding and the base64 characters '+' and '/' are refused as MALFORMED")
    void refusesBase64(String text) {
        Fixtures.rejectsWithContext(TokenRejected.Reason.MALFORMED, "input: \"" + text + "\"",
                "not unpadded base64url (A-Z a-z 0-9 - _ only, RFC 7515 2). The JDK's URL decoder accepts '=' padding: "
                        + "check the characters yourself, so two spellings never mean one token",
                () -> Base64Url.decode(text));
    }

    @Test
    @Order(5)
    @DisplayName("J1 · a non-canonical spelling (non-zero unused bits) is refused as MALFORMED")
    void refusesNonCanonical() {
        explained("'QQ' is the one spelling of the byte 'A' (0x41)",
                () -> assertThat(Base64Url.decode("QQ")).as("Base64Url.decode(\"QQ\")").isEqualTo(new byte[] {0x41}));
        Fixtures.rejectsWithContext(TokenRejected.Reason.MALFORMED, "input: \"QR\"",
                "'QR' differs from 'QQ' only in the 4 unused low bits of its last character; the JDK decoder ignores them "
                        + "and returns 'A' again. Re-encode what you decoded and compare with the input (RFC 4648 3.5): "
                        + "otherwise every signature has several spellings that all verify",
                () -> Base64Url.decode("QR"));
    }
}
