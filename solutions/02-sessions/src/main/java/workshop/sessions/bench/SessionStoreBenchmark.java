package workshop.sessions.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import workshop.sessions.SessionStore;

/**
 * A rough benchmark of the model {@link SessionStore} (not a test, not JMH: medians of a few runs).
 * Run: {@code mvn -q -Psolutions -pl solutions/02-sessions -am compile} then
 * {@code java -cp solutions/02-sessions/target/classes workshop.sessions.bench.SessionStoreBenchmark}.
 */
public final class SessionStoreBenchmark {

    private static final int LIVE = 100_000;
    private static final int RUNS = 5;
    private static final Duration IDLE = Duration.ofMinutes(15);
    private static final Duration ABSOLUTE = Duration.ofHours(8);
    // above the largest store measured here (the default limit is 100,000 sessions)
    private static final int MAX_SESSIONS = 2_000_000;

    /** A clock the benchmark moves by hand; reading it costs one volatile read. */
    static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static volatile Object sink;

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        lookups();
        memory();
        cleanup();
    }

    /** Lookups per second on one thread with 100,000 live sessions. */
    static void lookups() {
        HandClock clock = new HandClock();
        SessionStore store = new SessionStore(clock, IDLE, ABSOLUTE, MAX_SESSIONS);
        String[] ids = new String[LIVE];
        for (int i = 0; i < LIVE; i++) {
            ids[i] = store.login(null, "user" + (i % 1000)).id();
        }
        int[] order = new SplittableRandom(42).ints(2_000_000, 0, LIVE).toArray();
        double[] perSecond = new double[RUNS];
        for (int warm = 0; warm < 3; warm++) {
            findAll(store, ids, order);
        }
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int found = findAll(store, ids, order);
            long elapsed = System.nanoTime() - start;
            if (found != order.length) {
                throw new IllegalStateException("lost sessions: " + found);
            }
            perSecond[run] = order.length / (elapsed / 1e9);
        }
        System.out.printf(Locale.ROOT, "lookups, 1 thread, %,d live sessions: median %,.0f/s (runs: %s)%n",
                LIVE, median(perSecond), format(perSecond, "%,.0f"));
    }

    private static int findAll(SessionStore store, String[] ids, int[] order) {
        int found = 0;
        for (int i : order) {
            if (store.find(ids[i]).isPresent()) {
                found++;
            }
        }
        return found;
    }

    /** Heap per idle logged-in session (ID, user, times, empty attribute map, index entries). */
    static void memory() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double[] bytes = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            HandClock clock = new HandClock();
            long before = usedAfterGc(memory);
            SessionStore store = new SessionStore(clock, IDLE, ABSOLUTE, MAX_SESSIONS);
            for (int i = 0; i < LIVE; i++) {
                store.login(null, "user" + (i % 1000));
            }
            long after = usedAfterGc(memory);
            bytes[run] = (after - before) / (double) LIVE;
            sink = store;
            sink = null;
        }
        System.out.printf(Locale.ROOT, "memory per idle session (%,d sessions): median %,.0f bytes (runs: %s)%n",
                LIVE, median(bytes), format(bytes, "%,.0f"));
    }

    /**
     * What a mass expiry costs, for stores of different sizes: every session created at once, then the clock
     * moved past the idle timeout. Measured: the cost of one request while due sessions remain (the first 50
     * requests, each a find of an unknown ID, which purges a batch), how many such requests and how long it
     * takes until every expired session has left memory, and, on a second store, one full purgeExpired.
     */
    static void cleanup() {
        System.out.println("mass expiry (requests are finds of an unknown ID; each purges a bounded batch):");
        cleanupRun(100_000);   // warm-up: let the JIT compile the purge path before measuring
        cleanupRun(100_000);
        for (int live : new int[] {10_000, 100_000, 1_000_000}) {
            double[] perRequest = new double[RUNS];
            double[] requests = new double[RUNS];
            double[] reclaimMillis = new double[RUNS];
            double[] sweep = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                double[] measured = cleanupRun(live);
                perRequest[run] = measured[0];
                requests[run] = measured[1];
                reclaimMillis[run] = measured[2];
                HandClock clock = new HandClock();
                SessionStore store = expiredStore(clock, live);
                long start = System.nanoTime();
                store.purgeExpired();
                sweep[run] = (System.nanoTime() - start) / 1e6;
                if (store.size() != 0) {
                    throw new IllegalStateException("expired sessions left: " + store.size());
                }
            }
            System.out.printf(Locale.ROOT, "  %,9d sessions: %,6.0f ns per request during the rush (runs: %s); all gone "
                            + "after %,.0f requests, %,.1f ms (runs: %s); one full purgeExpired instead: %,.1f ms%n",
                    live, median(perRequest), format(perRequest, "%,.0f"), median(requests), median(reclaimMillis),
                    format(reclaimMillis, "%,.1f"), median(sweep));
        }
    }

    /** One mass expiry: {ns per request over the first 50 requests, requests until empty, ms until empty}. */
    private static double[] cleanupRun(int live) {
        HandClock clock = new HandClock();
        SessionStore store = expiredStore(clock, live);
        int first = 50;
        long start = System.nanoTime();
        long requests = 0;
        long firstNanos = 0;
        while (store.size() > 0) {
            sink = store.find("AAAAAAAAAAAAAAAAAAAAAA");
            if (++requests == first) {
                firstNanos = System.nanoTime() - start;
            }
            if (requests > 10L * live) {
                throw new IllegalStateException("requests do not clean up: " + store.size() + " left");
            }
        }
        long total = System.nanoTime() - start;
        return new double[] {(requests < first ? total : firstNanos) / (double) Math.min(first, requests), requests, total / 1e6};
    }

    private static SessionStore expiredStore(HandClock clock, int live) {
        SessionStore store = new SessionStore(clock, IDLE, ABSOLUTE, MAX_SESSIONS);
        for (int i = 0; i < live; i++) {
            store.create();
        }
        clock.advance(IDLE.plusMinutes(1));
        return store;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);   // lets a concurrent collector finish; this is a benchmark, not a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values, String pattern) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, pattern, v));
        }
        return out.toString();
    }

    private SessionStoreBenchmark() {
    }
}
