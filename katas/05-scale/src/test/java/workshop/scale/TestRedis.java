package workshop.scale;

import java.util.concurrent.atomic.AtomicInteger;
import workshop.simulator.redis.KitRedis;

/** The kata's Redis: embedded by default, or REDIS_URL; a fresh key prefix per test under the start's namespace. */
final class TestRedis {

    private static final AtomicInteger TESTS = new AtomicInteger();

    private TestRedis() {
    }

    /** A prefix no other test uses, e.g. {@code workshop:3f9a…:x2-7:}; KitRedis.close() deletes it with the namespace. */
    static String prefix(KitRedis redis, String step) {
        return redis.namespace() + step + "-" + TESTS.incrementAndGet() + ":";
    }
}
