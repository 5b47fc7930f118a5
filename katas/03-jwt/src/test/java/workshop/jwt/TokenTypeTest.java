package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.WRONG_TYPE;

import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;

@Order(14)
@DisplayName("J14 · explicit typing: only typ at+jwt is an access token")
class TokenTypeTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier() {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ZERO);
    }

    @ParameterizedTest(name = "typ \"{0}\"")
    @Order(1)
    @ValueSource(strings = {"JWT", "application/jwt", "rt+jwt", "text/at+jwt"})
    @DisplayName("J14 · a JWT of another type (an ID token, a refresh token…) is WRONG_TYPE, even signed with the right key")
    void otherType(String typ) {
        String token = Fixtures.claims(start, 300).header().type(typ).and().claim("nonce", "n-0S6_WzA2Mj").signWith(key).compact();
        rejects(WRONG_TYPE, token, "right key, right iss, right aud, not expired — and still not an access token. RFC 8725 "
                + "3.11 (explicit typing) and RFC 9068 2.1, 4: access tokens carry typ at+jwt (the media type "
                + "application/at+jwt), and an API refuses every other JWT in their place: an ID token (JWT), a refresh "
                + "token (rt+jwt here), another media type", () -> verifier().verify(token));
    }

    @Test
    @Order(2)
    @DisplayName("J14 · a token without typ is WRONG_TYPE")
    void untyped() {
        String token = Jwts.builder().issuer(Fixtures.ISSUER).subject("alice").audience().add(Fixtures.AUDIENCE).and()
                .issuedAt(Date.from(start)).expiration(Date.from(start.plusSeconds(300))).signWith(key).compact();
        rejects(WRONG_TYPE, token, "no typ at all: the API cannot tell what this token is for, so it is not an access "
                + "token (RFC 9068 4: the API MUST check typ)", () -> verifier().verify(token));
    }

    @ParameterizedTest(name = "typ \"{0}\"")
    @Order(3)
    @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+JWT"})
    @DisplayName("J14 · typ is a media type: at+jwt in any case, with or without 'application/', is accepted")
    void mediaTypeSpellings(String typ) {
        String token = Fixtures.claims(start, 300).header().type(typ).and().signWith(key).compact();
        about(token, "this IS an access token: typ is a media type (RFC 7515 4.1.9), compared ignoring case (RFC 2045 "
                + "5.1), and a typ without '/' means application/<typ>, so at+jwt, AT+JWT and application/at+jwt all "
                + "name application/at+jwt (RFC 9068 2.1). Compare the full media type, case-insensitively",
                () -> assertThat(verifier().verify(token).subject()).as("verify(token with typ %s).subject()", typ)
                        .isEqualTo("alice"));
    }
}
