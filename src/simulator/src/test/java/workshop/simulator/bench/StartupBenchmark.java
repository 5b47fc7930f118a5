package workshop.simulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import workshop.simulator.CookieSite;
import workshop.simulator.SimulatedServer;

/**
 * How long the cookie site takes from {@code start()} to its first answered request: the first start in
 * a fresh JVM (what a test class or a notebook pays) and warm restarts. Prints medians; asserts nothing.
 * <pre>mvn -q -pl src/simulator test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=workshop.simulator.bench.StartupBenchmark</pre>
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long coldStart = System.nanoTime();
        SimulatedServer first = CookieSite.start(Clock.systemUTC());
        long started = System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create(first.baseUri() + "/echo")).build(), HttpResponse.BodyHandlers.discarding());
        long answered = System.nanoTime();
        first.close();
        System.out.printf("first server in this JVM: start %.1f ms, first answer %.1f ms later (includes the HTTP client's own start)%n",
                (started - coldStart) / 1e6, (answered - started) / 1e6);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            warm.add(startAndAsk(http));
        }
        Collections.sort(warm);
        System.out.printf("later servers, start to first answer: median %.1f ms (min %.1f, max %.1f, n=%d)%n",
                warm.get(warm.size() / 2) / 1e6, warm.get(0) / 1e6, warm.get(warm.size() - 1) / 1e6, warm.size());
    }

    private static long startAndAsk(HttpClient http) throws Exception {
        long start = System.nanoTime();
        try (SimulatedServer server = CookieSite.start(Clock.systemUTC())) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/echo")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("unexpected status " + response.statusCode());
            }
            return System.nanoTime() - start;
        }
    }
}
