package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.explained;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.simulator.MutableClock;

@Order(20)
@DisplayName("J20 · cached keys expire with the JWKS response's max-age")
class JwksCacheLifetimeTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The issuer's JWKS endpoint, stubbed by each test. */
    @RegisterExtension
    static final WireMockExtension issuer = IssuerJwks.server();

    @BeforeEach
    void reset() {
        clock.set(MutableClock.atWorkshopStart().instant());
        issuer.resetAll();
    }

    private JwksKeys keys() {
        return new JwksKeys(IssuerJwks.uri(issuer), http, clock, Duration.ofSeconds(30));
    }

    static Stream<Arguments> cacheControls() {
        return Stream.of(
                Arguments.of("max-age=300", Duration.ofSeconds(300)),
                Arguments.of("public, max-age=600", Duration.ofSeconds(600)),
                Arguments.of("(none)", JwksKeys.DEFAULT_CACHE_TTL),
                Arguments.of("max-age=5", JwksKeys.MIN_CACHE_TTL),
                Arguments.of("no-store", JwksKeys.MIN_CACHE_TTL),
                Arguments.of("max-age=31536000", JwksKeys.MAX_CACHE_TTL));
    }

    @ParameterizedTest(name = "Cache-Control: {0} → keys cached for {1}")
    @Order(1)
    @MethodSource("cacheControls")
    @DisplayName("J20 · keys are cached for the JWKS response's max-age, within the kit's bounds, then fetched again")
    void cacheTtl(String cacheControl, Duration ttl) {
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A), cacheControl.equals("(none)") ? null : cacheControl, Duration.ZERO);
        JwksKeys keys = keys();
        explained("Cache-Control: " + cacheControl + " → the keys stay fresh for " + ttl + ": max-age (RFC 9111 5.2.2.1), "
                + "at least " + JwksKeys.MIN_CACHE_TTL + " and at most " + JwksKeys.MAX_CACHE_TTL + " (kit policy), "
                + JwksKeys.DEFAULT_CACHE_TTL + " without one; no-store and no-cache get the minimum", () -> {
                    assertThat(keys.keyFor("a-1")).as("keyFor(\"a-1\"), the first lookup").isEqualTo(IssuerJwks.A.getPublic());
                    clock.advance(ttl.minusSeconds(1));
                    keys.keyFor("a-1");
                    assertThat(IssuerJwks.fetches(issuer)).as("JWKS fetches 1 s before the keys are %s old", ttl).isEqualTo(1);
                    clock.advance(Duration.ofSeconds(1));
                    keys.keyFor("a-1");
                    assertThat(IssuerJwks.fetches(issuer)).as("JWKS fetches once the keys are %s old (stale: fetch again)", ttl)
                            .isEqualTo(2);
                }, () -> "the JWKS was fetched " + IssuerJwks.fetches(issuer) + " time(s); now is " + clock.instant());
    }

    @Test
    @Order(2)
    @DisplayName("J20 · a key withdrawn from the JWKS stops verifying once the cached set expires")
    void withdrawnKey() {
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A, IssuerJwks.B), "max-age=300", Duration.ZERO);
        TokenVerifier verifier = TokenVerifier.withJwks(keys(), Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
        String signedByA = IssuerJwks.token(clock.instant(), IssuerJwks.A);
        about(signedByA, "a-1 is published", () -> assertThat(verifier.verify(signedByA).subject())
                .as("verify(token signed by a-1).subject()").isEqualTo("alice"));
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.B), "max-age=300", Duration.ZERO); // a-1 withdrawn (it leaked)
        clock.advance(Duration.ofSeconds(299));
        about(signedByA, "within max-age the cached set is used as it is", () -> assertThat(verifier.verify(signedByA).subject())
                .as("verify(token signed by a-1) 299 s later").isEqualTo("alice"));
        clock.advance(Duration.ofSeconds(2));
        rejects(UNKNOWN_KEY, signedByA, "max-age=300 has passed: fetch the JWKS again and REPLACE the cached set. A cache "
                + "that never expires keeps accepting a withdrawn (maybe stolen) key forever", () -> verifier.verify(signedByA));
    }
}
