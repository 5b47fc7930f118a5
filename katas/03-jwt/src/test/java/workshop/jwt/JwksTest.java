package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import io.jsonwebtoken.Jwts;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(9)
@DisplayName("J9 · asymmetric keys from a JWKS")
class JwksTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final SimulatorExtension auth = SimulatorExtension.of(TokenServer::start, clock);

    private TokenServer server;
    private JwksKeys keys;
    private TokenVerifier verifier;

    @BeforeEach
    void freshCache() {
        server = TokenServer.of(auth.server());
        keys = new JwksKeys(auth.uri("/.well-known/jwks.json"), http, clock, Duration.ofSeconds(30));
        verifier = TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
    }

    private String fetches(int before) {
        return " (the JWKS was fetched " + (server.jwksFetches() - before) + " time(s) in this test)";
    }

    @Test
    @Order(1)
    @DisplayName("J9 · RS256 and ES256 tokens verify with the public key chosen by kid")
    void verifiesByKid() {
        for (String alg : TokenServer.ASYMMETRIC) {
            String token = server.issueAccessToken("alice", alg);
            assertThat(verifier.verify(token).subject())
                    .as("the auth server signs with its private key; the API needs only the public key from "
                            + "/.well-known/jwks.json, picked by the header's kid" + Fixtures.show(token))
                    .isEqualTo("alice");
        }
    }

    @Test
    @Order(2)
    @DisplayName("J9 · the JWKS is fetched once for many tokens, not once per token")
    void cachedOncePerKey() {
        int before = server.jwksFetches();
        for (int i = 0; i < 20; i++) {
            verifier.verify(server.issueAccessToken("alice", "RS256"));
        }
        assertThat(server.jwksFetches() - before)
                .as("cache the keys by kid: one HTTP call per token would make the auth server a bottleneck" + fetches(before))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    @DisplayName("J9 · after key rotation the new kid is found with exactly one refetch")
    void rotation() {
        int before = server.jwksFetches();
        verifier.verify(server.issueAccessToken("alice", "ES256"));
        server.rotateSigningKey("ES256");
        clock.advance(Duration.ofSeconds(31));
        String rotated = server.issueAccessToken("alice", "ES256");
        assertThat(verifier.verify(rotated).subject()).as("an unknown kid may mean the issuer rotated its keys: refetch once"
                + Fixtures.show(rotated)).isEqualTo("alice");
        assertThat(server.jwksFetches() - before).as("one fetch at the start, one for the new kid" + fetches(before)).isEqualTo(2);
    }

    @Test
    @Order(4)
    @DisplayName("J9 · an unknown kid is UNKNOWN_KEY, and refetching is rate-limited")
    void unknownKidRateLimited() {
        int before = server.jwksFetches();
        verifier.verify(server.issueAccessToken("alice", "RS256"));
        clock.advance(Duration.ofSeconds(31));
        KeyPair rogue = Jwts.SIG.RS256.keyPair().build();
        for (int i = 0; i < 5; i++) {
            String token = Fixtures.claims(clock.instant(), 300).header().keyId("rogue-" + i).and().signWith(rogue.getPrivate()).compact();
            assertRejected(() -> verifier.verify(token), UNKNOWN_KEY, token, "no published key has this kid");
        }
        assertThat(server.jwksFetches() - before)
                .as("a stream of made-up kids must not turn your API into a JWKS flood: refetch at most once per interval" + fetches(before))
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    @DisplayName("J9 · a known kid on a token signed by another key is BAD_SIGNATURE")
    void knownKidOtherKey() {
        KeyPair rogue = Jwts.SIG.RS256.keyPair().build();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId(server.currentKid("RS256")).and()
                .signWith(rogue.getPrivate()).compact();
        assertRejected(() -> verifier.verify(token), BAD_SIGNATURE, token, "the kid only chooses a key; the signature must still match it");
    }

    @Test
    @Order(6)
    @DisplayName("J9 · an HS256 token 'signed' with the public key is ALGORITHM_NOT_ALLOWED")
    void algorithmConfusion() {
        verifier.verify(server.issueAccessToken("alice", "RS256"));
        byte[] publicKeyBytes = keys.keyFor(server.currentKid("RS256")).getEncoded();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId(server.currentKid("RS256")).and()
                .signWith(new SecretKeySpec(publicKeyBytes, "HmacSHA256"), Jwts.SIG.HS256).compact();
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "the classic algorithm confusion attack (RFC 8725 2.1): the public key is public, so an HMAC made with it "
                        + "proves nothing; a JWKS verifier accepts only RS256/ES256");
    }
}
