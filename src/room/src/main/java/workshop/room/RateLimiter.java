package workshop.room;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets by key (a learner's name, a source address): {@code capacity} requests at once, then
 * {@code perSecond} a second. Time comes from the injected clock, so tests need no sleeps.
 */
final class RateLimiter {

    private static final int MAX_KEYS = 10_000;

    private final double capacity;
    private final double perSecond;
    private final Clock clock;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimiter(int capacity, double perSecond, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes one token; empty if allowed, else how long until the next token (for {@code Retry-After}). */
    synchronized Optional<Duration> take(String key) {
        double now = clock.millis() / 1000.0;
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            // Forget full buckets: they carry no state a fresh one would not have.
            buckets.values().removeIf(b -> Math.min(capacity, b[0] + (now - b[1]) * perSecond) >= capacity);
        }
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
        b[0] = Math.min(capacity, b[0] + (now - b[1]) * perSecond);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - b[0]) / perSecond * 1000)));
    }
}
