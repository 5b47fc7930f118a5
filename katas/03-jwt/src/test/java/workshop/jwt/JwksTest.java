package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.jsonwebtoken.Jwts;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
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
        clock.set(MutableClock.atWorkshopStart().instant()); // every test starts at the same time, whatever ran before
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

    @Test
    @Order(7)
    @DisplayName("J9 · a token claiming ES256 with the kid of an RS256 key is ALGORITHM_NOT_ALLOWED")
    void oneAlgorithmPerKey() {
        KeyPair ec = Jwts.SIG.ES256.keyPair().build();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId(server.currentKid("RS256")).and()
                .signWith(ec.getPrivate()).compact();
        assertRejected(() -> verifier.verify(token), ALGORITHM_NOT_ALLOWED, token,
                "the JWKS publishes each key with its alg (here RS256); the token's alg must be that key's algorithm. "
                        + "Keep the alg of every key you fetch and compare it with the header's alg (RFC 8725 3.1: "
                        + "each key is used with exactly one algorithm)");
    }

    @Test
    @Order(8)
    @DisplayName("J9 · a published RSA key under 2048 bits is never used")
    void weakKeyUnusable() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        RSAPublicKey weak = (RSAPublicKey) generator.generateKeyPair().getPublic();
        RSAPublicKey strong = (RSAPublicKey) Jwts.SIG.RS256.keyPair().build().getPublic();
        String jwks = "{\"keys\":[" + rsaJwk("weak-1024", weak) + "," + rsaJwk("strong-2048", strong) + "]}";
        StubMapping stub = auth.server().wireMock().stubFor(get(urlPathEqualTo("/weak/jwks.json")).willReturn(okJson(jwks)));
        try {
            JwksKeys published = new JwksKeys(auth.uri("/weak/jwks.json"), http, clock, Duration.ofSeconds(30));
            assertThat(published.keyFor("strong-2048")).as("the 2048-bit key from the same JWKS is fine\n" + jwks).isEqualTo(strong);
            assertRejected(() -> published.keyFor("weak-1024"), UNKNOWN_KEY, "(kid weak-1024)",
                    "RFC 7518 3.3: RSA keys have at least 2048 bits. A weak key in the issuer's JWKS is skipped when the "
                            + "set is read (reuse KeyRules), so no token can ever be verified with it\n" + jwks);
        } finally {
            auth.server().wireMock().removeStub(stub);
        }
    }

    @Test
    @Order(9)
    @DisplayName("J9 · a JWKS that cannot be fetched is tried at most once per interval")
    void failingJwksRateLimited() {
        auth.server().clearExchanges();
        JwksKeys missing = new JwksKeys(auth.uri("/no/jwks.json"), http, clock, Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            String kid = "kid-" + i;
            assertRejected(() -> missing.keyFor(kid), UNKNOWN_KEY, "(kid " + kid + ")", "the JWKS answers 404: no key can be found");
        }
        assertThat(auth.server().exchanges())
                .as("a JWKS that is down must not be asked again for every token (each try can wait for the time-out, "
                        + "while the tokens queue up): count the FAILED fetch as a fetch, too\n" + auth.transcript())
                .hasSize(1);
    }

    private static String rsaJwk(String kid, RSAPublicKey key) {
        return Fixtures.rsaJwk(kid, key);
    }
}
