package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.expectThrow;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.EXPIRED;
import static workshop.jwt.TokenRejected.Reason.NOT_YET_VALID;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(15)
@DisplayName("J15 · expiry to the second, with a small clock skew")
class ExpiryTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier(Duration skew) {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, skew);
    }

    private String token(long lifetimeSeconds) {
        return Fixtures.claims(start, lifetimeSeconds).signWith(key).compact();
    }

    @Test
    @Order(1)
    @DisplayName("J15 · a token past exp (plus skew) is EXPIRED")
    void expired() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(300 + 61));
        rejects(EXPIRED, token, "now (" + clock.instant() + ", the injected clock) is 61 s past exp, more than the 60 s "
                + "skew: map jjwt's ExpiredJwtException to EXPIRED (RFC 7519 4.1.4)",
                () -> verifier(Duration.ofSeconds(60)).verify(token));
    }

    @Test
    @Order(2)
    @DisplayName("J15 · a token 30 s past exp is accepted with a 60 s skew")
    void withinSkew() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(330));
        about(token, "now is " + clock.instant() + ", 30 s past exp: clockSkewSeconds(60) tolerates small clock "
                + "differences between issuer and API, and your own exp check must allow the same skew",
                () -> assertThat(verifier(Duration.ofSeconds(60)).verify(token).subject())
                        .as("verify(token 30 s past exp, skew 60 s).subject()").isEqualTo("alice"));
    }

    @Test
    @Order(3)
    @DisplayName("J15 · with zero skew, a token whose exp equals now is already EXPIRED")
    void expEqualsNow() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(300));
        rejects(EXPIRED, token, "now is " + clock.instant() + ", exactly exp. RFC 7519 4.1.4: the current time MUST be "
                + "before exp. jjwt 0.13 accepts exp == now (to the millisecond), so add your own check after parsing: "
                + "!now.isBefore(exp.plus(skew)) → EXPIRED", () -> verifier(Duration.ZERO).verify(token));
    }

    @Test
    @Order(4)
    @DisplayName("J15 · a token before nbf (minus skew) is NOT_YET_VALID")
    void notYetValid() {
        String token = Fixtures.claims(start, 600).notBefore(Date.from(start.plusSeconds(120))).signWith(key).compact();
        rejects(NOT_YET_VALID, token, "RFC 7519 4.1.5: nbf is 2 minutes ahead of now (" + clock.instant() + "), more "
                + "than the 30 s skew: map jjwt's PrematureJwtException to NOT_YET_VALID",
                () -> verifier(Duration.ofSeconds(30)).verify(token));
    }

    @Test
    @Order(5)
    @DisplayName("J15 · a clock skew outside 0…60 seconds is IllegalArgumentException when the verifier is built")
    void skewLimit() {
        expectThrow(IllegalArgumentException.class, "a 5-minute skew silently lengthens every token's life, a stolen "
                + "one's too: keep it to seconds, at most TokenVerifier.MAX_SKEW (60 s, kit policy; RFC 7519 4.1.4 allows "
                + "\"a few minutes\")", () -> verifier(Duration.ofMinutes(5)));
        expectThrow(IllegalArgumentException.class, "a negative skew makes no sense: refuse it too",
                () -> verifier(Duration.ofSeconds(-1)));
    }
}
