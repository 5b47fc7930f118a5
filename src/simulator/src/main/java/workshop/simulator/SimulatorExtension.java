package workshop.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a simulated server before a test class and stops it after:
 * <pre>
 * static final MutableClock clock = MutableClock.atWorkshopStart();
 * &#64;RegisterExtension
 * static final SimulatorExtension site = SimulatorExtension.of(CookieSite::start, clock);
 * </pre>
 * Register it on a {@code static} field, so one server serves the whole class on a free port.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Function<Clock, SimulatedServer> starter;
    private final Clock clock;
    private SimulatedServer server;

    private SimulatorExtension(Function<Clock, SimulatedServer> starter, Clock clock) {
        this.starter = Objects.requireNonNull(starter);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A scenario started with the given clock, e.g. {@code of(CookieSite::start, clock)}. */
    public static SimulatorExtension of(Function<Clock, SimulatedServer> starter, Clock clock) {
        return new SimulatorExtension(starter, clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.apply(clock);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server. */
    public SimulatedServer server() {
        if (server == null) {
            throw new IllegalStateException("The simulated server is not running: register SimulatorExtension on a static field "
                    + "with @RegisterExtension so it starts before the tests.");
        }
        return server;
    }

    public URI baseUri() {
        return server().baseUri();
    }

    public URI uri(String pathAndQuery) {
        return server().uri(pathAndQuery);
    }

    /** What the server saw last, as text: use it in assertion messages. */
    public String lastExchange() {
        return server().lastExchange();
    }

    public String transcript() {
        return server().transcript();
    }
}
