package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;

@Order(16)
@DisplayName("J16 · NumericDates: exp, nbf and iat are JSON numbers in range")
class NumericDateTest {

    private static final String AT_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier() {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ZERO);
    }

    /** A payload for this API with {@code name} set to the raw JSON {@code value} (replacing it if present). */
    private String payloadWith(String name, String value) {
        String base = Fixtures.payload(start, "");
        return base.contains("\"" + name + "\":")
                ? base.replaceFirst("\"" + name + "\":[0-9]+", "\"" + name + "\":" + Matcher.quoteReplacement(value))
                : base.substring(0, base.length() - 1) + ",\"" + name + "\":" + value + "}";
    }

    @ParameterizedTest(name = "exp {0}")
    @Order(1)
    @ValueSource(strings = {"9300000000000000000", "9223372036854775807", "1e19", "253402300800", "-1", "\"1900000000\"",
            "true", "null", "[1900000000]"})
    @DisplayName("J16 · an exp that is not a number from 0 to year 9999 is MALFORMED, even correctly signed")
    void numericDateExp(String exp) {
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payloadWith("exp", exp));
        rejects(MALFORMED, token, "a NumericDate is a JSON number of seconds (RFC 7519 2). jjwt turns a numeric STRING into "
                + "a date, and multiplies by 1000 in a long, so exp 9.3e18 wraps around and may land in the future. Read "
                + "the raw JSON value from the decoded payload yourself: a number from 0 to TokenVerifier.MAX_NUMERIC_DATE "
                + "(year 9999, kit policy), else MALFORMED — before trusting jjwt's conversion",
                () -> verifier().verify(token));
    }

    @ParameterizedTest(name = "{0}")
    @Order(2)
    @ValueSource(strings = {"nbf 9223372036854775807", "nbf -5", "nbf \"0\"", "iat \"1767258000\"", "iat 1e300", "iat false"})
    @DisplayName("J16 · nbf and iat follow the same NumericDate rule: MALFORMED when not a number in range")
    void numericDateNbfIat(String claimAndValue) {
        String[] parts = claimAndValue.split(" ", 2);
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payloadWith(parts[0], parts[1]));
        rejects(MALFORMED, token, "jjwt reads nbf 9223372036854775807 as -1 ms (an overflow) and accepts the token; check "
                + "the raw type and range of exp, nbf and iat alike (0 … TokenVerifier.MAX_NUMERIC_DATE, kit policy)",
                () -> verifier().verify(token));
    }

    @Test
    @Order(3)
    @DisplayName("J16 · a NumericDate in range verifies, and expiresAt is exactly exp")
    void numericDateInRange() {
        long exp = start.getEpochSecond() + 300;
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payloadWith("exp", String.valueOf(exp)));
        about(token, "the range check must not refuse ordinary tokens; expiresAt comes from the raw exp you checked",
                () -> assertThat(verifier().verify(token).expiresAt()).as("verify(token).expiresAt()")
                        .isEqualTo(Instant.ofEpochSecond(exp)));
    }
}
