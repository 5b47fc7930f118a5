package workshop.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A WireMock server on a loopback address and a free port, running one simulated scenario.
 * Close it when done (try-with-resources, the JUnit extension, or the last notebook cell).
 * <p>
 * Safe on a laptop, where any web page in the browser can send requests to loopback ports: it listens on 127.0.0.1
 * only, answers only requests addressed to a loopback name, serves no WireMock admin API over HTTP (stubs and the
 * request journal are reached in-process, through {@link #wireMock()}), grants no CORS, and keeps WireMock's file
 * root in a fresh temporary directory that is deleted on {@link #close()} — nothing is read from or written to the
 * user's folders.
 */
public final class SimulatedServer implements AutoCloseable {

    private final String name;
    private final WireMockServer wireMock;
    private final Clock clock;
    private final Path fileRoot;

    private SimulatedServer(String name, WireMockServer wireMock, Clock clock, Path fileRoot) {
        this.name = name;
        this.wireMock = wireMock;
        this.clock = clock;
        this.fileRoot = fileRoot;
    }

    /**
     * Starts a scenario: {@code stubs} registers its pages on the running server. Every server of the kit
     * starts here, so all share the laptop-safe setup: 127.0.0.1 only, a loopback {@code Host} check, no
     * WireMock admin API over HTTP, a temporary file root.
     *
     * @param port 0 for a free port (tests, notebooks), or a fixed port for a person with a browser
     */
    public static SimulatedServer start(String name, int port, Clock clock, Consumer<WireMockServer> stubs, Extension... extensions) {
        Path fileRoot = newFileRoot(name);
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
                // WireMock's default file root is ./src/test/resources: stubs saved there come back on the next start.
                .withRootDirectory(fileRoot.toString())
                .stubCorsEnabled(false)
                // The admin API is not served over HTTP at all (StubsOnlyHttpServerFactory); should it ever be, no
                // request passes this authenticator. The in-process Java API does not go through it.
                .adminAuthenticator(request -> false)
                .extensions(new StubsOnlyHttpServerFactory(), new LoopbackHostCheck())
                .extensions(extensions);
        WireMockServer server;
        try {
            server = new WireMockServer(options);
        } catch (RuntimeException e) {
            deleteFileRoot(fileRoot);
            throw e;
        }
        try {
            server.start();
            stubs.accept(server);
            Pages.addNotFoundPage(server, name);
        } catch (Exception e) { // WireMock rethrows Jetty's checked exceptions unchecked
            stopQuietly(server);
            deleteFileRoot(fileRoot);
            throw new SimulatorException("The simulated " + name + " could not start on port " + port
                    + " (" + e.getMessage() + "). With a fixed port, pick another one or omit it for a free one.", e);
        }
        return new SimulatedServer(name, server, clock, fileRoot);
    }

    private static Path newFileRoot(String name) {
        try {
            Path root = Files.createTempDirectory("workshop-simulator-"); // owner-only permissions on POSIX
            root.toFile().deleteOnExit(); // if close() is never called; it is empty unless something wrote there
            return root;
        } catch (IOException e) {
            throw new SimulatorException("The simulated " + name + " needs a temporary directory and could not create"
                    + " one in " + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + ").", e);
        }
    }

    private static void deleteFileRoot(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[simulator] could not delete the temporary directory " + root + ": " + e);
        }
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

    /** WireMock's file root: a temporary directory of this server, deleted on {@link #close()}. */
    Path fileRoot() {
        return fileRoot;
    }

    @Override
    public void close() {
        try {
            wireMock.stop();
        } finally {
            deleteFileRoot(fileRoot);
        }
    }

    @Override
    public String toString() {
        return isRunning() ? "simulated " + name + " at " + baseUri() : "simulated " + name + " (stopped)";
    }
}
