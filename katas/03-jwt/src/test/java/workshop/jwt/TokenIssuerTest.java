package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.JwtInspector;
import workshop.simulator.MutableClock;

@Order(6)
@DisplayName("J6 · issuing with jjwt")
class TokenIssuerTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SecretKey key = Fixtures.hs256Key();
    private final TokenIssuer issuer = new TokenIssuer(key, Fixtures.ISSUER, Duration.ofMinutes(5), clock);

    /** The OAuth client the tokens are issued to. */
    private static final String CLIENT = "workshop-spa";

    private Claims read(String token) {
        return Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token).getPayload();
    }

    @Test
    @Order(1)
    @DisplayName("J6 · a token carries sub, iss, aud, client_id, iat, exp and jti")
    void registeredClaims() {
        String token = issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        Claims claims = read(token);
        assertThat(claims.getSubject()).as("sub: who" + Fixtures.show(token)).isEqualTo("alice");
        assertThat(claims.getIssuer()).as("iss: who issued it").isEqualTo(Fixtures.ISSUER);
        assertThat(claims.getAudience()).as("aud: which API it is for").containsExactly(Fixtures.AUDIENCE);
        assertThat(claims.getIssuedAt().toInstant()).as("iat: now, from the injected clock").isEqualTo(clock.instant());
        assertThat(claims.getExpiration().toInstant()).as("exp: now + lifetime").isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(claims.getId()).as("jti: a unique ID, so a token can be revoked or spotted when replayed").isNotBlank();
        assertThat(claims.get("client_id", String.class))
                .as("client_id: which OAuth client asked for the token; REQUIRED in a typ at+jwt token (RFC 9068 2.2)")
                .isEqualTo(CLIENT);
    }

    @Test
    @Order(2)
    @DisplayName("J6 · an access token says what it is in its header: typ at+jwt")
    void explicitType() {
        String token = issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        assertThat(JwtInspector.inspect(token).headerClaims())
                .as("RFC 9068 2.1 and RFC 8725 3.11: Jwts.builder().header().type(\"at+jwt\").and()… — so no other JWT of this "
                        + "issuer (an ID token, typ JWT) can pass as an access token" + Fixtures.show(token))
                .containsEntry("typ", TokenVerifier.ACCESS_TOKEN_TYPE);
    }

    @Test
    @Order(3)
    @DisplayName("J6 · every token gets its own jti")
    void uniqueIds() {
        String first = issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        String second = issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        assertThat(read(first).getId()).as("same subject, same second, still a different jti (use a random UUID)")
                .isNotEqualTo(read(second).getId());
    }

    @Test
    @Order(4)
    @DisplayName("J6 · extra claims are added, but can never overwrite a registered claim")
    void extraClaims() {
        assertThat(read(issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of("scope", "profile"))))
                .as("application claims sit beside the registered ones").containsEntry("scope", "profile");
        assertThat(Fixtures.thrown(() -> issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of("exp", 4102444800L))))
                .as("a caller must not stretch exp (or change iss, sub, aud) through 'extra' claims")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "claim \"{0}\"")
    @Order(5)
    @ValueSource(strings = {"password", "Password", "userPassword", "client_secret", "api_key", "apiKey", "ssn"})
    @DisplayName("J6 · secrets never go into the payload: anyone holding the token can read it")
    void refusesSecrets(String claim) {
        assertThat(Fixtures.thrown(() -> issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of(claim, "hunter2"))))
                .as("a JWS is signed, not encrypted: base64url is not secrecy (OWASP JWT cheat sheet, token information disclosure)")
                .isInstanceOf(SecretInPayload.class);
    }

    @Test
    @Order(6)
    @DisplayName("J6 · the secret check matches whole words: shipping and className are ordinary claims")
    void innocentNamesAllowed() {
        Map<String, String> claims = Map.of("shipping", "express", "className", "premium", "spinner", "on");
        assertThat(read(issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, claims)))
                .as("'shipping' contains \"pin\", 'className' contains \"ssn\", 'spinner' contains \"pin\": match whole "
                        + "words of the name (split at _ - and camelCase, ignore case), not substrings, or harmless claims are refused")
                .containsAllEntriesOf(claims);
    }

    @Test
    @Order(7)
    @DisplayName("J6 · with an RSA private key the token is RS256 and verifies with the public key")
    void rsaSigned() {
        KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        String token = new TokenIssuer(rsa.getPrivate(), Fixtures.ISSUER, Duration.ofMinutes(5), clock)
                .issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of());
        assertThat(JwtInspector.inspect(token).algorithm()).as("signWith(privateKey) picks RS256 for a 2048-bit key" + Fixtures.show(token))
                .contains("RS256");
        assertThat(Jwts.parser().verifyWith(rsa.getPublic()).clock(() -> Date.from(clock.instant())).build()
                .parseSignedClaims(token).getPayload().getSubject())
                .as("the API needs only the public key to verify").isEqualTo("alice");
    }

    @Test
    @Order(8)
    @DisplayName("J6 · no client_id, no access token; and an extra claim cannot replace it")
    void clientIdRequired() {
        assertThat(Fixtures.thrown(() -> issuer.issue("alice", Fixtures.AUDIENCE, " ", Map.of())))
                .as("RFC 9068 2.2: client_id is REQUIRED in an at+jwt token; refuse a blank one (IllegalArgumentException)")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fixtures.thrown(() -> issuer.issue("alice", Fixtures.AUDIENCE, CLIENT, Map.of("client_id", "admin-console"))))
                .as("client_id is set by the issuer, like sub and exp: an extra claim must not overwrite it")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
