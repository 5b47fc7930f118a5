package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.Fixtures.rejectsWithContext;
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
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(19)
@DisplayName("J19 · fetch the JWKS rarely: once for many tokens, again only for a new kid, at most once per interval")
class JwksRefetchTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final SimulatorExtension auth = SimulatorExtension.of(TokenServer::start, clock);

    private TokenServer server;

    @BeforeEach
    void fresh() {
        clock.set(MutableClock.atWorkshopStart().instant());
        server = TokenServer.of(auth.server());
    }

    private TokenVerifier verifier() {
        JwksKeys keys = new JwksKeys(auth.uri("/.well-known/jwks.json"), http, clock, Duration.ofSeconds(30));
        return TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
    }

    private String fetched(int before) {
        return "the JWKS was fetched " + (server.jwksFetches() - before) + " time(s) in this test; now is " + clock.instant();
    }

    @Test
    @Order(1)
    @DisplayName("J19 · the JWKS is fetched once for many tokens, not once per token")
    void cachedOncePerKey() {
        TokenVerifier verifier = verifier();
        int before = server.jwksFetches();
        explained("cache the keys by kid: one HTTP call per token would make the auth server a bottleneck, and its "
                + "outage yours", () -> {
                    for (int i = 0; i < 20; i++) {
                        verifier.verify(server.issueAccessToken("alice", "RS256"));
                    }
                    assertThat(server.jwksFetches() - before).as("JWKS fetches for 20 tokens").isEqualTo(1);
                }, () -> fetched(before));
    }

    @Test
    @Order(2)
    @DisplayName("J19 · after key rotation the new kid is found with exactly one refetch")
    void rotation() {
        TokenVerifier verifier = verifier();
        int before = server.jwksFetches();
        explained("an unknown kid may mean the issuer rotated its keys: refetch the JWKS once (the last fetch is older "
                + "than the 30 s interval) and look again", () -> {
                    verifier.verify(server.issueAccessToken("alice", "ES256"));
                    server.rotateSigningKey("ES256");
                    clock.advance(Duration.ofSeconds(31));
                    String rotated = server.issueAccessToken("alice", "ES256");
                    assertThat(verifier.verify(rotated).subject()).as("verify(token with the new kid).subject()")
                            .isEqualTo("alice");
                    assertThat(server.jwksFetches() - before).as("JWKS fetches: one at the start, one for the new kid")
                            .isEqualTo(2);
                }, () -> fetched(before));
    }

    @Test
    @Order(3)
    @DisplayName("J19 · made-up kids are UNKNOWN_KEY and cause at most one refetch per interval")
    void unknownKidRateLimited() {
        TokenVerifier verifier = verifier();
        int before = server.jwksFetches();
        explained("prime the cache with a good token", () -> verifier.verify(server.issueAccessToken("alice", "RS256")));
        clock.advance(Duration.ofSeconds(31));
        KeyPair rogue = Jwts.SIG.RS256.keyPair().build();
        for (int i = 0; i < 5; i++) {
            String token = Fixtures.claims(clock.instant(), 300).header().keyId("rogue-" + i).and().signWith(rogue.getPrivate()).compact();
            rejects(UNKNOWN_KEY, token, "no published key has this kid", () -> verifier.verify(token));
        }
        explained("a stream of made-up kids must not turn your API into a JWKS flood: a miss may refetch only if the last "
                + "fetch is older than minRefetchInterval (30 s here)",
                () -> assertThat(server.jwksFetches() - before).as("JWKS fetches: the first, then one for 5 made-up kids")
                        .isEqualTo(2), () -> fetched(before));
    }

    @Test
    @Order(4)
    @DisplayName("J19 · a JWKS that cannot be fetched is tried at most once per interval")
    void failingJwksRateLimited() {
        auth.server().clearExchanges();
        JwksKeys missing = new JwksKeys(auth.uri("/no/jwks.json"), http, clock, Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            String kid = "kid-" + i;
            rejectsWithContext(UNKNOWN_KEY, "keyFor(\"" + kid + "\") with the JWKS at " + auth.uri("/no/jwks.json"),
                    "the JWKS answers 404: no key can be found", () -> missing.keyFor(kid));
        }
        explained("a JWKS that is down must not be asked again for every token (each try can wait for the time-out, while "
                + "the tokens queue up): record the time of the attempt BEFORE fetching, so a failed fetch counts too",
                () -> assertThat(auth.server().exchanges()).as("requests to the JWKS for 5 lookups").hasSize(1),
                () -> auth.transcript());
    }
}
