package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.COMPRESSED;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(7)
@DisplayName("J7 · refuse before parsing")
class TokenPrecheckTest {

    /** A correctly signed token whose payload inflates from about a kilobyte to a megabyte. */
    static String signedZipBomb() {
        return Jwts.builder().subject("alice").claim("pad", "0".repeat(1_000_000))
                .compressWith(Jwts.ZIP.DEF).signWith(Fixtures.hs256Key()).compact();
    }

    @Test
    @Order(1)
    @DisplayName("J7 · a token over the limit is TOO_LARGE before anything is decoded")
    void tooLarge() {
        String huge = "x".repeat(20_000);
        assertRejected(() -> TokenPrecheck.check(huge, 8192), TOO_LARGE, huge.substring(0, 20),
                "check the length first: 20,000 chars of garbage must cost nothing to refuse (not MALFORMED after decoding)");
    }

    @Test
    @Order(2)
    @DisplayName("J7 · a compressed (zip) token is COMPRESSED and never inflated")
    void compressed() {
        String bomb = signedZipBomb();
        assertThat(bomb.length()).as("the bomb is small on the wire").isLessThan(8192);
        assertRejected(() -> TokenPrecheck.check(bomb, 8192), COMPRESSED, bomb,
                "RFC 7516 4.1.3 defines 'zip' for JWE only, so a JWS never needs it: refuse it from the header alone. "
                        + "Inflating first is a decompression bomb: a 1 KB token costs you 1 MB (or 1 GB)");
    }

    @Test
    @Order(3)
    @DisplayName("J7 · a normal token passes and its header is returned; a non-token is MALFORMED")
    void normalAndMalformed() {
        String token = Jwts.builder().subject("alice").signWith(Fixtures.hs256Key()).compact();
        assertThat(TokenPrecheck.check(token, 8192)).as("the header, decoded once, for the verifier" + Fixtures.show(token))
                .containsEntry("alg", "HS256");
        for (String bad : new String[] {"", "only.two", Fixtures.b64("[1]") + ".e30.c2ln"}) {
            assertRejected(() -> TokenPrecheck.check(bad, 8192), MALFORMED, bad,
                    "three base64url parts, the first a JSON object, or nothing");
        }
    }
}
