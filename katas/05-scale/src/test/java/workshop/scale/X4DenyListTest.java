package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.cluster.AppCluster;
import workshop.simulator.cluster.ShopClient;
import workshop.simulator.redis.KitRedis;

@Order(4)
@DisplayName("X4 · JWTs across instances, and a deny list for logging out now")
class X4DenyListTest {

    private static KitRedis redis;
    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final TestTokens issuer = new TestTokens();
    private String prefix;
    private DenyList denyList;
    private JwtCheck check;

    @BeforeAll
    static void startRedis() {
        redis = KitRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void newCheck() {
        prefix = TestRedis.prefix(redis, "x4");
        denyList = new DenyList(redis.client(), prefix, clock);
        check = new JwtCheck(issuer::jwks, TestTokens.ISSUER, denyList, clock);
    }

    private String tokenFor(String user) {
        return issuer.token(user, clock.instant(), clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    @Order(1)
    @DisplayName("X4 · a token signed with the published key is accepted by every instance, with no shared state")
    void acceptedEverywhere() {
        String token = tokenFor("ada");
        try (AppCluster cluster = AppCluster.builder().clock(clock).tokens(check).start()) {
            ShopClient client = cluster.newClient();
            for (int i = 0; i < 3; i++) {
                ShopClient.Answer me = client.getWithToken("/api/me", token);
                assertThat(me.status()).as("GET /api/me with a valid ES256 token on instance %d: JwtCheck finds the key by"
                        + " the token's kid in the JWK Set (RFC 7515 section 4.1.4, RFC 7517 section 5) and verifies"
                        + " the signature, issuer and exp on the app's clock (%s)", me.servedBy(), me).isEqualTo(200);
                assertThat(me.body()).isEqualTo("ada\n");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("X4 · an expired, foreign-issuer, unknown-key or jti-less token is refused")
    void refused() {
        Instant now = clock.instant();
        TestTokens stranger = new TestTokens();
        assertThat(check.userOf(issuer.token("ada", now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)))))
                .as("exp one minute ago by the app's clock (the MutableClock, not today's date): refused").isEmpty();
        assertThat(check.userOf(issuer.builder("ada", now, now.plusSeconds(600)).issuer("https://evil.example")
                .id("j1").compact())).as("iss is not the expected issuer: refused (RFC 8725 section 3.8)").isEmpty();
        assertThat(check.userOf(stranger.token("ada", now, now.plusSeconds(600))))
                .as("signed by a key the JWK Set does not publish: refused").isEmpty();
        assertThat(check.userOf(issuer.builder("ada", now, now.plusSeconds(600)).compact()))
                .as("kit policy: a token without a jti cannot be revoked, so it is not accepted (RFC 7519 section 4.1.7)")
                .isEmpty();
        assertThat(check.userOf("not.a.token")).as("garbage is refused, not an exception (that would be a 503)").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("X4 · a revoked jti is refused on every instance at once")
    void revokedEverywhere() {
        String token = tokenFor("ada");
        String jti = TestTokens.verify(issuer.jwks(), token, clock).orElseThrow().getId();
        try (AppCluster cluster = AppCluster.builder().clock(clock).tokens(check).start()) {
            ShopClient client = cluster.newClient();
            assertThat(client.getWithToken("/api/me", token).status()).isEqualTo(200);

            assertThat(denyList.revoke(jti, clock.instant().plus(Duration.ofMinutes(10)))).as("revoke answers true when it"
                    + " adds the jti").isTrue();

            for (int i = 0; i < 3; i++) {
                ShopClient.Answer me = client.getWithToken("/api/me", token);
                assertThat(me.status()).as("instance %d must refuse the revoked token: the signature is still valid, so"
                        + " only the shared deny list can end it before exp (OWASP JWT Cheat Sheet, Token Explicit"
                        + " Revocation by the User)", me.servedBy()).isEqualTo(401);
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("X4 · a deny-list entry expires with the token, by the app's clock (PTTL, not EXAT)")
    void entryExpiresWithTheToken() {
        Instant exp = clock.instant().plus(Duration.ofMinutes(10));

        denyList.revoke("jti-1", exp);

        long pttl = redis.client().pttl(prefix + "deny:jti-1");
        assertThat(pttl).as("PTTL of %sdeny:jti-1 must be the token's remaining life, exp - now = 600000 ms by the app's"
                + " clock. %s. The test clock stands at %s, not today: SET … EXAT <exp> would compare exp with Redis's own"
                + " clock and expire the entry at once (PTTL -2) — compute PX = exp - clock.instant() in the app instead."
                + " With no TTL (-1) the deny list grows forever", prefix,
                pttl == -2 ? "The key is missing (already expired?)" : pttl == -1 ? "The key has no TTL" : "It is " + pttl,
                clock.instant()).isBetween(600_000L - 10_000, 600_000L);
        assertThat(denyList.isRevoked("jti-1")).isTrue();
    }

    @Test
    @Order(5)
    @DisplayName("X4 · revoking twice keeps the first entry; an expired token needs no entry; an unknown jti is not revoked")
    void edgeCases() {
        Instant exp = clock.instant().plus(Duration.ofMinutes(10));
        assertThat(denyList.revoke("jti-2", exp)).isTrue();
        assertThat(denyList.revoke("jti-2", exp.plus(Duration.ofDays(365)))).as("a second revoke of the same jti answers"
                + " false and must not stretch the entry (SET … NX)").isFalse();
        assertThat(redis.client().pttl(prefix + "deny:jti-2")).isLessThanOrEqualTo(600_000L);

        assertThat(denyList.revoke("jti-3", clock.instant().minusSeconds(1))).as("a token that has already expired is"
                + " refused by its exp anyway: nothing to store, answer false").isFalse();
        assertThat(redis.client().exists(prefix + "deny:jti-3")).isFalse();

        assertThat(denyList.isRevoked("never-issued")).as("an unknown jti is simply not on the list").isFalse();
    }

    @Test
    @Order(6)
    @DisplayName("X4 · a malformed jti is refused with a clear error and nothing is stored")
    void malformedJti() {
        ExpectThrow.expect(IllegalArgumentException.class, "denyList.revoke(\"a b*\\r\\n\", exp)",
                () -> denyList.revoke("a b*\r\n", clock.instant().plusSeconds(60)),
                "kit policy: a jti is 1 to 128 characters of A-Z a-z 0-9 '_' '-'; anything else would put attacker text"
                        + " into a Redis key (wildcards, newlines)");
        assertThat(redis.client().keys(prefix + "*")).as("nothing was stored").isEmpty();
    }
}
