package workshop.jwt;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import workshop.katasupport.ExpectThrow;
import workshop.katasupport.Explained;
import workshop.simulator.TokenUnderTest;

/**
 * Shared test data (the RFC 7515 example, hand-made tokens) and the shape of every failure message: the verdict and
 * the expected / but was lines first, then why the rule exists, then the token under test as an inspector decodes it.
 */
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
        return signed("HmacSHA256", key, b64(headerJson) + "." + b64(payloadJson));
    }

    /** {@code signingInput + "." + base64url(HMAC)}, computed by the test itself (independent of your signer). */
    static String signed(String jdkAlgorithm, byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance(jdkAlgorithm);
            mac.init(new SecretKeySpec(key, jdkAlgorithm));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
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

    /**
     * The same token with its signature spelled differently: the last character's unused low bit flipped. A
     * 43-character signature (32 bytes) has 2 unused bits, so both spellings decode to the same bytes with a
     * lenient decoder such as the JDK's or jjwt's.
     */
    static String respelled(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    }

    /** The JSON of a valid access-token payload for this API at {@code now}, plus {@code extra} (",\"k\":v…" or ""). */
    static String payload(Instant now, String extra) {
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + (now.getEpochSecond() + 300) + ",\"jti\":\"t-1\"" + extra + "}";
    }

    /** A public RSA JWK written by the test (independent of the learner's code). */
    static String rsaJwk(String kid, java.security.interfaces.RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}";
    }

    /** A big integer as JWK writes it: base64url of its unsigned big-endian bytes (RFC 7518 2). */
    static String unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    /** The requests a simulated server saw, as "METHOD /path → status". */
    static java.util.List<String> requests(workshop.simulator.SimulatedServer server) {
        return server.exchanges().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl().replaceAll("\\?.*", "")
                        + " → " + e.getResponse().getStatus())
                .toList();
    }

    // ---- failure messages: verdict and expected / but was first, then why, then the token under test ----

    /** The token under test, as the inspector decodes it: the last section of a message about a token. */
    static String show(String token) {
        return TokenUnderTest.text(token);
    }

    /** Runs checks about {@code token}: a failure shows its verdict first, then {@code why}, then the token. */
    static void about(String token, String why, Explained.Checks checks) {
        Explained.run(why, checks, show(token));
    }

    /** Checks on a token that the code under test makes. */
    @FunctionalInterface
    interface TokenChecks {
        void check(String token) throws Throwable;
    }

    /**
     * Runs {@code make} (your code producing a token), then {@code checks} on that token. Any failure — including
     * {@code make} throwing — shows its verdict first, then {@code why}, then the token (if one was made).
     */
    static void aboutMade(ExpectThrow.Call make, String why, TokenChecks checks) {
        String[] token = {null};
        try {
            Explained.run(why, () -> {
                token[0] = (String) make.call();
                checks.check(token[0]);
            });
        } catch (AssertionError failure) {
            if (token[0] == null) {
                throw failure;
            }
            AssertionError withToken = new AssertionError(failure.getMessage() + "\n" + show(token[0]));
            withToken.initCause(failure.getCause());
            throw withToken;
        }
    }

    /** Runs checks that are not about one token; a failure shows its verdict first, then {@code why} and {@code context}. */
    static void explained(String why, Explained.Checks checks, String... context) {
        Explained.run(why, checks, context);
    }

    /** As above; {@code context} is computed after the checks failed, so it can show what they did. */
    static void explained(String why, Explained.Checks checks, Supplier<String> context) {
        Explained.run(why, checks, context);
    }

    /** The call must refuse {@code token} with {@code TokenRejected(reason)}; the message ends with the token. */
    static TokenRejected rejects(TokenRejected.Reason reason, String token, String why, ExpectThrow.Call call) {
        return refusal(Set.of(reason), why).showing(show(token)).from(call);
    }

    /** As above, and {@code context} (e.g. the JWKS the issuer served) after the token. */
    static TokenRejected rejects(TokenRejected.Reason reason, String token, String why, ExpectThrow.Call call, String context) {
        return refusal(Set.of(reason), why).showing(show(token)).showing(context).from(call);
    }

    /** The call must refuse {@code token} with one of {@code reasons} (the rule allows either). */
    static TokenRejected rejectsWithAnyOf(Set<TokenRejected.Reason> reasons, String token, String why, ExpectThrow.Call call) {
        return refusal(reasons, why).showing(show(token)).from(call);
    }

    /** A refusal that is not about a token (a kid, a JWKS): {@code context} is shown instead of the inspector. */
    static TokenRejected rejectsWithContext(TokenRejected.Reason reason, String context, String why, ExpectThrow.Call call) {
        return refusal(Set.of(reason), why).showing(context).from(call);
    }

    private static ExpectThrow<TokenRejected> refusal(Set<TokenRejected.Reason> reasons, String why) {
        String expected = "TokenRejected(" + reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ")";
        return ExpectThrow.of(TokenRejected.class).as(expected)
                .where(r -> reasons.contains(r.reason()) ? null : "TokenRejected(" + r.reason() + ")")
                .because(why);
    }

    /** The call must throw KeyRejected with a message that mentions {@code mention} (e.g. the bits a key needs). */
    static KeyRejected keyRejected(String mention, String why, ExpectThrow.Call call) {
        return keyRejection(mention, why).from(call);
    }

    /** The call (returning nothing) must throw KeyRejected with a message that mentions {@code mention}. */
    static KeyRejected keyRejected(String mention, String why, ExpectThrow.Run run) {
        return keyRejection(mention, why).from(run);
    }

    private static ExpectThrow<KeyRejected> keyRejection(String mention, String why) {
        return ExpectThrow.of(KeyRejected.class).as("KeyRejected, its message mentioning \"" + mention + "\"")
                .where(e -> String.valueOf(e.getMessage()).contains(mention) ? null
                        : "KeyRejected, its message not mentioning \"" + mention + "\"")
                .because(why);
    }

    /** The call must throw {@code type} (KeyRejected, IllegalArgumentException, …); returns what it threw. */
    static <T extends Throwable> T expectThrow(Class<T> type, String why, ExpectThrow.Call call) {
        return ExpectThrow.of(type).because(why).from(call);
    }

    /** The call (returning nothing) must throw {@code type}; returns what it threw. */
    static <T extends Throwable> T expectThrow(Class<T> type, String why, ExpectThrow.Run run) {
        return ExpectThrow.of(type).because(why).from(run);
    }
}
