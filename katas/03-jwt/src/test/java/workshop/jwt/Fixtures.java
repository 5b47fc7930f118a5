package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;
import workshop.simulator.JwtInspector;

/** Shared test data: the RFC 7515 example, hand-made tokens, and a readable token printout for messages. */
final class Fixtures {

    private Fixtures() {
    }

    /** RFC 7515 appendix A.1: the header's exact bytes (with CRLF and a space). */
    static final String RFC_HEADER = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
    /** RFC 7515 appendix A.1: the payload's exact bytes. */
    static final String RFC_PAYLOAD = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    /** RFC 7515 appendix A.1: the JWK "k" of the HMAC key. */
    static final String RFC_KEY_JWK = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    static final byte[] RFC_KEY = Base64.getUrlDecoder().decode(RFC_KEY_JWK);
    static final String RFC_SIGNATURE = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String RFC_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + "." + RFC_SIGNATURE;

    static final String ISSUER = "https://auth.workshop.example";
    static final String AUDIENCE = "workshop-api";

    /** base64url of UTF-8 text, computed with the JDK (independent of the learner's Base64Url). */
    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A token made of these header and payload JSON texts and this signature part, as-is. */
    static String token(String headerJson, String payloadJson, String signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    /** An HS256 token over these exact header and payload JSON texts, signed by the test itself (not by your code). */
    static String hs256(byte[] key, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RS256 token over these exact header and payload JSON texts, signed by the test itself. */
    static String rs256(PrivateKey key, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a valid access-token payload for this API at {@code now}, plus {@code extra} (",\"k\":v…" or ""). */
    static String payload(Instant now, String extra) {
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + (now.getEpochSecond() + 300) + ",\"jti\":\"t-1\"" + extra + "}";
    }

    /**
     * Headers with a {@code crit} (RFC 7515 4.1.11) that makes a token invalid for a verifier that implements no
     * extension: the fields to add to a header, and the reason expected.
     */
    static Stream<Arguments> critHeaders() {
        return Stream.of(
                Arguments.of("crit names an extension the verifier does not implement", ",\"crit\":[\"exp2\"],\"exp2\":1",
                        TokenRejected.Reason.UNSUPPORTED_CRITICAL),
                Arguments.of("crit names b64 (RFC 7797), not implemented here", ",\"crit\":[\"b64\"],\"b64\":true",
                        TokenRejected.Reason.UNSUPPORTED_CRITICAL),
                Arguments.of("crit is an empty list", ",\"crit\":[]", TokenRejected.Reason.MALFORMED),
                Arguments.of("crit is a string, not a list", ",\"crit\":\"exp2\",\"exp2\":1", TokenRejected.Reason.MALFORMED),
                Arguments.of("crit holds a number", ",\"crit\":[1]", TokenRejected.Reason.MALFORMED),
                Arguments.of("crit is null", ",\"crit\":null", TokenRejected.Reason.MALFORMED),
                Arguments.of("crit names a parameter the header lacks", ",\"crit\":[\"exp2\"]", TokenRejected.Reason.MALFORMED),
                Arguments.of("crit names a registered JWS parameter (alg)", ",\"crit\":[\"alg\"]", TokenRejected.Reason.MALFORMED));
    }

    /** A public RSA JWK written by the test (independent of the learner's code). */
    static String rsaJwk(String kid, java.security.interfaces.RSAPublicKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\"" + b64.encodeToString(unsigned(key.getPublicExponent()))
                + "\"}";
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** The token as an inspector shows it: put it into every failure message. */
    static String show(String token) {
        return "\n" + JwtInspector.text(token);
    }

    /** A well-formed jjwt builder for this API, times from {@code now}; typed as an access token ({@code typ: at+jwt}). */
    static io.jsonwebtoken.JwtBuilder claims(Instant now, long lifetimeSeconds) {
        return Jwts.builder()
                .header().type(TokenVerifier.ACCESS_TOKEN_TYPE).and()
                .issuer(ISSUER)
                .subject("alice")
                .audience().add(AUDIENCE).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(lifetimeSeconds)))
                .id("t-" + now.toEpochMilli());
    }

    static SecretKey hs256Key() {
        return Jwts.SIG.HS256.key().build();
    }

    /**
     * What the call threw (null if nothing). An unimplemented step's UnsupportedOperationException is
     * passed on as it is, so its message ("J4 · … — see notebooks/03-jwt.ipynb") is what you see first.
     */
    static Throwable thrown(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
        return thrown;
    }

    /** Asserts the call is refused with {@code reason}; the message explains why and shows the token. */
    static void assertRejected(ThrowingCallable call, TokenRejected.Reason reason, String token, String why) {
        Throwable thrown = thrown(call);
        String explained = why + show(token);
        if (thrown == null) {
            fail("expected TokenRejected(" + reason + "), but the token was ACCEPTED: " + explained);
        }
        assertThat(thrown).as("expected TokenRejected(%s): %s", reason, explained).isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).reason())
                .as("%s\n  your verifier said: %s", explained, thrown.getMessage())
                .isEqualTo(reason);
    }
}
