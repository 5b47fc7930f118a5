package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.about;
import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;

import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

@Order(17)
@DisplayName("J17 · a JSON nesting limit of your own")
class JsonDepthTest {

    private static final String AT_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier() {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, Duration.ZERO);
    }

    /** A good access token whose payload also holds {@code levels} nested arrays. */
    private String nested(int levels) {
        return Fixtures.hs256(key.getEncoded(), AT_HEADER,
                Fixtures.payload(start, ",\"deep\":" + "[".repeat(levels) + "]".repeat(levels)));
    }

    @Test
    @Order(1)
    @DisplayName("J17 · a payload nested deeper than TokenVerifier.MAX_JSON_DEPTH is MALFORMED")
    void deeplyNestedPayload() {
        // 200 nested arrays: well under Jackson's default limit (1000), well over the kit's (MAX_JSON_DEPTH = 64).
        String token = nested(200);
        rejects(MALFORMED, token, "correctly signed, small enough, every claim right, and still refused: a real token is a "
                + "few flat objects, and every level of nesting costs the parser a recursion. Give jjwt a mapper with your "
                + "own limit: StreamReadConstraints.builder().maxNestingDepth(TokenVerifier.MAX_JSON_DEPTH) on a "
                + "JsonFactory, new ObjectMapper(factory), then Jwts.parser().json(new JacksonDeserializer<>(mapper))",
                () -> verifier().verify(token));
    }

    @Test
    @Order(2)
    @DisplayName("J17 · a payload nested within the limit verifies")
    void nestedWithinLimit() {
        String token = nested(30);
        about(token, "30 nested arrays inside the payload object are 31 levels, within MAX_JSON_DEPTH (64): the limit "
                + "refuses abuse, not ordinary structured claims",
                () -> assertThat(verifier().verify(token).subject()).as("verify(token nested 31 levels).subject()")
                        .isEqualTo("alice"));
    }
}
