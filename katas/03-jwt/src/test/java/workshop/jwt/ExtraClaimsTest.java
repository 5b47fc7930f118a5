package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.aboutMade;
import static workshop.jwt.Fixtures.expectThrow;

import java.time.Duration;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;

@Order(11)
@DisplayName("J11 · extra claims: never a registered claim, never a secret")
class ExtraClaimsTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SecretKey key = Fixtures.hs256Key();
    private final TokenIssuer issuer = new TokenIssuer(key, Fixtures.ISSUER, Duration.ofMinutes(5), clock);

    @Test
    @Order(1)
    @DisplayName("J11 · extra claims are added, but never overwrite a registered claim or client_id")
    void extraClaims() {
        aboutMade(() -> issuer.issue("alice", Fixtures.AUDIENCE, TokenIssuerTest.CLIENT, Map.of("scope", "profile")),
                "application claims sit beside the registered ones",
                token -> assertThat(TokenIssuerTest.read(key, clock, token)).as("the claims").containsEntry("scope", "profile"));
        expectThrow(IllegalArgumentException.class, "a caller must not stretch exp (or change iss, sub, aud) through "
                + "'extra' claims: refuse a registered name", () -> issuer.issue("alice", Fixtures.AUDIENCE,
                TokenIssuerTest.CLIENT, Map.of("exp", 4102444800L)));
        expectThrow(IllegalArgumentException.class, "client_id is set by the issuer, like sub and exp (RFC 9068 2.2): an "
                + "extra claim must not overwrite it", () -> issuer.issue("alice", Fixtures.AUDIENCE, TokenIssuerTest.CLIENT,
                Map.of("client_id", "admin-console")));
    }

    @ParameterizedTest(name = "claim \"{0}\"")
    @Order(2)
    @ValueSource(strings = {"password", "Password", "userPassword", "client_secret", "api_key", "apiKey", "ssn"})
    @DisplayName("J11 · a secret-looking claim is SecretInPayload: anyone holding the token can read it")
    void refusesSecrets(String claim) {
        expectThrow(SecretInPayload.class, "issue(…, {\"" + claim + "\": \"hunter2\"}): a JWS is signed, not encrypted: "
                + "base64url is not secrecy (OWASP JWT cheat sheet, token information disclosure). Split the name into "
                + "words (at _, - and camelCase, ignoring case) and refuse password, secret, pin, ssn, api+key…",
                () -> issuer.issue("alice", Fixtures.AUDIENCE, TokenIssuerTest.CLIENT, Map.of(claim, "hunter2")));
    }

    @Test
    @Order(3)
    @DisplayName("J11 · the secret check matches whole words: shipping and className are ordinary claims")
    void innocentNamesAllowed() {
        Map<String, String> claims = Map.of("shipping", "express", "className", "premium", "spinner", "on");
        aboutMade(() -> issuer.issue("alice", Fixtures.AUDIENCE, TokenIssuerTest.CLIENT, claims),
                "'shipping' contains \"pin\", 'className' contains \"ssn\", 'spinner' contains \"pin\": match whole "
                + "words of the name (split at _ - and camelCase, ignore case), not substrings, or harmless claims are "
                + "refused",
                token -> assertThat(TokenIssuerTest.read(key, clock, token)).as("the claims").containsAllEntriesOf(claims));
    }
}
