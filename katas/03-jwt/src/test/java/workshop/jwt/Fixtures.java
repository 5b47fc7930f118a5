package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
