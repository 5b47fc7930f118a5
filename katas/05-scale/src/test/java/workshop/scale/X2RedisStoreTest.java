package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
import workshop.simulator.cluster.StoredSession;
import workshop.simulator.redis.KitRedis;

@Order(2)
@DisplayName("X2 · a session store in Redis")
class X2RedisStoreTest {

    static final Duration IDLE = Duration.ofMinutes(15);
    static final Duration ABSOLUTE = Duration.ofHours(8);

    private static KitRedis redis;
    private final MutableClock clock = MutableClock.atWorkshopStart();
    private String prefix;
    private RedisSessionStore store;

    @BeforeAll
    static void startRedis() {
        redis = KitRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void newStore() {
        prefix = TestRedis.prefix(redis, "x2");
        store = new RedisSessionStore(redis.client(), prefix, clock, IDLE, ABSOLUTE);
    }

    @Test
    @Order(1)
    @DisplayName("X2 · a session is a hash under the prefix, never a raw ID as a key")
    void aHashUnderThePrefix() {
        String id = store.create("ada");

        assertThat(redis.client().type(prefix + "session:" + id))
                .as("create(\"ada\") must write the hash %ssession:<id> (HSET). A hash per session keeps the user and each"
                        + " attribute as fields, read in one HGETALL", prefix).isEqualTo("hash");
        assertThat(redis.client().hget(prefix + "session:" + id, "user")).as("the hash's field 'user'").isEqualTo("ada");
        assertThat(redis.client().exists(id)).as("the raw session ID must never be a key of its own: a shared Redis holds"
                + " other apps' keys, and an ID could collide with one or be read as one (prefix every key)").isFalse();
        assertThat(id).as("the ID is 128 random bits, base64url (22 characters), as in kata 02 (OWASP Session Management"
                + " Cheat Sheet, Session ID Entropy)").matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    @Order(2)
    @DisplayName("X2 · find returns the user and the attributes put into the session")
    void findAndPut() {
        String id = store.create("ada");
        assertThat(store.put(id, "cart", "tea")).as("put on a live session answers true").isTrue();

        Optional<StoredSession> found = store.find(id);

        assertThat(found).as("find(id) of a live session").isPresent();
        assertThat(found.get().user()).isEqualTo("ada");
        assertThat(found.get().attributes()).as("attributes come back by name, without the 'user'/'created' bookkeeping"
                + " fields").isEqualTo(Map.of("cart", "tea"));
        assertThat(store.find("AAAAAAAAAAAAAAAAAAAAAA")).as("an ID nobody was given finds nothing").isEmpty();
        assertThat(store.put("AAAAAAAAAAAAAAAAAAAAAA", "cart", "tea")).as("put on an unknown session answers false"
                + " and creates nothing").isFalse();
        assertThat(redis.client().exists(prefix + "session:AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("X2 · the key's TTL is the idle timeout: Redis forgets an abandoned session by itself")
    void ttlIsTheIdleTimeout() {
        String id = store.create("ada");

        long pttl = redis.client().pttl(prefix + "session:" + id);

        assertThat(pttl).as("PTTL of the session key right after create: the idle timeout (15 min = %d ms). Without a TTL"
                + " an abandoned session lives in Redis forever (-1 means no TTL); Redis docs, EXPIRE", IDLE.toMillis())
                .isBetween(IDLE.toMillis() - 10_000, IDLE.toMillis());
    }

    @Test
    @Order(4)
    @DisplayName("X2 · every request slides the idle timeout; 15 idle minutes end the session")
    void slidingIdle() {
        String id = store.create("ada");
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(store.find(id)).as("a request every 10 minutes keeps the session alive (sliding), %d minutes in",
                    i * 10).isPresent();
        }
        assertThat(redis.client().pttl(prefix + "session:" + id)).as("find restarts the TTL at the idle timeout"
                + " (PEXPIRE on each request)").isGreaterThan(IDLE.toMillis() - 10_000);

        clock.advance(IDLE);

        assertThat(store.find(id)).as("15 minutes without a request by the app's clock: the session is over. The store"
                + " checks the idle deadline itself (the hash keeps the last request's time): Redis's TTL runs on real"
                + " time, the app's rules on its own clock").isEmpty();
        assertThat(redis.client().exists(prefix + "session:" + id)).as("an expired session found by find is deleted")
                .isFalse();
    }

    @Test
    @Order(5)
    @DisplayName("X2 · the absolute timeout ends even a busy session after 8 hours, and caps the TTL")
    void absoluteTimeout() {
        String id = store.create("ada");
        for (int minutes = 10; minutes <= 8 * 60 - 10; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(store.find(id)).as("busy session, %d minutes in", minutes).isPresent();
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.find(id)).as("busy session, 7 h 55 min in").isPresent();
        assertThat(redis.client().pttl(prefix + "session:" + id)).as("7 h 55 min in, 5 minutes remain before the absolute"
                + " deadline: the TTL must not reach past it (min(idle, created + 8 h - now))")
                .isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis()).isPositive();

        clock.advance(Duration.ofMinutes(10));

        assertThat(store.find(id)).as("8 hours after creation the session ends however busy it is: activity never extends"
                + " the absolute timeout (OWASP Session Management Cheat Sheet, Absolute Timeout)").isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("X2 · oversized session data is refused and the session keeps what it had")
    void oversizedData() {
        String id = store.create("ada");
        store.put(id, "cart", "tea");

        ExpectThrow.expect(IllegalArgumentException.class, "put(id, \"cart\", <5000 characters>)",
                () -> store.put(id, "cart", "x".repeat(5000)),
                "kit policy: an attribute holds at most RedisSessionStore.MAX_VALUE_LENGTH (4096) characters; a session"
                        + " is read on every request, so it holds references, not documents");

        assertThat(store.find(id).flatMap(s -> s.attribute("cart"))).as("a refused put changes nothing: the cart is"
                + " still 'tea'").contains("tea");
    }

    @Test
    @Order(7)
    @DisplayName("X2 · malformed session data in Redis is never a logged-in user")
    void malformedData() {
        String id = "BBBBBBBBBBBBBBBBBBBBBB";
        redis.client().hset(prefix + "session:" + id, Map.of("user", "admin", "created", "yesterday"));

        assertThat(store.find(id)).as("a hash without valid 'created'/'last' times was not written by this store"
                + " (or was damaged): find must answer empty — not throw a NumberFormatException (a 503 for the user),"
                + " and never trust the user name in it").isEmpty();
        assertThat(store.find("../../etc/passwd")).as("an ID that is not 22 base64url characters is not looked up")
                .isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("X2 · a store without a key prefix is refused")
    void prefixRequired() {
        ExpectThrow.expect(IllegalArgumentException.class, "new RedisSessionStore(client, \"\", …)",
                () -> new RedisSessionStore(redis.client(), "", clock, IDLE, ABSOLUTE),
                "keys are prefixed (e.g. namespace() + \"shop:\") so that a team's shared Redis never mixes sessions"
                        + " with other keys, and the prefix ends in ':' by convention");
        ExpectThrow.expect(IllegalArgumentException.class, "new RedisSessionStore(client, prefix, clock, idle 9 h, absolute 8 h)",
                () -> new RedisSessionStore(redis.client(), prefix, clock, Duration.ofHours(9), ABSOLUTE),
                "an idle timeout longer than the absolute one is a configuration mistake (as in kata 02, S3)");
    }

    @Test
    @Order(9)
    @DisplayName("X2 · behind a round-robin balancer every instance knows the user")
    void sharedAcrossInstances() {
        try (AppCluster cluster = AppCluster.builder().instances(3).clock(clock).sharedSessions(store).start()) {
            ShopClient ada = cluster.newClient();
            java.util.Set<Integer> served = new java.util.TreeSet<>();
            assertThat(ada.login("ada", "lovelace").status()).isEqualTo(200);
            assertThat(ada.post("/cart", "item=tea").status()).as("POST /cart on the next instance").isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                ShopClient.Answer me = ada.get("/me");
                served.add(me.servedBy());
                assertThat(me.status()).as("GET /me on instance %d: the session lives in Redis, which every instance"
                        + " asks — the fix for X1's lost user (%s)", me.servedBy(), me).isEqualTo(200);
            }
            assertThat(ada.get("/cart").body()).as("the cart written on one instance is read on another").isEqualTo("tea\n");
            assertThat(served).as("round robin really spread the requests").containsExactly(1, 2, 3);
        }
    }
}
