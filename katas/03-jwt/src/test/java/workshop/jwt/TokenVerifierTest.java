package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.WRONG_AUDIENCE;
import static workshop.jwt.TokenRejected.Reason.WRONG_ISSUER;

import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(12)
@DisplayName("J12 · verifying with jjwt: iss, aud and exp required, every failure a typed reason")
class TokenVerifierTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier() {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ZERO);
    }

    @Test
    @Order(1)
    @DisplayName("J12 · a good token gives its subject, issuer, audience, expiry and id")
    void goodToken() {
        String token = Fixtures.claims(start, 300).signWith(key).compact();
        about(token, "build the parser once: Jwts.parser().verifyWith(key).requireIssuer(…).requireAudience(…)"
                + ".clock(…).build(); parseSignedClaims(token) gives the claims of a token that passed every check", () -> {
                    VerifiedToken verified = verifier().verify(token);
                    assertThat(verified.subject()).as("verify(token).subject()").isEqualTo("alice");
                    assertThat(verified.issuer()).as("verify(token).issuer()").isEqualTo(Fixtures.ISSUER);
                    assertThat(verified.audience()).as("verify(token).audience()").containsExactly(Fixtures.AUDIENCE);
                    assertThat(verified.expiresAt()).as("verify(token).expiresAt()").isEqualTo(start.plusSeconds(300));
                    assertThat(verified.id()).as("verify(token).id()").isNotBlank();
                });
    }

    @Test
    @Order(2)
    @DisplayName("J12 · a wrong or missing iss is WRONG_ISSUER")
    void wrongIssuer() {
        String other = Fixtures.claims(start, 300).issuer("https://evil.example").signWith(key).compact();
        rejects(WRONG_ISSUER, other, "RFC 7519 4.1.1 and RFC 9068 4: only our auth server's tokens (requireIssuer); map "
                + "jjwt's InvalidClaimException for iss to WRONG_ISSUER", () -> verifier().verify(other));
        String missing = Fixtures.claims(start, 300).issuer(null).signWith(key).compact();
        rejects(WRONG_ISSUER, missing, "a missing iss is not 'any issuer': requireIssuer refuses it too",
                () -> verifier().verify(missing));
    }

    @Test
    @Order(3)
    @DisplayName("J12 · a token for another API, or for no API, is WRONG_AUDIENCE")
    void wrongAudience() {
        String other = Fixtures.claims(start, 300).audience().clear().add("billing-api").and().signWith(key).compact();
        rejects(WRONG_AUDIENCE, other, "RFC 7519 4.1.3: a token meant for billing-api must not open workshop-api "
                + "(requireAudience); map jjwt's InvalidClaimException for aud to WRONG_AUDIENCE", () -> verifier().verify(other));
        String none = Fixtures.claims(start, 300).audience().clear().and().signWith(key).compact();
        rejects(WRONG_AUDIENCE, none, "a missing aud is not 'any audience': a token for every API would open this one too "
                + "(RFC 9068 4: aud MUST contain this API). requireAudience refuses both", () -> verifier().verify(none));
    }

    @Test
    @Order(4)
    @DisplayName("J12 · a token signed with another key is BAD_SIGNATURE; garbage is MALFORMED")
    void badSignatureAndGarbage() {
        String forged = Fixtures.claims(start, 300).signWith(Fixtures.hs256Key()).compact();
        rejects(BAD_SIGNATURE, forged, "same claims, another key: map jjwt's SignatureException "
                + "(io.jsonwebtoken.security.SecurityException) to BAD_SIGNATURE", () -> verifier().verify(forged));
        rejects(MALFORMED, "not-a-token", "never let a raw JwtException (MalformedJwtException…) escape: every failure is "
                + "a TokenRejected with a reason", () -> verifier().verify("not-a-token"));
    }

    @Test
    @Order(5)
    @DisplayName("J12 · a token without exp is MALFORMED, even correctly signed")
    void noExp() {
        String noExp = Fixtures.claims(start, 300).expiration(null).signWith(key).compact();
        rejects(MALFORMED, noExp, "jjwt accepts a token without exp: it never expires, and a stolen copy works forever. "
                + "RFC 9068 2.2 makes exp REQUIRED in an access token: check that it is there yourself",
                () -> verifier().verify(noExp));
    }
}
