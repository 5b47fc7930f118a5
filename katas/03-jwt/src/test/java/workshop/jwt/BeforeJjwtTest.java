package workshop.jwt;

import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.COMPRESSED;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;

import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.simulator.MutableClock;

@Order(13)
@DisplayName("J13 · before jjwt: the precheck and the allow-list")
class BeforeJjwtTest {

    static final Instant START = MutableClock.atWorkshopStart().instant();
    static final SecretKey KEY = Fixtures.hs256Key();

    private static TokenVerifier verifier() {
        return TokenVerifier.hmac(KEY, Fixtures.ISSUER, Fixtures.AUDIENCE, MutableClock.atWorkshopStart(), Duration.ZERO);
    }

    @Test
    @Order(1)
    @DisplayName("J13 · an unsigned (alg none) token or another HMAC size is ALGORITHM_NOT_ALLOWED")
    void algorithmAllowList() {
        String unsigned = Fixtures.claims(START, 300).compact();
        rejects(ALGORITHM_NOT_ALLOWED, unsigned, "RFC 8725 3.1: an unsecured JWT is never accepted by an API. Check alg "
                + "against the allow-list yourself, before parseSignedClaims (jjwt would say UnsupportedJwtException)",
                () -> verifier().verify(unsigned));
        String hs384 = Fixtures.claims(START, 300).signWith(Jwts.SIG.HS384.key().build()).compact();
        rejects(ALGORITHM_NOT_ALLOWED, hs384, "the allow-list is the algorithm of YOUR key, as jjwt's signWith(key) picks "
                + "it (HS256 for a 256-bit key): one algorithm per key, as in J7", () -> verifier().verify(hs384));
    }

    static Stream<Arguments> jjwtAloneGetsWrong() {
        String rightKey = "correctly signed with the verifier's key";
        return Stream.of(
                Arguments.of("a zip bomb, " + rightKey, Fixtures.claims(START, 300).claim("pad", "0".repeat(1_000_000))
                        .compressWith(Jwts.ZIP.DEF).signWith(KEY).compact(), COMPRESSED),
                Arguments.of("10,000 characters, " + rightKey,
                        Fixtures.claims(START, 300).claim("pad", "x".repeat(10_000)).signWith(KEY).compact(), TOO_LARGE),
                Arguments.of("crit [], " + rightKey, Fixtures.hs256(KEY.getEncoded(),
                        "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[]}", Fixtures.payload(START, "")), MALFORMED),
                Arguments.of("the signature respelled in its unused bits",
                        Fixtures.respelled(Fixtures.claims(START, 300).signWith(KEY).compact()), MALFORMED));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @Order(2)
    @MethodSource("jjwtAloneGetsWrong")
    @DisplayName("J13 · TokenPrecheck (J4, J5) runs before jjwt, which would inflate, parse or accept these")
    void precheckFirst(String name, String token, TokenRejected.Reason reason) {
        rejects(reason, token, "not a new rule: TokenPrecheck.check(token, MAX_TOKEN_CHARS) already refuses this token "
                + "(J4, J5). jjwt alone inflates a signed zip bomb, parses any size, accepts \"crit\":[] and every spelling "
                + "of a signature: call the precheck first in verify, then the allow-list, then parseSignedClaims",
                () -> verifier().verify(token));
    }
}
