package workshop.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import workshop.simulator.redis.KitRedis;
import workshop.simulator.redis.RedisTimeouts;

/**
 * The cluster with a real (embedded) Redis as its shared store: every instance serves the session, and when Redis
 * goes down the app answers 503 within the Redis timeouts, never 500, never "logged in".
 */
class RedisBehindTheClusterTest {

    /** Just enough of a Redis store to plug in (kata 05 builds the real one: expiry, rotation, the user index). */
    private static final class MinimalRedisStore implements SessionStore {
        private final RedisClient redis;
        private final SecureRandom random = new SecureRandom();

        MinimalRedisStore(RedisClient redis) {
            this.redis = redis;
        }

        @Override
        public String create(String user) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            redis.hset("test-session:" + id, Map.of("user", user));
            return id;
        }

        @Override
        public Optional<StoredSession> find(String id) {
            Map<String, String> hash = redis.hgetAll("test-session:" + id);
            return hash.containsKey("user") ? Optional.of(new StoredSession(hash.get("user"), Map.of())) : Optional.empty();
        }

        @Override
        public boolean put(String id, String name, String value) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public Optional<String> rotate(String id) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public boolean delete(String id) {
            return redis.del("test-session:" + id) == 1;
        }

        @Override
        public int deleteAllFor(String user) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void aSharedRedisStoreServesEveryInstanceAndFailsClosedWhenRedisDies() {
        RedisTimeouts quick = new RedisTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
        try (KitRedis redis = KitRedis.embedded(quick);
             AppCluster cluster = AppCluster.builder().sharedSessions(new MinimalRedisStore(redis.client())).start()) {
            ShopClient ada = cluster.newClient();
            assertThat(ada.login("ada", "lovelace").status()).isEqualTo(200);
            assertThat(ada.get("/me").body()).isEqualTo("ada\n");
            assertThat(ada.get("/me").body()).isEqualTo("ada\n");
            assertThat(cluster.servedBy()).containsExactly(1, 2, 3);

            redis.stopServer();
            long start = System.nanoTime();
            ShopClient.Answer down = ada.get("/me");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the Redis timeouts")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("JedisConnectionException", "fails closed").doesNotContain("ada\n");
            assertThat(ada.login("ada", "lovelace").status()).as("no new session without a store either").isEqualTo(503);
        }
    }
}
