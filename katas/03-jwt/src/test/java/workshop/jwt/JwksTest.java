package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import io.jsonwebtoken.Jwts;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(18)
@DisplayName("J18 · public keys from the JWKS, chosen by kid")
class JwksTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final SimulatorExtension auth = SimulatorExtension.of(TokenServer::start, clock);

    private TokenServer server;

    @BeforeEach
    void fresh() {
        clock.set(MutableClock.atWorkshopStart().instant()); // every test starts at the same time, whatever ran before
        server = TokenServer.of(auth.server());
    }

    /** A verifier with a fresh key cache, built inside each check so a starter's "not yet" names its step. */
    private TokenVerifier verifier() {
        JwksKeys keys = new JwksKeys(auth.uri("/.well-known/jwks.json"), http, clock, Duration.ofSeconds(30));
        return TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0}")
    @Order(1)
    @ValueSource(strings = {"RS256", "ES256"})
    @DisplayName("J18 · RS256 and ES256 tokens verify with the public key chosen by kid")
    void verifiesByKid(String alg) {
        String token = server.issueAccessToken("alice", alg);
        about(token, "the auth server signs with its private key; the API needs only the public key, from "
                + auth.uri("/.well-known/jwks.json") + ", picked by the header's kid (Jwks.setParser() reads the set; "
                + "a keyLocator gives jjwt the key)",
                () -> assertThat(verifier().verify(token).subject()).as("verify(%s token).subject()", alg).isEqualTo("alice"));
    }

    @Test
    @Order(2)
    @DisplayName("J18 · a kid that is not published is UNKNOWN_KEY")
    void unknownKid() {
        KeyPair rogue = Jwts.SIG.RS256.keyPair().build();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId("rogue-1").and().signWith(rogue.getPrivate()).compact();
        rejects(UNKNOWN_KEY, token, "no published key has this kid, so there is nothing to verify with: JwksKeys.keyFor "
                + "throws TokenRejected(UNKNOWN_KEY), and the key locator lets it through to the caller",
                () -> verifier().verify(token));
    }

    @Test
    @Order(3)
    @DisplayName("J18 · a known kid on a token signed by another key is BAD_SIGNATURE")
    void knownKidOtherKey() {
        KeyPair rogue = Jwts.SIG.RS256.keyPair().build();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId(server.currentKid("RS256")).and()
                .signWith(rogue.getPrivate()).compact();
        rejects(BAD_SIGNATURE, token, "the kid only chooses a key; the signature must still match that key",
                () -> verifier().verify(token));
    }
}
