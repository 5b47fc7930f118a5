package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.aboutMade;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.JwtInspector;
import workshop.simulator.MutableClock;

@Order(10)
@DisplayName("J10 · issuing an access token with jjwt")
class TokenIssuerTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SecretKey key = Fixtures.hs256Key();
    private final TokenIssuer issuer = new TokenIssuer(key, Fixtures.ISSUER, Duration.ofMinutes(5), clock);

    /** The OAuth client the tokens are issued to. */
    static final String CLIENT = "workshop-spa";

    /** The claims of a token this test's key signed, read by jjwt (independent of your verifier). */
    static Claims read(SecretKey key, java.time.Clock clock, String token) {
        return Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token).getPayload();
    }

    @Test
    @Order(1)
    @DisplayName("J10 · a token carries sub, iss, aud, client_id, iat, exp and jti")
    void registeredClaims() {
        aboutMade(() -> issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of()), "RFC 7519 4.1 and RFC 9068 2.2: sub "
                + "(who), iss (who issued it), aud (which API), client_id (which OAuth client asked), iat and exp (now and "
                + "now + lifetime, from the injected clock), jti (a unique ID, so a token can be revoked or spotted when "
                + "replayed)", token -> {
                    Claims claims = read(key, clock, token);
                    assertThat(claims.getSubject()).as("sub").isEqualTo("alice");
                    assertThat(claims.getIssuer()).as("iss").isEqualTo(Fixtures.ISSUER);
                    assertThat(claims.getAudience()).as("aud").containsExactly(Fixtures.AUDIENCE);
                    assertThat(claims.getIssuedAt().toInstant()).as("iat").isEqualTo(clock.instant());
                    assertThat(claims.getExpiration().toInstant()).as("exp").isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
                    assertThat(claims.getId()).as("jti").isNotBlank();
                    assertThat(claims.get("client_id", String.class)).as("client_id").isEqualTo(CLIENT);
                });
    }

    @Test
    @Order(2)
    @DisplayName("J10 · an access token says what it is in its header: typ at+jwt")
    void explicitType() {
        aboutMade(() -> issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of()), "RFC 9068 2.1 and RFC 8725 3.11: "
                + "Jwts.builder().header().type(\"at+jwt\").and()… — so no other JWT of this issuer (an ID token, typ JWT) "
                + "can pass as an access token",
                token -> assertThat(JwtInspector.inspect(token).headerClaims()).as("the header")
                        .containsEntry("typ", TokenVerifier.ACCESS_TOKEN_TYPE));
    }

    @Test
    @Order(3)
    @DisplayName("J10 · every token gets its own jti")
    void uniqueIds() {
        String[] first = {null};
        aboutMade(() -> {
            first[0] = issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
            return issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        }, "same subject, same second, still a different jti: use a random UUID, never a counter or the time",
                second -> assertThat(read(key, clock, second).getId()).as("the second token's jti, compared with the first's")
                        .isNotEqualTo(read(key, clock, first[0]).getId()));
    }

    @Test
    @Order(4)
    @DisplayName("J10 · with an RSA private key the token is RS256 and verifies with the public key")
    void rsaSigned() {
        KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        aboutMade(() -> new TokenIssuer(rsa.getPrivate(), Fixtures.ISSUER, Duration.ofMinutes(5), clock)
                        .issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of()),
                "signWith(privateKey) picks RS256 for a 2048-bit RSA key; the API needs only the public key to verify",
                token -> {
                    assertThat(JwtInspector.inspect(token).algorithm()).as("alg").contains("RS256");
                    assertThat(Jwts.parser().verifyWith(rsa.getPublic()).clock(() -> Date.from(clock.instant())).build()
                            .parseSignedClaims(token).getPayload().getSubject()).as("sub, verified with the public key")
                            .isEqualTo("alice");
                });
    }

    @Test
    @Order(5)
    @DisplayName("J10 · no client_id, no access token: a blank one is IllegalArgumentException")
    void clientIdRequired() {
        Fixtures.expectThrow(IllegalArgumentException.class, "RFC 9068 2.2: client_id is REQUIRED in an at+jwt token; "
                + "refuse a blank one before signing anything", () -> issuer.issue("alice", Fixtures.AUDIENCE, " ", Map.of()));
    }
}
