package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.Fixtures.rejectsWithAnyOf;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jsonwebtoken.Jwts;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.simulator.MutableClock;

@Order(22)
@DisplayName("J22 · the token chooses neither the key nor its algorithm")
class JwksAlgorithmTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The issuer's JWKS endpoint: it publishes a-1, an RS256 key. */
    @RegisterExtension
    static final WireMockExtension issuer = IssuerJwks.server();

    /** The attacker's server: a verifier must never send it a single request. */
    @RegisterExtension
    static final WireMockExtension evil = IssuerJwks.server();

    @BeforeEach
    void reset() {
        clock.set(MutableClock.atWorkshopStart().instant());
        issuer.resetAll();
        evil.resetAll();
        IssuerJwks.publish(issuer, IssuerJwks.jwks(IssuerJwks.A), "max-age=300", Duration.ZERO);
    }

    private TokenVerifier verifier() {
        JwksKeys keys = new JwksKeys(IssuerJwks.uri(issuer), http, clock, Duration.ofSeconds(30));
        return TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    @DisplayName("J22 · an HS256 token 'signed' with the public key is ALGORITHM_NOT_ALLOWED")
    void algorithmConfusion() {
        byte[] publicKeyBytes = IssuerJwks.A.getPublic().getEncoded(); // anyone can download these from the JWKS
        String token = Fixtures.claims(clock.instant(), 300).header().keyId("a-1").and()
                .signWith(new SecretKeySpec(publicKeyBytes, "HmacSHA256"), Jwts.SIG.HS256).compact();
        rejects(ALGORITHM_NOT_ALLOWED, token, "the classic algorithm confusion attack (RFC 8725 2.1): the public key is "
                + "public, so an HMAC made with it proves nothing. A JWKS verifier's allow-list is RS256 and ES256 only, "
                + "checked before any key is used", () -> verifier().verify(token));
    }

    @Test
    @Order(2)
    @DisplayName("J22 · a token claiming ES256 with the kid of an RS256 key is ALGORITHM_NOT_ALLOWED")
    void oneAlgorithmPerKey() {
        KeyPair ec = Jwts.SIG.ES256.keyPair().build();
        String token = Fixtures.claims(clock.instant(), 300).header().keyId("a-1").and().signWith(ec.getPrivate()).compact();
        rejects(ALGORITHM_NOT_ALLOWED, token, "the JWKS publishes a-1 as an RSA key for RS256; this token says ES256. Keep "
                + "the one algorithm of every key you fetch (RSA → RS256, EC → ES256) and compare it with the header's alg "
                + "in the key locator (RFC 8725 3.1: each key is used with exactly one algorithm)", () -> verifier().verify(token));
    }

    static Stream<Arguments> headerKeys() {
        String jwk = Fixtures.rsaJwk("m-1", (RSAPublicKey) IssuerJwks.ATTACKER.getPublic());
        return Stream.of(
                Arguments.of("jwk: the attacker's public key, embedded", "\"kid\":\"a-1\",\"jwk\":" + jwk),
                Arguments.of("jku: a JWKS URL on the attacker's server", "\"kid\":\"m-1\",\"jku\":\"%s/jwks.json\""),
                Arguments.of("x5u: a certificate URL on the attacker's server", "\"kid\":\"m-1\",\"x5u\":\"%s/cert.pem\""),
                Arguments.of("x5c: a certificate chain in the header", "\"kid\":\"a-1\",\"x5c\":[\"MIIBkTCB+wIJAKHBfpE=\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @MethodSource("headerKeys")
    @DisplayName("J22 · a key the token brings or points to (jwk, jku, x5u, x5c) is never used, never fetched")
    void keysFromTheHeaderAreIgnored(String name, String fields) {
        evil.stubFor(get(urlPathEqualTo("/jwks.json")).willReturn(okJson(IssuerJwks.jwks(IssuerJwks.ATTACKER))));
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"," + String.format(fields, evil.baseUrl()) + "}";
        String token = Fixtures.rs256(IssuerJwks.ATTACKER.getPrivate(), header, Fixtures.payload(clock.instant(), ""));
        rejectsWithAnyOf(Set.of(BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED), token, "signed with the attacker's own key, which "
                + "the token carries or points to. Keys come ONLY from the configured JWKS (RFC 8725 3.10; OWASP JWT cheat "
                + "sheet): the key locator reads kid and alg, nothing else", () -> verifier().verify(token));
        explained("a jku or x5u in a token is an attacker's URL: fetching it is a server-side request forgery even before "
                + "any key is used (" + evil.baseUrl() + " is the attacker's server)",
                () -> assertThat(evil.findAll(anyRequestedFor(anyUrl()))).as("requests the attacker's server received")
                        .isEmpty());
    }
}
