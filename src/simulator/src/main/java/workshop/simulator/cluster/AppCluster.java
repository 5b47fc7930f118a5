package workshop.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import workshop.simulator.SimulatorException;

/**
 * N instances of a small shop app behind a load balancer, all on 127.0.0.1 and free ports: module 05's test bed.
 * <pre>{@code
 * try (AppCluster cluster = AppCluster.builder().instances(3).start()) {
 *     ShopClient ada = cluster.newClient();
 *     ada.login("ada", "lovelace");          // instance 1 creates the session in its own memory
 *     ada.get("/me");                        // instance 2 has never heard of it: 401
 *     cluster.servedBy();                    // [1, 2]
 * }
 * }</pre>
 * Instances are numbered 1 to N, as a person counts them. Each calls a {@link SessionStore} per request: by default
 * its own {@link InMemorySessionStore} (gone when the instance is killed), or whatever {@link Builder#sessions}
 * supplies — one shared store (Redis) for all of them, the fix. {@link #kill(int)} stops an instance at once (its
 * port stops answering, the balancer skips it); {@link #restart(int)} starts it again on the same port with a
 * store from the same supplier. The balancer records where each request went ({@link #routed()}).
 * <p>
 * Laptop-safe like the kit's other servers: loopback only, a foreign {@code Host} gets 403, bodies over 16 KiB get
 * 413, every answer is {@code no-store}.
 */
public final class AppCluster implements AutoCloseable {

    private final Routing routing;
    private final IntFunction<SessionStore> stores;
    private final TokenCheck tokens;
    private final ShopApp[] apps;
    private final int[] ports;
    private final LoadBalancer balancer;

    private AppCluster(Builder b) throws IOException {
        this.routing = b.routing;
        this.stores = b.stores != null ? b.stores : n -> new InMemorySessionStore(b.clock);
        this.tokens = b.tokens;
        this.apps = new ShopApp[b.instances];
        this.ports = new int[b.instances];
        try {
            for (int n = 1; n <= b.instances; n++) {
                apps[n - 1] = ShopApp.start(n, 0, storeFor(n), tokens);
                ports[n - 1] = apps[n - 1].port();
            }
            this.balancer = LoadBalancer.start(routing, b.instances, n -> ports[n - 1]);
        } catch (IOException | RuntimeException e) {
            stopApps();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Three instances, round-robin, in-memory sessions, the system clock. */
    public static AppCluster start() {
        return builder().start();
    }

    /** The balancer's address, e.g. {@code http://127.0.0.1:41234}: where clients send their requests. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + balancer.port());
    }

    /** A path on the balancer, e.g. {@code uri("/me")}. */
    public URI uri(String path) {
        return baseUri().resolve(path.startsWith("/") ? path : "/" + path);
    }

    /** Instance {@code n}'s own address (1 to N), bypassing the balancer. */
    public URI instanceUri(int n) {
        return URI.create("http://127.0.0.1:" + ports[check(n) - 1]);
    }

    /** A client with its own cookie jar that talks to the balancer. */
    public ShopClient newClient() {
        return new ShopClient(baseUri());
    }

    public int size() {
        return apps.length;
    }

    public Routing routing() {
        return routing;
    }

    /** Whether instance {@code n} is running. */
    public synchronized boolean isAlive(int n) {
        return apps[check(n) - 1] != null;
    }

    /** The session store instance {@code n} uses now (its own in-memory one by default). */
    public synchronized SessionStore store(int n) {
        ShopApp app = apps[check(n) - 1];
        if (app == null) {
            throw new IllegalStateException("Instance " + n + " is not running; restart(" + n + ") it first.");
        }
        return app.store();
    }

    /** Stops instance {@code n} at once, as if its process died: its port stops answering, its memory is gone. */
    public synchronized void kill(int n) {
        ShopApp app = apps[check(n) - 1];
        if (app != null) {
            app.kill();
            apps[n - 1] = null;
        }
    }

    /** Starts instance {@code n} again on its old port, with a store from the supplier (in memory: an empty one). */
    public synchronized void restart(int n) {
        if (apps[check(n) - 1] != null) {
            return;
        }
        try {
            apps[n - 1] = ShopApp.start(n, ports[n - 1], storeFor(n), tokens);
        } catch (IOException e) {
            throw new SimulatorException("Instance " + n + " could not start again on port " + ports[n - 1] + " ("
                    + e.getMessage() + "): another process took the port meanwhile.", e);
        }
    }

    /** Every request the balancer received, oldest first, with the instance that answered it. */
    public List<Routed> routed() {
        return balancer.log();
    }

    /** The instance (1 to N, 0 for none) that answered each request, oldest first. */
    public List<Integer> servedBy() {
        List<Integer> out = new ArrayList<>();
        for (Routed r : balancer.log()) {
            out.add(r.instance());
        }
        return out;
    }

    /** The instance that answered the last request (0 if none did, or no request yet). */
    public int lastServedBy() {
        List<Routed> log = balancer.log();
        return log.isEmpty() ? 0 : log.get(log.size() - 1).instance();
    }

    /** Forgets the recorded routing (not the sessions). */
    public void clearRouted() {
        balancer.clearLog();
    }

    @Override
    public synchronized void close() {
        try {
            balancer.stop();
        } finally {
            stopApps();
        }
    }

    @Override
    public String toString() {
        StringBuilder alive = new StringBuilder();
        for (int n = 1; n <= apps.length; n++) {
            alive.append(n > 1 ? ", " : "").append(n).append(apps[n - 1] == null ? " (down)" : "");
        }
        return "shop cluster at " + baseUri() + ", " + routing + ", instances " + alive;
    }

    private void stopApps() {
        for (int i = 0; i < apps.length; i++) {
            if (apps[i] != null) {
                apps[i].kill();
                apps[i] = null;
            }
        }
    }

    private SessionStore storeFor(int n) {
        return Objects.requireNonNull(stores.apply(n), "the session store supplier returned null for instance " + n);
    }

    private int check(int n) {
        if (n < 1 || n > apps.length) {
            throw new IllegalArgumentException("Instances are numbered 1 to " + apps.length + ", got " + n + ".");
        }
        return n;
    }

    /** Settings of a cluster; {@link #start()} starts it. */
    public static final class Builder {
        private int instances = 3;
        private Routing routing = Routing.ROUND_ROBIN;
        private Clock clock = Clock.systemUTC();
        private IntFunction<SessionStore> stores;
        private TokenCheck tokens;

        private Builder() {
        }

        /** How many app instances, 1 to 16 (default 3). */
        public Builder instances(int count) {
            if (count < 1 || count > 16) {
                throw new IllegalArgumentException("A cluster has 1 to 16 instances, got " + count + ".");
            }
            this.instances = count;
            return this;
        }

        public Builder routing(Routing routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /** The clock of the default in-memory stores (use a MutableClock in tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The store each instance uses, by instance number (called again on restart). */
        public Builder sessions(IntFunction<SessionStore> storeOfInstance) {
            this.stores = Objects.requireNonNull(storeOfInstance, "storeOfInstance");
            return this;
        }

        /** One store shared by every instance (e.g. a store in Redis). */
        public Builder sharedSessions(SessionStore store) {
            Objects.requireNonNull(store, "store");
            return sessions(n -> store);
        }

        /** How instances check bearer tokens on {@code GET /api/me} (none by default: every token gets 401). */
        public Builder tokens(TokenCheck check) {
            this.tokens = Objects.requireNonNull(check, "check");
            return this;
        }

        public AppCluster start() {
            try {
                return new AppCluster(this);
            } catch (IOException e) {
                throw new UncheckedIOException("The shop cluster could not start on 127.0.0.1: " + e.getMessage(), e);
            }
        }
    }
}
