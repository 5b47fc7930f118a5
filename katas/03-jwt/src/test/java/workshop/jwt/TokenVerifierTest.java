package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.assertRejected;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;
import static workshop.jwt.TokenRejected.Reason.BAD_SIGNATURE;
import static workshop.jwt.TokenRejected.Reason.COMPRESSED;
import static workshop.jwt.TokenRejected.Reason.EXPIRED;
import static workshop.jwt.TokenRejected.Reason.MALFORMED;
import static workshop.jwt.TokenRejected.Reason.NOT_YET_VALID;
import static workshop.jwt.TokenRejected.Reason.TOO_LARGE;
import static workshop.jwt.TokenRejected.Reason.UNSUPPORTED_CRITICAL;
import static workshop.jwt.TokenRejected.Reason.WRONG_AUDIENCE;
import static workshop.jwt.TokenRejected.Reason.WRONG_ISSUER;
import static workshop.jwt.TokenRejected.Reason.WRONG_TYPE;

import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.simulator.MutableClock;

@Order(8)
@DisplayName("J8 · verifying with jjwt")
class TokenVerifierTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final Instant start = clock.instant();
    private final SecretKey key = Fixtures.hs256Key();

    private TokenVerifier verifier(Duration skew) {
        return TokenVerifier.hmac(key, Fixtures.ISSUER, Fixtures.AUDIENCE, clock, skew);
    }

    private String token(long lifetimeSeconds) {
        return Fixtures.claims(start, lifetimeSeconds).signWith(key).compact();
    }

    @Test
    @Order(1)
    @DisplayName("J8 · a good token gives its subject, issuer, audience and expiry")
    void goodToken() {
        String token = token(300);
        VerifiedToken verified = verifier(Duration.ZERO).verify(token);
        assertThat(verified.subject()).as("Jwts.parser().verifyWith(key).requireIssuer(…).requireAudience(…).clock(…)" + Fixtures.show(token))
                .isEqualTo("alice");
        assertThat(verified.issuer()).isEqualTo(Fixtures.ISSUER);
        assertThat(verified.audience()).containsExactly(Fixtures.AUDIENCE);
        assertThat(verified.expiresAt()).isEqualTo(start.plusSeconds(300));
        assertThat(verified.id()).isNotBlank();
    }

    @Test
    @Order(2)
    @DisplayName("J8 · a token past exp (plus skew) is EXPIRED")
    void expired() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(300 + 61));
        assertRejected(() -> verifier(Duration.ofSeconds(60)).verify(token), EXPIRED, token,
                "now is 61 s past exp, more than the 60 s skew; the clock is the injected one (" + clock + ")");
    }

    @Test
    @Order(3)
    @DisplayName("J8 · a token 30 s past exp is accepted with a 60 s skew")
    void withinSkew() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(330));
        assertThat(verifier(Duration.ofSeconds(60)).verify(token).subject())
                .as("clockSkewSeconds tolerates small clock differences between issuer and API" + Fixtures.show(token))
                .isEqualTo("alice");
    }

    @Test
    @Order(4)
    @DisplayName("J8 · with zero skew, a token whose exp equals now is already EXPIRED")
    void expEqualsNow() {
        String token = token(300);
        clock.advance(Duration.ofSeconds(300));
        assertRejected(() -> verifier(Duration.ZERO).verify(token), EXPIRED, token,
                "RFC 7519 4.1.4: the current time MUST be before exp. jjwt alone accepts exp == now, so check it yourself (now is "
                        + clock.instant() + ")");
    }

    @Test
    @Order(5)
    @DisplayName("J8 · a token before nbf (minus skew) is NOT_YET_VALID")
    void notYetValid() {
        String token = Fixtures.claims(start, 600).notBefore(Date.from(start.plusSeconds(120))).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ofSeconds(30)).verify(token), NOT_YET_VALID, token,
                "RFC 7519 4.1.5: nbf is 2 minutes ahead, more than the 30 s skew");
    }

    @Test
    @Order(6)
    @DisplayName("J8 · a wrong or missing iss is WRONG_ISSUER")
    void wrongIssuer() {
        String other = Fixtures.claims(start, 300).issuer("https://evil.example").signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(other), WRONG_ISSUER, other, "requireIssuer: only our auth server's tokens");
        String missing = Fixtures.claims(start, 300).issuer(null).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(missing), WRONG_ISSUER, missing, "a missing iss is not 'any issuer'");
    }

    @Test
    @Order(7)
    @DisplayName("J8 · a token for another API is WRONG_AUDIENCE")
    void wrongAudience() {
        String token = Fixtures.claims(start, 300).audience().clear().add("billing-api").and().signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(token), WRONG_AUDIENCE, token,
                "RFC 7519 4.1.3: a token meant for billing-api must not open workshop-api (requireAudience)");
    }

    @Test
    @Order(8)
    @DisplayName("J8 · a token signed with another key is BAD_SIGNATURE; garbage is MALFORMED")
    void badSignatureAndGarbage() {
        String forged = Fixtures.claims(start, 300).signWith(Fixtures.hs256Key()).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(forged), BAD_SIGNATURE, forged, "same claims, another key");
        assertRejected(() -> verifier(Duration.ZERO).verify("not-a-token"), MALFORMED, "not-a-token",
                "map jjwt's MalformedJwtException to a typed reason, never let it escape raw");
    }

    @Test
    @Order(9)
    @DisplayName("J8 · a token of another type (an ID token, typ JWT) is WRONG_TYPE, even signed with the right key")
    void wrongType() {
        String idToken = Fixtures.claims(start, 300).header().type("JWT").and().claim("nonce", "n-0S6_WzA2Mj").signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(idToken), WRONG_TYPE, idToken,
                "right key, right iss, right aud, not expired — and still not an access token. RFC 8725 3.11 (explicit typing) "
                        + "and RFC 9068: access tokens carry typ 'at+jwt', and an API refuses every other JWT in their place");
        String untyped = Jwts.builder().issuer(Fixtures.ISSUER).subject("alice").audience().add(Fixtures.AUDIENCE).and()
                .issuedAt(Date.from(start)).expiration(Date.from(start.plusSeconds(300))).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(untyped), WRONG_TYPE, untyped,
                "no typ at all: the API cannot tell what this token is for, so it is not an access token");
        String spelledOut = Fixtures.claims(start, 300).header().type("Application/AT+JWT").and().signWith(key).compact();
        assertThat(verifier(Duration.ZERO).verify(spelledOut).subject())
                .as("typ is a media type (RFC 7515 4.1.9): compare it ignoring case, and read 'at+jwt' as 'application/at+jwt'"
                        + Fixtures.show(spelledOut))
                .isEqualTo("alice");
    }

    @Test
    @Order(10)
    @DisplayName("J8 · a signature respelled in its unused bits is refused")
    void respelledSignature() {
        String token = token(300);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        // A 43-character HS256 signature has 2 unused bits in its last character: flipping the lowest keeps the bytes.
        String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        Throwable thrown = Fixtures.thrown(() -> verifier(Duration.ZERO).verify(respelled));
        assertThat(thrown)
                .as("jjwt's base64url decoder ignores the unused bits, so this other spelling of the same token verifies with "
                        + "jjwt alone. Decode the signature part with your strict Base64Url (J1) before parsing" + Fixtures.show(respelled))
                .isInstanceOf(TokenRejected.class);
        assertThat(((TokenRejected) thrown).reason()).as("MALFORMED or BAD_SIGNATURE; your verifier said: %s", thrown.getMessage())
                .isIn(MALFORMED, BAD_SIGNATURE);
    }

    @Test
    @Order(11)
    @DisplayName("J8 · an unsigned (alg none) token or another HMAC size is ALGORITHM_NOT_ALLOWED")
    void algorithmAllowList() {
        String unsigned = Fixtures.claims(start, 300).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(unsigned), ALGORITHM_NOT_ALLOWED, unsigned,
                "RFC 8725 3.1: an unsecured JWT is never accepted by an API");
        String hs384 = Fixtures.claims(start, 300).signWith(Jwts.SIG.HS384.key().build()).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(hs384), ALGORITHM_NOT_ALLOWED, hs384,
                "allow-list the algorithm of YOUR key (HS256 for a 256-bit key) before checking the signature");
    }

    @Test
    @Order(12)
    @DisplayName("J8 · a signed zip bomb is COMPRESSED and an oversized token TOO_LARGE")
    void compressedAndOversized() {
        String bomb = Fixtures.claims(start, 300).claim("pad", "0".repeat(1_000_000)).compressWith(Jwts.ZIP.DEF).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(bomb), COMPRESSED, bomb,
                "correctly signed by the right key and still refused: run TokenPrecheck before jjwt, which would inflate it");
        String huge = Fixtures.claims(start, 300).claim("pad", "x".repeat(10_000)).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(huge), TOO_LARGE, huge.substring(0, 60),
                "over TokenVerifier.MAX_TOKEN_CHARS: refused before parsing");
    }

    @Test
    @Order(13)
    @DisplayName("J8 · a clock skew over 60 seconds is refused when the verifier is built")
    void skewLimit() {
        assertThat(Fixtures.thrown(() -> verifier(Duration.ofMinutes(5))))
                .as("a large skew silently lengthens every token's life; keep it to seconds (at most TokenVerifier.MAX_SKEW)")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fixtures.thrown(() -> verifier(Duration.ofSeconds(-1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(14)
    @DisplayName("J8 · a payload nested deeper than TokenVerifier.MAX_JSON_DEPTH is MALFORMED")
    void deeplyNestedPayload() throws Exception {
        // 200 nested arrays: well under Jackson's default limit (1000), well over the kit's (MAX_JSON_DEPTH = 64).
        // Only a parser configured with the kit's limit refuses it.
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"alice\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(key);
        String signature = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String token = header + "." + payload + "." + signature;
        assertRejected(() -> verifier(Duration.ZERO).verify(token), MALFORMED, token.substring(0, 60),
                "correctly signed, small enough, and still refused: a real token is a few flat objects, and every level of "
                        + "nesting costs the parser a recursion. Give jjwt a mapper with your own limit: "
                        + "StreamReadConstraints.builder().maxNestingDepth(TokenVerifier.MAX_JSON_DEPTH) on a JsonFactory, "
                        + "new ObjectMapper(factory), then Jwts.parser().json(new JacksonDeserializer<>(mapper))");
    }

    private static final String AT_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

    /** A payload for this API with {@code name} set to the raw JSON {@code value} (replacing it if present). */
    private String payloadWith(String name, String value) {
        String base = Fixtures.payload(start, "");
        return base.contains("\"" + name + "\":")
                ? base.replaceFirst("\"" + name + "\":[0-9]+", "\"" + name + "\":" + java.util.regex.Matcher.quoteReplacement(value))
                : base.substring(0, base.length() - 1) + ",\"" + name + "\":" + value + "}";
    }

    @Test
    @Order(15)
    @DisplayName("J8 · a token without exp is MALFORMED, one without aud WRONG_AUDIENCE")
    void requiredClaims() {
        String noExp = Fixtures.claims(start, 300).expiration(null).signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(noExp), MALFORMED, noExp,
                "jjwt accepts a token without exp: it never expires, and a stolen copy works forever. RFC 9068 2.2 makes exp "
                        + "REQUIRED in an access token: check that it is there yourself");
        String noAud = Fixtures.claims(start, 300).audience().clear().and().signWith(key).compact();
        assertRejected(() -> verifier(Duration.ZERO).verify(noAud), WRONG_AUDIENCE, noAud,
                "a missing aud is not 'any audience': a token for every API opens this one too (RFC 9068 4: the aud MUST "
                        + "contain this API). requireAudience refuses both a wrong and a missing aud");
    }

    @ParameterizedTest(name = "exp {0}")
    @Order(16)
    @ValueSource(strings = {"9300000000000000000", "9223372036854775807", "1e19", "253402300800", "-1", "\"1900000000\"",
            "true", "null", "[1900000000]"})
    @DisplayName("J8 · an exp that is not a number from 0 to year 9999 is MALFORMED, even correctly signed")
    void numericDateExp(String exp) {
        String payload = payloadWith("exp", exp);
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payload);
        // The payload as text: an inspector cannot show exp 9.3e18 as a date.
        assertRejected(() -> verifier(Duration.ZERO).verify(token), MALFORMED, "(payload " + payload + ")",
                "a NumericDate is a JSON number of seconds (RFC 7519 2). jjwt turns a numeric STRING into a date, and "
                        + "multiplies by 1000 in a long, so exp 9.3e18 wraps around and may land in the future. Read the raw "
                        + "JSON value from the decoded payload yourself: a number from 0 to TokenVerifier.MAX_NUMERIC_DATE "
                        + "(year 9999, kit policy), else MALFORMED — before trusting jjwt's conversion");
    }

    @ParameterizedTest(name = "{0}")
    @Order(17)
    @ValueSource(strings = {"nbf 9223372036854775807", "nbf -5", "nbf \"0\"", "iat \"1767258000\"", "iat 1e300", "iat false"})
    @DisplayName("J8 · nbf and iat follow the same NumericDate rule: MALFORMED when not a number in range")
    void numericDateNbfIat(String claimAndValue) {
        String[] parts = claimAndValue.split(" ", 2);
        String payload = payloadWith(parts[0], parts[1]);
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payload);
        assertRejected(() -> verifier(Duration.ZERO).verify(token), MALFORMED, "(payload " + payload + ")",
                "jjwt reads nbf 9223372036854775807 as -1 ms (an overflow) and accepts the token; check the raw type and range "
                        + "of exp, nbf and iat alike (0 … TokenVerifier.MAX_NUMERIC_DATE, kit policy)");
    }

    @Test
    @Order(18)
    @DisplayName("J8 · a NumericDate in range verifies, and expiresAt is exactly exp")
    void numericDateInRange() {
        long exp = start.getEpochSecond() + 300;
        String token = Fixtures.hs256(key.getEncoded(), AT_HEADER, payloadWith("exp", String.valueOf(exp)));
        assertThat(verifier(Duration.ZERO).verify(token).expiresAt())
                .as("the range check must not refuse ordinary tokens" + Fixtures.show(token))
                .isEqualTo(Instant.ofEpochSecond(exp));
    }

    @ParameterizedTest(name = "{0}")
    @Order(19)
    @MethodSource("workshop.jwt.Fixtures#critHeaders")
    @DisplayName("J8 · a crit header the verifier does not implement makes the token invalid, whatever jjwt does")
    void critical(String name, String critFields, TokenRejected.Reason reason) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"" + critFields + "}";
        String token = Fixtures.hs256(key.getEncoded(), header, Fixtures.payload(start, ""));
        assertRejected(() -> verifier(Duration.ZERO).verify(token), reason, token,
                "RFC 7515 4.1.11. jjwt 0.13 refuses an unknown extension, but accepts \"crit\":[] and \"crit\":null and reads "
                        + "a string as a one-element list: check crit yourself, as in J4 (" + (reason == UNSUPPORTED_CRITICAL
                        ? "well-formed, not implemented: UNSUPPORTED_CRITICAL)" : "malformed: MALFORMED)"));
    }
}
