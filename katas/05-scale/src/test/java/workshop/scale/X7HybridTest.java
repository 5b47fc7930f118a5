package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Claims;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.scale.HybridAuth.Tokens;
import workshop.simulator.MutableClock;
import workshop.simulator.redis.KitRedis;

@Order(7)
@DisplayName("X7 · hybrid: short access JWT + refresh session in Redis")
class X7HybridTest {

    static final Duration ACCESS = Duration.ofMinutes(5);
    static final Duration REFRESH_IDLE = Duration.ofDays(1);
    static final Duration REFRESH_ABSOLUTE = Duration.ofDays(14);

    private static KitRedis redis;
    private final MutableClock clock = MutableClock.atWorkshopStart();
    private String prefix;
    private TokenIssuer issuer;
    private DenyList denyList;
    private HybridAuth auth;

    @BeforeAll
    static void startRedis() {
        redis = KitRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void newAuth() {
        prefix = TestRedis.prefix(redis, "x7");
        issuer = new TokenIssuer(clock, TestTokens.ISSUER, ACCESS);
        denyList = new DenyList(redis.client(), prefix + "jwt:", clock);
        RedisSessionStore refresh = new RedisSessionStore(redis.client(), prefix + "refresh:", clock, REFRESH_IDLE,
                REFRESH_ABSOLUTE);
        auth = new HybridAuth(refresh, issuer, denyList, clock);
    }

    private Claims claims(String access) {
        return TestTokens.verify(issuer.jwksJson(), access, clock)
                .orElseThrow(() -> new AssertionError("the access token must verify with the issuer's JWK Set"));
    }

    @Test
    @Order(1)
    @DisplayName("X7 · login gives a 5-minute access JWT and a refresh session kept in Redis")
    void login() {
        Tokens tokens = auth.login("ada");

        assertThat(claims(tokens.access()).getSubject()).isEqualTo("ada");
        assertThat(claims(tokens.access()).getExpiration().toInstant()).as("the access token lives 5 minutes: short"
                + " enough that no instance needs to ask Redis about it").isEqualTo(clock.instant().plus(ACCESS));
        assertThat(redis.client().hget(prefix + "refresh:session:" + tokens.refresh(), "user"))
                .as("the refresh ID is a server-side session (RedisSessionStore under %srefresh:), so the server can end"
                        + " it at once", prefix).isEqualTo("ada");
    }

    @Test
    @Order(2)
    @DisplayName("X7 · refresh gives a new access token and rotates the refresh ID; the old refresh ID is dead")
    void refreshRotates() {
        Tokens first = auth.login("ada");
        clock.advance(Duration.ofMinutes(4));

        Optional<Tokens> second = auth.refresh(first.refresh());

        assertThat(second).as("a live refresh session gives new tokens").isPresent();
        assertThat(second.get().refresh()).as("the refresh ID is rotated at each use").isNotEqualTo(first.refresh());
        assertThat(claims(second.get().access()).getId()).as("a new access token (a new jti)")
                .isNotEqualTo(claims(first.access()).getId());
        assertThat(claims(second.get().access()).getExpiration().toInstant()).isEqualTo(clock.instant().plus(ACCESS));
        assertThat(auth.refresh(first.refresh())).as("the old refresh ID is dead: a stolen copy used later gets nothing"
                + " (OAuth 2.0 Security BCP, RFC 9700 section 4.14.2: refresh token rotation)").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("X7 · logout ends the refresh session and denies the current access token at once")
    void logout() {
        Tokens tokens = auth.login("ada");
        String jti = claims(tokens.access()).getId();

        assertThat(auth.logout(tokens.refresh())).as("logout of a live refresh session answers true").isTrue();

        assertThat(auth.refresh(tokens.refresh())).as("the refresh session is over").isEmpty();
        assertThat(denyList.isRevoked(jti)).as("the access token still in the browser is on the deny list until its exp:"
                + " logout means now, not in 5 minutes").isTrue();
        assertThat(redis.client().pttl(prefix + "jwt:deny:" + jti)).as("and its entry expires with the token")
                .isBetween(1L, ACCESS.toMillis());
    }

    @Test
    @Order(4)
    @DisplayName("X7 · log out everywhere ends every refresh session of the user and denies their access tokens, and only theirs")
    void logoutEverywhere() {
        Tokens laptop = auth.login("ada");
        Tokens phone = auth.login("ada");
        Tokens alan = auth.login("alan");
        Tokens phoneNext = auth.refresh(phone.refresh()).orElseThrow();

        int ended = auth.logoutEverywhere("ada");

        assertThat(ended).as("two refresh sessions of ada (one rotated, still in the user index)").isEqualTo(2);
        assertThat(auth.refresh(laptop.refresh())).as("the laptop cannot refresh").isEmpty();
        assertThat(auth.refresh(phoneNext.refresh())).as("nor the phone, with its rotated ID").isEmpty();
        assertThat(auth.refresh(alan.refresh())).as("alan is not logged out").isPresent();
        assertThat(denyList.isRevoked(claims(laptop.access()).getId())).as("the laptop's access token is denied at once:"
                + " log out everywhere means now, not when the last access token expires (read each refresh session's"
                + " current jti before you end it)").isTrue();
        assertThat(denyList.isRevoked(claims(phoneNext.access()).getId())).as("and the phone's newest one").isTrue();
        assertThat(denyList.isRevoked(claims(alan.access()).getId())).as("alan's access token stays valid").isFalse();
    }

    @Test
    @Order(5)
    @DisplayName("X7 · an unused refresh session ends after its idle timeout")
    void refreshIdle() {
        Tokens tokens = auth.login("ada");
        clock.advance(REFRESH_IDLE);

        assertThat(auth.refresh(tokens.refresh())).as("a day without a refresh: the refresh session is over and the user"
                + " logs in again (the same idle rule as any server-side session)").isEmpty();
    }
}
