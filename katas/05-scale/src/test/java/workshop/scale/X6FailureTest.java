package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.cluster.AppCluster;
import workshop.simulator.cluster.Routing;
import workshop.simulator.cluster.ShopClient;
import workshop.simulator.redis.KitRedis;
import workshop.simulator.redis.RedisTimeouts;

@Order(6)
@DisplayName("X6 · Redis down, slow, or an instance dead")
class X6FailureTest {

    /** Short, explicit timeouts: a test never waits longer than these (plus a margin for a busy machine). */
    static final RedisTimeouts QUICK = new RedisTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
    static final Duration BOUND = Duration.ofMillis(500 + 500 + 2000);

    private final MutableClock clock = MutableClock.atWorkshopStart();

    private RedisSessionStore storeOn(KitRedis redis) {
        return new RedisSessionStore(redis.client(), TestRedis.prefix(redis, "x6"), clock, X2RedisStoreTest.IDLE,
                X2RedisStoreTest.ABSOLUTE);
    }

    private static long millisOf(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    @Order(1)
    @DisplayName("X6 · Redis down: the store throws SessionStoreUnavailableException, never an empty answer")
    void redisDown() {
        // Stopping the server needs one of our own: this test always uses the embedded Redis.
        try (KitRedis redis = KitRedis.embedded(QUICK)) {
            RedisSessionStore store = storeOn(redis);
            String id = store.create("ada");
            redis.stopServer();

            long[] took = new long[1];
            took[0] = millisOf(() -> ExpectThrow.expect(SessionStoreUnavailableException.class, "store.find(id) with Redis down",
                    () -> store.find(id),
                    "an empty answer would read as 'not logged in' or, worse, a caught exception as 'no session yet, make"
                            + " one': the store cannot know, so it says so. Wrap Jedis's JedisException in"
                            + " SessionStoreUnavailableException with a sentence that names what is down"));
            assertThat(Duration.ofMillis(took[0])).as("the failure comes within the configured timeouts (%s), not after"
                    + " minutes of hanging", QUICK).isLessThan(BOUND);
            SessionStoreUnavailableException e = ExpectThrow.expect(SessionStoreUnavailableException.class,
                    "store.create(\"ada\") with Redis down", () -> store.create("ada"), "no new session without a store");
            assertThat(e.getMessage()).as("the message says what failed, for the operator reading the log")
                    .containsIgnoringCase("redis");
            assertThat(e.getCause()).as("the Jedis exception is kept as the cause, never swallowed").isNotNull();
        }
    }

    @Test
    @Order(2)
    @DisplayName("X6 · Redis down behind the cluster: 503 with a reason, never 500, never logged in")
    void failClosedInTheCluster() {
        try (KitRedis redis = KitRedis.embedded(QUICK);
             AppCluster cluster = AppCluster.builder().clock(clock).sharedSessions(storeOn(redis)).start()) {
            ShopClient ada = cluster.newClient();
            assertThat(ada.login("ada", "lovelace").status()).isEqualTo(200);
            redis.stopServer();

            ShopClient.Answer[] me = new ShopClient.Answer[1];
            long took = millisOf(() -> me[0] = ada.get("/me"));

            assertThat(me[0].status()).as("Redis is down: the app must fail closed with 503 (%s)", me[0]).isEqualTo(503);
            assertThat(me[0].body()).as("the 503 names the store's exception").contains("SessionStoreUnavailableException")
                    .doesNotContain("ada\n");
            assertThat(Duration.ofMillis(took)).as("bounded by the Redis timeouts").isLessThan(BOUND);
            assertThat(ada.login("ada", "lovelace").status()).as("no login without a store either").isEqualTo(503);
        }
    }

    @Test
    @Order(3)
    @DisplayName("X6 · a Redis that answers slowly: the configured socket timeout bounds the wait")
    void slowRedis() {
        try (KitRedis redis = KitRedis.start(QUICK)) {
            RedisSessionStore store = storeOn(redis);
            String id = store.create("ada");
            try (RedisClient admin = redis.newClient(RedisTimeouts.DEFAULT)) {
                // CLIENT PAUSE: the server holds every other client's commands for 1.2 s, as a stalled Redis would.
                admin.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add("PAUSE").add("1200"));
                long took = millisOf(() -> ExpectThrow.expect(SessionStoreUnavailableException.class,
                        "store.find(id) while Redis stalls", () -> store.find(id),
                        "a stalled Redis must not stall every request thread: the socket timeout (500 ms here) ends the"
                                + " wait, and the store reports it like any other outage"));
                assertThat(Duration.ofMillis(took)).as("the wait ends at the socket timeout (500 ms), well before the"
                        + " pause ends").isLessThan(Duration.ofMillis(1100));
                admin.ping();   // answered once the pause is over
            }
            assertThat(store.find(id)).as("once Redis answers again nothing is lost: the session is still there")
                    .isPresent();
        }
    }

    @Test
    @Order(4)
    @DisplayName("X6 · an instance killed mid-session: with the shared store the user stays logged in")
    void instanceDies() {
        try (KitRedis redis = KitRedis.start();
             AppCluster cluster = AppCluster.builder().routing(Routing.STICKY).clock(clock)
                     .sharedSessions(storeOn(redis)).start()) {
            ShopClient ada = cluster.newClient();
            ada.login("ada", "lovelace");
            int home = ada.post("/cart", "item=tea").servedBy();

            cluster.kill(home);
            ShopClient.Answer cart = ada.get("/cart");

            assertThat(cart.servedBy()).as("the balancer moved ada to a live instance").isNotEqualTo(home);
            assertThat(cart.status()).as("the session lives in Redis, not in the dead instance: still logged in (compare"
                    + " X1, where it died with the instance)").isEqualTo(200);
            assertThat(cart.body()).isEqualTo("tea\n");
        }
    }

    @Test
    @Order(5)
    @DisplayName("X6 · the deny list's Redis down: the token check fails closed (503), it never waves a token through")
    void denyListDown() {
        TestTokens issuer = new TestTokens();
        try (KitRedis redis = KitRedis.embedded(QUICK)) {
            DenyList denyList = new DenyList(redis.client(), TestRedis.prefix(redis, "x6"), clock);
            JwtCheck check = new JwtCheck(issuer::jwks, TestTokens.ISSUER, denyList, clock);
            String token = issuer.token("ada", clock.instant(), clock.instant().plusSeconds(600));
            assertThat(check.userOf(token)).contains("ada");
            redis.stopServer();

            ExpectThrow.expect(SessionStoreUnavailableException.class, "jwtCheck.userOf(token) with the deny list down",
                    () -> check.userOf(token),
                    "the signature is fine but nobody can tell whether the token was revoked: accepting it would undo"
                            + " every logout, so the check fails closed (DenyList wraps Jedis's exception too)");
        }
    }
}
