package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.TokenRejected.Reason.UNKNOWN_KEY;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
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

@Order(23)
@DisplayName("J23 · only published keys fit for RS256 or ES256 are used")
class JwksUsableKeysTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final WireMockExtension issuer = IssuerJwks.server();

    @BeforeEach
    void reset() {
        clock.set(MutableClock.atWorkshopStart().instant());
        issuer.resetAll();
    }

    private TokenVerifier verifier() {
        JwksKeys keys = new JwksKeys(IssuerJwks.uri(issuer), http, clock, Duration.ofSeconds(30));
        return TokenVerifier.withJwks(keys, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ofSeconds(30));
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(bits);
        }
        return generator.generateKeyPair();
    }

    /** An RSA JWK with these {@code use} and {@code alg} members (null: left out). */
    static String rsaJwk(String kid, RSAPublicKey key, String use, String alg) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\"" + (use == null ? "" : ",\"use\":\"" + use + "\"")
                + (alg == null ? "" : ",\"alg\":\"" + alg + "\"") + ",\"n\":\"" + Fixtures.unsigned(key.getModulus())
                + "\",\"e\":\"" + Fixtures.unsigned(key.getPublicExponent()) + "\"}";
    }

    /** An EC JWK; each coordinate is the full {@code size} bytes, as RFC 7518 6.2.1.2 requires. */
    static String ecJwk(String kid, ECPublicKey key, String crv, int size) {
        return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"crv\":\"" + crv + "\",\"x\":\""
                + coordinate(key.getW().getAffineX(), size) + "\",\"y\":\"" + coordinate(key.getW().getAffineY(), size) + "\"}";
    }

    private static String coordinate(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[size];
        int copy = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - copy, fixed, size - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** A good access token for this API whose header names {@code kid}, signed RS256 by the test with {@code pair}. */
    private static String rs256Token(KeyPair pair, String kid) {
        return Fixtures.rs256(pair.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}",
                Fixtures.payload(clock.instant(), ""));
    }

    @Test
    @Order(1)
    @DisplayName("J23 · a published RSA key under 2048 bits is never used")
    void weakKeyUnusable() throws Exception {
        KeyPair weak = generate("RSA", null, 1024);
        String jwks = "{\"keys\":[" + rsaJwk("weak-1024", (RSAPublicKey) weak.getPublic(), "sig", "RS256") + ","
                + rsaJwk("strong-2048", (RSAPublicKey) IssuerJwks.A.getPublic(), "sig", "RS256") + "]}";
        IssuerJwks.publish(issuer, jwks, "max-age=300", Duration.ZERO);
        String strong = rs256Token(IssuerJwks.A, "strong-2048");
        about(strong, "the 2048-bit key from the same JWKS is fine: skip the unfit keys, keep the others",
                () -> assertThat(verifier().verify(strong).subject()).as("verify(token signed by strong-2048).subject()")
                        .isEqualTo("alice"));
        String signedByWeak = rs256Token(weak, "weak-1024");
        Fixtures.rejects(UNKNOWN_KEY, signedByWeak, "RFC 7518 3.3: RSA keys have at least 2048 bits. A weak key in the "
                + "issuer's JWKS is skipped when the set is read (reuse KeyRules.requireRsaKey from J8), so no token can "
                + "ever be verified with it", () -> verifier().verify(signedByWeak));
    }

    static Stream<Arguments> unfitKeys() throws Exception {
        KeyPair rsa = generate("RSA", null, 2048);
        KeyPair p384 = generate("EC", new ECGenParameterSpec("secp384r1"), 0);
        String fakeEs256Signature = "A".repeat(86); // 64 zero bytes: the key must be refused before any signature check
        String es256Header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"p384-1\"}";
        return Stream.of(
                Arguments.of("use enc: an RSA key published for encryption",
                        rsaJwk("enc-1", (RSAPublicKey) rsa.getPublic(), "enc", null), rs256Token(rsa, "enc-1")),
                Arguments.of("alg RS512: an RSA key published for another algorithm",
                        rsaJwk("rs512-1", (RSAPublicKey) rsa.getPublic(), "sig", "RS512"), rs256Token(rsa, "rs512-1")),
                Arguments.of("crv P-384: an EC key that is not on P-256",
                        ecJwk("p384-1", (ECPublicKey) p384.getPublic(), "P-384", 48),
                        Fixtures.b64(es256Header) + "." + Fixtures.b64(Fixtures.payload(clock.instant(), "")) + "."
                                + fakeEs256Signature));
    }

    @ParameterizedTest(name = "{0}")
    @Order(2)
    @MethodSource("unfitKeys")
    @DisplayName("J23 · a published key for another use, another algorithm or another curve is never used")
    void unfitKeyUnusable(String name, String unfitJwk, String token) {
        String jwks = "{\"keys\":[" + unfitJwk + "," + Fixtures.rsaJwk("a-1", (RSAPublicKey) IssuerJwks.A.getPublic()) + "]}";
        IssuerJwks.publish(issuer, jwks, "max-age=300", Duration.ZERO);
        Fixtures.rejects(UNKNOWN_KEY, token, "check each JWK when the set is read (RFC 7517 4.2, 4.4; RFC 7518 3.4): use "
                + "absent or sig; alg absent or the one this verifier uses with that key type (RSA → RS256, EC → ES256); "
                + "an EC key on P-256. Skip any other: its kid is then UNKNOWN_KEY, like a key that was never published",
                () -> verifier().verify(token), "the JWKS served: " + jwks);
    }
}
