package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jsonwebtoken.Jwts;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An issuer's JWKS endpoint, stubbed on a loopback WireMock server on a free port, and the keys tests sign with. */
final class IssuerJwks {

    static final KeyPair A = Jwts.SIG.RS256.keyPair().build();
    static final KeyPair B = Jwts.SIG.RS256.keyPair().build();
    static final KeyPair ATTACKER = Jwts.SIG.RS256.keyPair().build();

    private IssuerJwks() {
    }

    /** A WireMock server on 127.0.0.1, a free port, HTTP/1.1 only. */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true)).build();
    }

    static URI uri(WireMockExtension issuer) {
        return URI.create(issuer.baseUrl() + "/jwks.json");
    }

    /** kid a-1 for A, b-1 for B, m-1 for the attacker's key. */
    static String kid(KeyPair pair) {
        return pair == A ? "a-1" : pair == B ? "b-1" : "m-1";
    }

    /** The JWKS (RS256 keys, use sig) of these key pairs. */
    static String jwks(KeyPair... pairs) {
        return "{\"keys\":[" + Arrays.stream(pairs).map(p -> Fixtures.rsaJwk(kid(p), (RSAPublicKey) p.getPublic()))
                .collect(Collectors.joining(",")) + "]}";
    }

    /** The issuer publishes {@code json}, with this Cache-Control (null: none), answering after {@code delay}. */
    static void publish(WireMockExtension issuer, String json, String cacheControl, Duration delay) {
        ResponseDefinitionBuilder answer = okJson(json);
        if (cacheControl != null) {
            answer = answer.withHeader("Cache-Control", cacheControl);
        }
        if (!delay.isZero()) {
            answer = answer.withFixedDelay((int) delay.toMillis());
        }
        issuer.stubFor(get(urlPathEqualTo("/jwks.json")).willReturn(answer));
    }

    /** How often the JWKS was fetched since the last reset. */
    static int fetches(WireMockExtension issuer) {
        return issuer.findAll(getRequestedFor(urlPathEqualTo("/jwks.json"))).size();
    }

    /** A good access token for this API, signed by {@code pair} with its kid, valid for an hour from {@code now}. */
    static String token(Instant now, KeyPair pair) {
        return Fixtures.claims(now, 3600).header().keyId(kid(pair)).and().signWith(pair.getPrivate()).compact();
    }
}
