package workshop.jwt;

import static workshop.jwt.Fixtures.rejects;
import static workshop.jwt.TokenRejected.Reason.ALGORITHM_NOT_ALLOWED;

import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Order(7)
@DisplayName("J7 · the verifier, not the token, chooses the algorithm")
class AlgorithmAllowListTest {

    private final HmacVerifier verifier = new HmacVerifier(Fixtures.RFC_KEY, "HS256");

    @ParameterizedTest(name = "alg \"{0}\"")
    @Order(1)
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    @DisplayName("J7 · alg none, in any casing, is ALGORITHM_NOT_ALLOWED")
    void algNone(String none) {
        String token = Fixtures.token("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}", "{\"sub\":\"admin\"}", "");
        rejects(ALGORITHM_NOT_ALLOWED, token, "RFC 8725 3.1: never let the token choose 'none' (unsigned, RFC 7518 3.6). "
                + "Compare alg with the ONE algorithm the verifier was built for, case-sensitively, before any crypto",
                () -> verifier.verify(token));
    }

    @Test
    @Order(2)
    @DisplayName("J7 · a header without alg is ALGORITHM_NOT_ALLOWED")
    void missingAlg() {
        String token = Fixtures.signed("HmacSHA256", Fixtures.RFC_KEY,
                Fixtures.b64("{\"typ\":\"JWT\"}") + "." + Fixtures.b64("{\"sub\":\"alice\"}"));
        rejects(ALGORITHM_NOT_ALLOWED, token, "RFC 7515 4.1.1: alg is required; a missing alg is not 'the default', even "
                + "when the signature happens to match", () -> verifier.verify(token));
    }

    @Test
    @Order(3)
    @DisplayName("J7 · an HS512 token for an HS256 verifier is ALGORITHM_NOT_ALLOWED, even correctly signed")
    void otherHmacSize() {
        String token = Fixtures.signed("HmacSHA512", Fixtures.RFC_KEY,
                Fixtures.b64("{\"alg\":\"HS512\"}") + "." + Fixtures.b64("{\"sub\":\"alice\"}"));
        rejects(ALGORITHM_NOT_ALLOWED, token, "the verifier allow-lists exactly one algorithm; the token does not get to "
                + "pick another, not even a stronger one (the RFC key is long enough for HS512, and the HMAC matches)",
                () -> verifier.verify(token));
    }

    @Test
    @Order(4)
    @DisplayName("J7 · an RS256 token sent to an HMAC verifier is ALGORITHM_NOT_ALLOWED")
    void rsaTokenToHmacVerifier() {
        KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        String token = Jwts.builder().subject("alice").signWith(rsa.getPrivate()).compact();
        rejects(ALGORITHM_NOT_ALLOWED, token, "RFC 8725 2.1: algorithm confusion starts when a verifier accepts whatever "
                + "alg the header names", () -> verifier.verify(token));
    }
}
