package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;
import workshop.simulator.cluster.AppCluster;
import workshop.simulator.cluster.ShopClient;
import workshop.simulator.redis.KitRedis;

@Order(3)
@DisplayName("X3 · atomic rotation and log out everywhere")
class X3RotationTest {

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
        prefix = TestRedis.prefix(redis, "x3");
        store = new RedisSessionStore(redis.client(), prefix, clock, X2RedisStoreTest.IDLE, X2RedisStoreTest.ABSOLUTE);
    }

    @Test
    @Order(1)
    @DisplayName("X3 · rotate: a new ID with the same user and attributes, the old ID dead")
    void rotate() {
        String old = store.create("ada");
        store.put(old, "cart", "tea");

        Optional<String> next = store.rotate(old);

        assertThat(next).as("rotate(id) of a live session returns its new ID").isPresent();
        assertThat(next.get()).as("a new, different ID").isNotEqualTo(old).matches("[A-Za-z0-9_-]{22}");
        assertThat(store.find(old)).as("the old ID is dead at once: whoever planted or read it loses the session (OWASP"
                + " Session Management Cheat Sheet, Renew the Session ID After Any Privilege Level Change)").isEmpty();
        assertThat(store.find(next.get())).as("the new ID finds the same user and cart").get()
                .satisfies(s -> assertThat(s.user()).isEqualTo("ada"))
                .satisfies(s -> assertThat(s.attribute("cart")).contains("tea"));
        assertThat(store.rotate("AAAAAAAAAAAAAAAAAAAAAA")).as("an unknown ID is not rotated").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("X3 · rotation keeps the absolute deadline")
    void rotationKeepsTheAbsoluteDeadline() {
        String id = store.create("ada");
        for (int minutes = 10; minutes <= 8 * 60 - 10; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            id = store.rotate(id).orElseThrow(() -> new AssertionError("a live session must rotate"));
        }
        clock.advance(Duration.ofMinutes(10));

        assertThat(store.find(id)).as("rotating every 10 minutes for 8 hours must not renew the absolute timeout: the"
                + " creation time moves with the session (RENAME keeps the hash), or a thief who keeps rotating keeps it"
                + " forever").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("X3 · eight concurrent rotations of one ID: exactly one wins, no window where both or neither work")
    void concurrentRotation() throws Exception {
        String old = store.create("ada");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<Optional<String>> rotation = () -> {
                    start.await();
                    return store.rotate(old);
                };
                results.add(pool.submit(rotation));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<Optional<String>> result : results) {
                result.get(10, TimeUnit.SECONDS).ifPresent(winners::add);
            }
            assertThat(winners).as("eight requests rotate the same ID at once: exactly one may get a new ID. A check"
                    + " (EXISTS) and a write (RENAME) in two round trips let several pass the check — make the move one"
                    + " atomic step (a Lua script, or WATCH + MULTI/EXEC; Redis docs, Transactions)").hasSize(1);
            assertThat(store.find(old)).as("the old ID is dead").isEmpty();
            assertThat(store.find(winners.get(0))).as("the winner's ID is alive").isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    @DisplayName("X3 · each user has an index of their session IDs, kept up to date by rotation")
    void userIndex() {
        String first = store.create("ada");
        String second = store.create("ada");
        store.create("alan");

        assertThat(redis.client().smembers(prefix + "user:ada")).as("the set %suser:ada lists ada's session IDs"
                + " (SADD on create): log out everywhere must not SCAN the whole database", prefix)
                .containsExactlyInAnyOrder(first, second);

        String rotated = store.rotate(first).orElseThrow();

        assertThat(redis.client().smembers(prefix + "user:ada")).as("rotation moves the index entry too, in the same"
                + " atomic step: the old ID out, the new one in").containsExactlyInAnyOrder(rotated, second);
    }

    @Test
    @Order(5)
    @DisplayName("X3 · deleteAllFor ends every session of the user, and only theirs")
    void deleteAllFor() {
        String a1 = store.create("ada");
        String a2 = store.create("ada");
        String a3 = store.create("ada");
        String alan = store.create("alan");
        store.delete(a3);

        int ended = store.deleteAllFor("ada");

        assertThat(ended).as("deleteAllFor(\"ada\") returns how many live sessions it ended: two (the third had already"
                + " logged out)").isEqualTo(2);
        assertThat(store.find(a1)).as("ada's first session").isEmpty();
        assertThat(store.find(a2)).as("ada's second session").isEmpty();
        assertThat(store.find(alan)).as("alan's session is none of ada's business").isPresent();
        assertThat(redis.client().exists(prefix + "user:ada")).as("the empty index is deleted too").isFalse();
        assertThat(store.deleteAllFor("nobody")).as("a user without sessions: 0, no error").isZero();
    }

    @Test
    @Order(6)
    @DisplayName("X3 · log out everywhere through the cluster ends the sessions on every instance")
    void logoutEverywhereInTheCluster() {
        try (AppCluster cluster = AppCluster.builder().clock(clock).sharedSessions(store).start()) {
            ShopClient laptop = cluster.newClient();
            ShopClient phone = cluster.newClient();
            laptop.login("ada", "lovelace");
            phone.login("ada", "lovelace");
            String before = laptop.cookie("__Host-SESSION").orElseThrow();
            assertThat(laptop.login("ada", "lovelace").status()).as("logging in again rotates the session").isEqualTo(200);
            assertThat(laptop.cookie("__Host-SESSION")).as("a new session ID at the second login (session fixation)")
                    .isPresent().get().isNotEqualTo(before);

            ShopClient.Answer everywhere = phone.post("/logout-everywhere", "");

            assertThat(everywhere.body()).as("the app reports how many sessions deleteAllFor ended").contains("2 sessions");
            for (int i = 0; i < 3; i++) {
                assertThat(laptop.get("/me").status()).as("the laptop's session is over on every instance").isEqualTo(401);
            }
        }
    }
}
