package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import org.assertj.core.api.AbstractThrowableAssert;
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

    /** A well-formed jjwt builder for this API, times from {@code now}. */
    static io.jsonwebtoken.JwtBuilder claims(Instant now, long lifetimeSeconds) {
        return Jwts.builder()
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

    /** Asserts the call is refused with {@code reason}; the message shows the token. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ThrowingCallable call, TokenRejected.Reason reason,
                                                                         String token, String why) {
        return assertThatThrownBy(call)
                .as(why + show(token))
                .isInstanceOf(TokenRejected.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((TokenRejected) e).reason())
                        .as("the reason of: " + e.getMessage() + "\n" + why + show(token))
                        .isEqualTo(reason));
    }
}
