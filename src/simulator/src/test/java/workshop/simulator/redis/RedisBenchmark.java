package workshop.simulator.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * What the embedded Redis costs: start time, and session lookups over loopback with 100,000 live sessions (a hash
 * per session). Lookup variants run in alternating rounds so that a slow moment of the machine hits all of them;
 * each figure is the median over rounds. Prints; asserts nothing.
 * <pre>mvn -q -pl src/simulator test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=workshop.simulator.redis.RedisBenchmark</pre>
 */
public final class RedisBenchmark {

    private static final int SESSIONS = 100_000;
    private static final int LOOKUPS_PER_ROUND = 20_000;
    private static final int ROUNDS = 5;
    private static final int BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        startTimes();
        try (KitRedis redis = KitRedis.embedded()) {
            System.out.println(redis);
            RedisClient client = redis.client();
            long usedBefore = usedMemory(client);
            long t0 = System.nanoTime();
            populate(client);
            System.out.printf("populate %,d sessions (pipelined HSET + EXPIRE): %.0f ms; Redis memory %.1f MB, %.0f bytes"
                            + " per session%n", SESSIONS, (System.nanoTime() - t0) / 1e6,
                    (usedMemory(client) - usedBefore) / 1e6, (usedMemory(client) - usedBefore) / (double) SESSIONS);

            Map<String, String> memory = new ConcurrentHashMap<>();
            for (int i = 0; i < SESSIONS; i++) {
                memory.put(id(i), "ada");
            }
            for (int warm = 0; warm < 2; warm++) {   // JIT and connection warm-up, not reported
                lookups(client, "HGETALL", new Random(warm));
            }
            List<String> variants = List.of("HGETALL", "HGET", "HGETALL+EXPIRE", "in-memory map");
            Map<String, List<double[]>> results = new java.util.LinkedHashMap<>();
            variants.forEach(v -> results.put(v, new ArrayList<>()));
            for (int round = 0; round < ROUNDS; round++) {
                for (String v : variants) {
                    Random random = new Random(round * 31L + v.hashCode());
                    results.get(v).add(v.equals("in-memory map") ? memoryLookups(memory, random) : lookups(client, v, random));
                }
            }
            System.out.printf("one lookup at a time, %,d per round, %d rounds (median of the rounds' figures):%n",
                    LOOKUPS_PER_ROUND, ROUNDS);
            for (String v : variants) {
                List<double[]> r = results.get(v);
                System.out.printf("  %-15s p50 %7.1f µs   p99 %7.1f µs   p99.9 %7.1f µs%n", v,
                        median(r, 0), median(r, 1), median(r, 2));
            }
            List<Double> pipelined = new ArrayList<>();
            List<Double> threaded = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                pipelined.add(pipelinedThroughput(client, new Random(round)));
                threaded.add(threadedThroughput(client, 4, new Random(round)));
            }
            System.out.printf("pipelined HGETALL, batches of %,d: median %,.0f lookups/s%n", BATCH, medianOf(pipelined));
            System.out.printf("4 threads, one HGETALL per call (pooled connections): median %,.0f lookups/s%n",
                    medianOf(threaded));
        }
    }

    /** Started in a fresh JVM by {@link #startTimes()}: prints the milliseconds from nothing to the first PONG. */
    public static final class ColdStart {
        public static void main(String[] args) {
            long t = System.nanoTime();
            try (KitRedis r = KitRedis.embedded()) {
                r.client().ping();
                System.out.println("COLD " + (System.nanoTime() - t) / 1e6);
            }
        }
    }

    private static void startTimes() throws Exception {
        List<Double> cold = new ArrayList<>();
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < 5; i++) {
            Process p = new ProcessBuilder(javaBin, "-cp", classPath(), ColdStart.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            out.lines().filter(l -> l.startsWith("COLD ")).forEach(l -> cold.add(Double.parseDouble(l.substring(5))));
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long s = System.nanoTime();
            try (KitRedis r = KitRedis.embedded()) {
                r.client().ping();
                warm.add((System.nanoTime() - s) / 1e6);
            }
        }
        Collections.sort(cold);
        Collections.sort(warm);
        System.out.printf("embedded Redis, start to first PONG: in a fresh JVM median %.0f ms (min %.0f, max %.0f, n=%d;"
                        + " includes loading Jedis); later starts in the same JVM median %.0f ms (min %.0f, max %.0f, n=%d)%n",
                medianOf(cold), cold.get(0), cold.get(cold.size() - 1), cold.size(),
                medianOf(warm), warm.get(0), warm.get(warm.size() - 1), warm.size());
    }

    /** The test class path: under {@code exec:java} it is the class loader's, not {@code java.class.path} (Maven's own). */
    private static String classPath() throws Exception {
        if (RedisBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                entries.add(java.nio.file.Path.of(url.toURI()).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void populate(RedisClient client) {
        for (int start = 0; start < SESSIONS; start += BATCH) {
            try (Pipeline p = client.pipelined()) {
                for (int i = start; i < start + BATCH; i++) {
                    String key = "session:" + id(i);
                    p.hset(key, Map.of("user", "user" + (i % 1000), "created", "1764374400", "lastAccess", "1764374400",
                            "cart", "tea\ncoffee"));
                    p.expire(key, 3600);
                }
                p.sync();
            }
        }
    }

    /** p50, p99, p99.9 in µs of one round of single lookups. */
    private static double[] lookups(RedisClient client, String variant, Random random) {
        long[] nanos = new long[LOOKUPS_PER_ROUND];
        for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
            String key = "session:" + id(random.nextInt(SESSIONS));
            long s = System.nanoTime();
            Object found;
            switch (variant) {
                case "HGETALL" -> found = client.hgetAll(key);
                case "HGET" -> found = client.hget(key, "user");
                default -> {
                    try (Pipeline p = client.pipelined()) {   // one round trip: read and slide the idle timeout
                        Response<Map<String, String>> r = p.hgetAll(key);
                        p.expire(key, 3600);
                        p.sync();
                        found = r.get();
                    }
                }
            }
            nanos[i] = System.nanoTime() - s;
            if (found == null) {
                throw new IllegalStateException("session missing: " + key);
            }
        }
        return percentiles(nanos);
    }

    private static double[] memoryLookups(Map<String, String> memory, Random random) {
        long[] nanos = new long[LOOKUPS_PER_ROUND];
        for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
            String key = id(random.nextInt(SESSIONS));
            long s = System.nanoTime();
            String user = memory.get(key);
            nanos[i] = System.nanoTime() - s;
            if (user == null) {
                throw new IllegalStateException("missing");
            }
        }
        return percentiles(nanos);
    }

    private static double pipelinedThroughput(RedisClient client, Random random) {
        int total = 50 * BATCH;
        long s = System.nanoTime();
        for (int b = 0; b < total / BATCH; b++) {
            try (Pipeline p = client.pipelined()) {
                for (int i = 0; i < BATCH; i++) {
                    p.hgetAll("session:" + id(random.nextInt(SESSIONS)));
                }
                p.sync();
            }
        }
        return total / ((System.nanoTime() - s) / 1e9);
    }

    private static double threadedThroughput(RedisClient client, int threads, Random seed) throws Exception {
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            long s = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed.nextLong());
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        client.hgetAll("session:" + id(random.nextInt(SESSIONS)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return threads * perThread / ((System.nanoTime() - s) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static long usedMemory(RedisClient client) {
        return Long.parseLong(KitRedis.infoField(client.info("memory"), "used_memory").orElseThrow());
    }

    private static String id(int i) {
        return String.format("%022d", i);   // the length of a 128-bit base64url session ID
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[(int) (sorted.length * 0.999)] / 1e3};
    }

    private static double median(List<double[]> rounds, int index) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(r -> values.add(r[index]));
        return medianOf(values);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
