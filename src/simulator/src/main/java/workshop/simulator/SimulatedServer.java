package workshop.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A WireMock server on a loopback address and a free port, running one simulated scenario.
 * Close it when done (try-with-resources, the JUnit extension, or the last notebook cell).
 */
public final class SimulatedServer implements AutoCloseable {

    private final String name;
    private final WireMockServer wireMock;
    private final Clock clock;

    private SimulatedServer(String name, WireMockServer wireMock, Clock clock) {
        this.name = name;
        this.wireMock = wireMock;
        this.clock = clock;
    }

    /**
     * Starts a scenario: {@code stubs} registers its pages on the running server.
     *
     * @param port 0 for a free port (tests, notebooks), or a fixed port for a person with a browser
     */
    static SimulatedServer start(String name, int port, Clock clock, Consumer<WireMockServer> stubs, Extension... extensions) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .containerThreads(16)
                .jettyAcceptors(1)
                .asynchronousResponseEnabled(false)
                // Plain HTTP/1.1, as a browser talks to an http:// site: no h2c upgrade (java.net.http
                // offers one by default, and its 401 answers then arrive broken on some JVM setups).
                .http2PlainDisabled(true)
                .maxLoggedResponseSize(4096)
                .notifier(new QuietNotifier())
                .extensions(extensions);
        WireMockServer server = new WireMockServer(options);
        try {
            server.start();
            stubs.accept(server);
            Pages.addNotFoundPage(server, name);
        } catch (Exception e) { // WireMock rethrows Jetty's checked exceptions unchecked
            stopQuietly(server);
            throw new SimulatorException("The simulated " + name + " could not start on port " + port
                    + " (" + e.getMessage() + "). With a fixed port, pick another one or omit it for a free one.", e);
        }
        return new SimulatedServer(name, server, clock);
    }

    private static void stopQuietly(WireMockServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // It never fully started; the start failure is the error worth reporting.
        }
    }

    /** The scenario's name, e.g. "cookie site". */
    public String name() {
        return name;
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + wireMock.port());
    }

    /** The address of a path on this server, e.g. {@code uri("/prefs?theme=dark")}. */
    public URI uri(String pathAndQuery) {
        return baseUri().resolve(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }

    public int port() {
        return wireMock.port();
    }

    /** The clock the server uses for expiry dates and token times. */
    public Clock clock() {
        return clock;
    }

    /** The underlying WireMock server, to add stubs or inspect requests. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Every request the server received, oldest first, with its response. */
    public List<ServeEvent> exchanges() {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents()); // WireMock lists newest first
        Collections.reverse(events);
        return events;
    }

    /** The last exchange as readable text (request line, cookie headers, response status, Set-Cookie). */
    public String lastExchange() {
        List<ServeEvent> all = exchanges();
        return all.isEmpty() ? "(no request yet)" : ExchangePrinter.format(all.get(all.size() - 1));
    }

    /** Every exchange as readable text, oldest first. */
    public String transcript() {
        StringBuilder out = new StringBuilder();
        for (ServeEvent e : exchanges()) {
            out.append(ExchangePrinter.format(e)).append('\n');
        }
        return out.toString();
    }

    /** Forgets the recorded exchanges (not the scenario's state). */
    public void clearExchanges() {
        wireMock.resetRequests();
    }

    public boolean isRunning() {
        return wireMock.isRunning();
    }

    @Override
    public void close() {
        wireMock.stop();
    }

    @Override
    public String toString() {
        return isRunning() ? "simulated " + name + " at " + baseUri() : "simulated " + name + " (stopped)";
    }
}
