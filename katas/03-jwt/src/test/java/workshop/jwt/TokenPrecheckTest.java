package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.COMPRESSED;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;

import io.jsonwebtoken.Jwts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Order(4)
@DisplayName("J4 · refuse before parsing: size, shape, one spelling, no zip")
class TokenPrecheckTest {

    @Test
    @Order(1)
    @DisplayName("J4 · a token over the limit is TOO_LARGE before anything is decoded")
    void tooLarge() {
        String huge = "x".repeat(20_000);
        rejects(TOO_LARGE, huge, "check the length first: 20,000 characters of garbage must cost nothing to refuse "
                + "(not MALFORMED after decoding); every later step costs the server, not the sender",
                () -> TokenPrecheck.check(huge, 8192));
    }

    @Test
    @Order(2)
    @DisplayName("J4 · a well-formed token passes, and its header comes back decoded")
    void normalToken() {
        String token = Jwts.builder().subject("alice").signWith(Fixtures.hs256Key()).compact();
        about(token, "the precheck decodes the header once, for the verifier that runs next",
                () -> assertThat(TokenPrecheck.check(token, 8192)).as("TokenPrecheck.check(token, 8192)")
                        .containsEntry("alg", "HS256"));
    }

    static Stream<Arguments> badShapes() {
        String rfcSigningInput = Fixtures.RFC_TOKEN.substring(0, Fixtures.RFC_TOKEN.lastIndexOf('.'));
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("one part", "not-a-token"),
                Arguments.of("two parts: the signature stripped", rfcSigningInput),
                Arguments.of("four parts", Fixtures.RFC_TOKEN + ".c2ln"),
                Arguments.of("a header that is a JSON array", Fixtures.b64("[1]") + ".e30.c2ln"),
                Arguments.of("a header that is not JSON", Fixtures.b64("alg=HS256") + ".e30.c2ln"));
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @MethodSource("badShapes")
    @DisplayName("J4 · anything but three parts with a JSON-object header is MALFORMED")
    void badShape(String name, String token) {
        rejects(MALFORMED, token, "a compact JWS is exactly three base64url parts, header.payload.signature, and its "
                + "header is a JSON object (RFC 7515 7.1): count the dots, then decode the header only",
                () -> TokenPrecheck.check(token, 8192));
    }

    @Test
    @Order(4)
    @DisplayName("J4 · a signature respelled in its unused bits is MALFORMED: one token, one spelling")
    void respelledSignature() {
        String respelled = Fixtures.respelled(Fixtures.RFC_TOKEN);
        rejects(MALFORMED, respelled, "the last character of a 43-character signature carries 2 unused bits: 'k' and 'l' "
                + "decode to the same 32 bytes with a lenient decoder (the JDK's, jjwt's), so one token would have four "
                + "spellings, and a deny-list or a replay check keyed on the token text misses three. The signature is the "
                + "one part no signature covers: decode it with your strict Base64Url (J1), which refuses the respelling",
                () -> TokenPrecheck.check(respelled, 8192));
    }

    @Test
    @Order(5)
    @DisplayName("J4 · a compressed (zip) token is COMPRESSED and never inflated")
    void compressed() {
        String bomb = Jwts.builder().subject("alice").claim("pad", "0".repeat(1_000_000))
                .compressWith(Jwts.ZIP.DEF).signWith(Fixtures.hs256Key()).compact();
        about(bomb, "the bomb is small on the wire",
                () -> assertThat(bomb.length()).as("the zip bomb's length").isLessThan(8192));
        rejects(COMPRESSED, bomb, "RFC 7516 4.1.3 defines 'zip' for JWE only, so a JWS never needs it (refusing it is kit "
                + "policy): refuse it from the header alone. Inflating first is a decompression bomb: this 1 KB token "
                + "inflates to 1 MB (or 1 GB)", () -> TokenPrecheck.check(bomb, 8192));
    }
}
