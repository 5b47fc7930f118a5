package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;

@Order(5)
@DisplayName("X5 · signing key rotation without a failed request")
class X5KeyRotationTest {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final TokenIssuer issuer = new TokenIssuer(clock, TestTokens.ISSUER, LIFETIME);

    @Test
    @Order(1)
    @DisplayName("X5 · a token names its key (kid) and verifies with the published JWK Set, which holds no private part")
    void tokenAndJwks() {
        String token = issuer.issue("ada");

        assertThat(TestTokens.kidOf(token)).as("the token's header carries the kid of the active key, so a verifier knows"
                + " which published key to use (RFC 7515 section 4.1.4)").isEqualTo(issuer.activeKid()).isNotBlank();
        assertThat(TestTokens.verify(issuer.jwksJson(), token, clock)).as("the token verifies with the JWK Set from"
                + " jwksJson() (RFC 7517: {\"keys\":[…]})").get()
                .satisfies(c -> assertThat(c.getSubject()).isEqualTo("ada"))
                .satisfies(c -> assertThat(c.getIssuer()).isEqualTo(TestTokens.ISSUER))
                .satisfies(c -> assertThat(c.getId()).as("a jti, for the deny list").isNotBlank())
                .satisfies(c -> assertThat(c.getExpiration().toInstant()).isEqualTo(clock.instant().plus(LIFETIME)));
        assertThat(issuer.jwksJson()).as("the JWK Set is public: never the private key's \"d\" (RFC 7518 section 6.2.2.1)")
                .doesNotContain("\"d\"");
    }

    @Test
    @Order(2)
    @DisplayName("X5 · publishNext puts the new key in the JWK Set but keeps signing with the old one")
    void publishBeforeSigning() {
        String old = issuer.activeKid();

        String next = issuer.publishNext();

        assertThat(next).isNotEqualTo(old);
        assertThat(issuer.jwksJson()).as("after publishNext the JWK Set lists both kids").contains(old, next);
        assertThat(TestTokens.kidOf(issuer.issue("ada"))).as("tokens are still signed with the old key until"
                + " activateNext: verifiers that fetched the JWK Set a minute ago do not know the new one yet")
                .isEqualTo(old);
    }

    @Test
    @Order(3)
    @DisplayName("X5 · activating a key nobody could have fetched is refused")
    void activateWithoutPublishing() {
        ExpectThrow.of(IllegalStateException.class).calling("issuer.activateNext() before publishNext()").because(
                "a token signed with a key that is not in the JWK Set fails on every instance that cached the set:"
                        + " publish first, wait for the caches, then sign")
                .from((ExpectThrow.Run) issuer::activateNext);
    }

    @Test
    @Order(4)
    @DisplayName("X5 · through a full rotation, every token verifies on every instance, each with its own cached JWK Set")
    void noRequestFails() {
        // Three instances cache the JWK Set; each refreshes it at its own moment (here: when the test says so).
        String[] cached = {issuer.jwksJson(), issuer.jwksJson(), issuer.jwksJson()};
        List<String> tokens = new ArrayList<>();
        tokens.add(issuer.issue("ada"));

        issuer.publishNext();
        cached[0] = issuer.jwksJson();                 // instance 1 refreshes early
        tokens.add(issuer.issue("ada"));
        assertAllVerify(cached, tokens, "after publishNext, before every instance refreshed");

        cached[1] = issuer.jwksJson();
        cached[2] = issuer.jwksJson();                 // the cache lifetime has passed everywhere
        issuer.activateNext();
        tokens.add(issuer.issue("ada"));
        clock.advance(Duration.ofMinutes(1));
        assertAllVerify(cached, tokens, "after activateNext: old and new tokens side by side");
    }

    private void assertAllVerify(String[] cached, List<String> tokens, String phase) {
        for (int instance = 0; instance < cached.length; instance++) {
            for (String token : tokens) {
                assertThat(TestTokens.verify(cached[instance], token, clock))
                        .as("%s: instance %d (its cached JWK Set) must accept the token signed with kid %s. A key must be"
                                + " published before it signs and stay published while its tokens live",
                                phase, instance + 1, TestTokens.kidOf(token)).isPresent();
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("X5 · the old key is retired only when its last token has expired")
    void retireAfterTheLastToken() {
        String old = issuer.activeKid();
        issuer.issue("ada");
        issuer.publishNext();
        issuer.activateNext();
        clock.advance(Duration.ofMinutes(2));

        ExpectThrow.of(IllegalStateException.class).calling("issuer.retire(old) two minutes after its last token")
                .because("the last token signed with it is valid for 3 more minutes: retiring the key now logs that user out")
                .from((ExpectThrow.Run) () -> issuer.retire(old));
        assertThat(issuer.jwksJson()).as("a refused retire keeps the key published").contains(old);

        clock.advance(Duration.ofMinutes(3));
        issuer.retire(old);

        assertThat(issuer.jwksJson()).as("5 minutes after the last token, the old key leaves the JWK Set")
                .doesNotContain(old).contains(issuer.activeKid());
        ExpectThrow.of(IllegalStateException.class).calling("issuer.retire(activeKid())")
                .because("the active key signs every new token; it cannot be retired")
                .from((ExpectThrow.Run) () -> issuer.retire(issuer.activeKid()));
    }
}
