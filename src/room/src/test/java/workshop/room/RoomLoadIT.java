package workshop.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A full room on loopback: 100 learners each post their results every 5 s for two minutes ({@code room.load.seconds}
 * shortens it while iterating), while a dashboard long-polls the grid exactly as the page does (the next poll 100 ms
 * after an answer). Asserts that nothing is lost; reports, without asserting, the update latency: from a post's
 * accepted answer to the first poll answer that includes it. Written to {@code target/room-load.txt}.
 */
class RoomLoadIT {

    private static final int LEARNERS = 100;
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final Pattern VERSION = Pattern.compile("\"version\":([0-9]+)");

    private record Accepted(long version, long ackNanos, long roundTripNanos) {
    }

    @Test
    @DisplayName("100 learners posting every 5 s: every post answered 2xx and counted; update latency reported")
    void fullRoom() throws Exception {
        long seconds = Long.getLong("room.load.seconds", 120);
        Syllabus kit = Syllabus.of(Path.of("../.."));
        List<String> steps = kit.steps().get("01-cookies");
        try (RoomServer server = new RoomServer(new Room(kit, Clock.systemUTC(), RoomServer.MAX_LEARNERS),
                RoomFixture.CODE, RoomFixture.KEY, false, Clock.systemUTC(), Duration.ofSeconds(20)).start(0)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            ConcurrentSkipListMap<Long, Long> firstSeen = new ConcurrentSkipListMap<>();
            Thread dashboard = new Thread(() -> poll(http, base, firstSeen), "load-dashboard");
            dashboard.setDaemon(true);
            dashboard.start();

            ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
            AtomicLong sent = new AtomicLong();
            ScheduledExecutorService learners = Executors.newScheduledThreadPool(8);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int l = 0; l < LEARNERS; l++) {
                String name = "learner " + l;
                AtomicLong round = new AtomicLong();
                learners.scheduleAtFixedRate(() -> {
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    long n = round.getAndIncrement();
                    sent.incrementAndGet();
                    String body = RoomClient.json(name, progress(steps, n));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/results"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header(RoomServer.CODE_HEADER, RoomFixture.CODE)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long ack = System.nanoTime();
                        Matcher m = VERSION.matcher(r.body());
                        if (r.statusCode() / 100 != 2 || !m.find()) {
                            lost.add(name + ": HTTP " + r.statusCode() + " " + r.body().strip());
                            return;
                        }
                        accepted.add(new Accepted(Long.parseLong(m.group(1)), ack, ack - start));
                    } catch (Exception e) {
                        lost.add(name + ": " + e);
                    }
                }, EVERY.toMillis() * l / LEARNERS, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
            while (System.nanoTime() < end) {
                Thread.sleep(200);
            }
            learners.shutdown();
            assertThat(learners.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            long last = server.room().version();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((firstSeen.isEmpty() || firstSeen.lastKey() < last) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            dashboard.interrupt();

            List<Long> latencies = new ArrayList<>();
            List<Long> roundTrips = new ArrayList<>();
            int early = 0;
            for (Accepted a : accepted) {
                Map.Entry<Long, Long> seen = firstSeen.ceilingEntry(a.version());
                if (seen != null) {
                    long latency = seen.getValue() - a.ackNanos();
                    early += latency < 0 ? 1 : 0;
                    latencies.add(Math.max(0, latency));
                }
                roundTrips.add(a.roundTripNanos());
            }
            String report = String.join("\n",
                    "Room load test (" + Instant.now() + ")",
                    "learners: " + LEARNERS + ", each posting every " + EVERY.toSeconds() + " s for " + seconds + " s on loopback",
                    "posts sent: " + sent.get() + ", answered 2xx: " + accepted.size() + ", lost: " + lost.size()
                            + ", counted by the server: " + server.room().accepted(),
                    "update latency (post accepted -> dashboard poll shows it), " + latencies.size() + " posts: median "
                            + ms(percentile(latencies, 50)) + ", p99 " + ms(percentile(latencies, 99)) + ", max "
                            + ms(percentile(latencies, 100)) + " (" + early + " shown before the post's answer arrived: 0 ms)",
                    "post round trip: median " + ms(percentile(roundTrips, 50)) + ", p99 " + ms(percentile(roundTrips, 99)),
                    "dashboard polls answered: " + firstSeen.size() + " distinct versions seen");
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "room-load.txt"), report + "\n", StandardCharsets.UTF_8);

            assertThat(lost).as("every post answered 2xx").isEmpty();
            assertThat(accepted).hasSize((int) sent.get());
            assertThat(server.room().accepted()).as("the server counted every post").isEqualTo(sent.get());
            assertThat(server.room().learners()).isEqualTo(LEARNERS);
            assertThat(latencies).as("the dashboard saw every accepted post").hasSize(accepted.size());
        }
    }

    /** A learner's n-th run: the steps before n/2 green, that one red, the rest not run; a hint now and then. */
    private static List<StepResult> progress(List<String> steps, long n) {
        List<StepResult> results = new ArrayList<>();
        int at = (int) Math.min(steps.size(), n / 2);
        for (int i = 0; i < steps.size(); i++) {
            String status = i < at ? StepResult.PASSED : i == at ? StepResult.FAILED : StepResult.NOT_RUN;
            results.add(new StepResult("01-cookies", steps.get(i), status, i == at ? (int) (n % 2) : 0, Instant.now()));
        }
        return results;
    }

    /** The dashboard page's loop: long poll, note when each version was first seen, wait 100 ms, poll again. */
    private static void poll(HttpClient http, URI base, ConcurrentSkipListMap<Long, Long> firstSeen) {
        long version = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(version < 0 ? "/api/grid" : "/api/grid?after=" + version))
                        .timeout(Duration.ofSeconds(30)).header(RoomServer.KEY_HEADER, RoomFixture.KEY).GET().build();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                Matcher m = VERSION.matcher(r.body());
                if (m.find()) {
                    version = Long.parseLong(m.group(1));
                    firstSeen.putIfAbsent(version, now);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // Keep polling, as the page does.
            }
        }
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
