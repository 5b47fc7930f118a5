package workshop.simulator.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * A small HTTP reverse proxy on its own loopback port: round-robin over the instances, skipping dead ones, with an
 * optional affinity cookie ({@link Routing}). It forwards method, path, headers and body, adds
 * {@code X-Served-By}, and records every routing decision.
 */
final class LoadBalancer {

    /** The affinity cookie of the sticky modes; its value names the instance, e.g. {@code instance-2}. */
    static final String AFFINITY = "LB_INSTANCE";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "proxy-connection", "http2-settings");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Routing routing;
    private final int instances;
    private final IntUnaryOperator portOf;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http;
    private final List<Routed> log = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private int next; // the instance (0-based) round-robin tries first; guarded by this

    private LoadBalancer(Routing routing, int instances, IntUnaryOperator portOf) throws IOException {
        this.routing = routing;
        this.instances = instances;
        this.portOf = portOf;
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "shop-balancer");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
        // The client keeps its own executor: sharing the server's would let 8 waiting requests starve their answers.
        this.server = Loopback.server(0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Starts a balancer for instances 1..{@code instances}; {@code portOf(n)} is instance n's (last) port. */
    static LoadBalancer start(Routing routing, int instances, IntUnaryOperator portOf) throws IOException {
        LoadBalancer lb = new LoadBalancer(routing, instances, portOf);
        lb.server.start();
        return lb;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Routed> log() {
        return List.copyOf(log);
    }

    void clearLog() {
        log.clear();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            long seq = sequence.incrementAndGet();
            if (!Loopback.check(exchange, "load balancer")) {
                log.add(new Routed(seq, method, path, 0, 403, "foreign Host refused"));
                return;
            }
            byte[] body = Loopback.body(exchange);
            if (body == null) {
                log.add(new Routed(seq, method, path, 0, 413, "body too large"));
                Loopback.tooLarge(exchange);
                return;
            }
            try {
                route(exchange, seq, method, body);
            } catch (IllegalArgumentException e) {   // a path or header value the HTTP client will not send on
                log.add(new Routed(seq, method, path, 0, 400, "not forwardable: " + e.getMessage()));
                Loopback.send(exchange, 400, "400 Bad Request: the balancer cannot forward this request.\n");
            }
        }
    }

    private void route(HttpExchange exchange, long seq, String method, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        List<String> notes = new ArrayList<>();
        int pinned = routing == Routing.ROUND_ROBIN ? 0 : affinity(exchange);
        List<Integer> order = new ArrayList<>();
        if (pinned > 0) {
            order.add(pinned);
        }
        for (int n : roundRobinOrder(pinned == 0)) {
            if (n != pinned) {
                order.add(n);
            }
        }
        for (int target : order) {
            HttpResponse<byte[]> response;
            int port = portOf.applyAsInt(target);
            try {
                response = forward(exchange, method, body, port);
            } catch (IOException e) {
                if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
                    log.add(new Routed(seq, method, path, target, 504, "instance " + target + " did not answer"));
                    Loopback.send(exchange, 504, "504 Gateway Timeout: instance " + target + " did not answer within "
                            + ANSWER_TIMEOUT.toSeconds() + " s.\n");
                    return;
                }
                if (!isDown(port, e)) {
                    log.add(new Routed(seq, method, path, target, 502, "instance " + target + " failed: " + e));
                    Loopback.send(exchange, 502, "502 Bad Gateway: instance " + target + " broke the connection.\n");
                    return;
                }
                if (target == pinned) {
                    notes.add("instance " + target + " (from the " + AFFINITY + " cookie) is down");
                    if (routing == Routing.STICKY_STRICT) {
                        log.add(new Routed(seq, method, path, 0, 503, String.join("; ", notes)));
                        Loopback.send(exchange, 503, "503 Service Unavailable: your instance (" + pinned + ") is down"
                                + " and this balancer keeps each user on one instance (sticky, strict). Try again when"
                                + " it is back, or use a shared session store so that any instance can serve you.\n");
                        return;
                    }
                } else {
                    notes.add("instance " + target + " is down, skipped");
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding", e);
            }
            boolean newAffinity = routing != Routing.ROUND_ROBIN && target != pinned;
            if (target != pinned && (pinned != 0 || target != order.get(0))) {
                advancePast(target);   // an instance was skipped: the turn moves past the one that answered
            }
            // Logged before the answer leaves: a client that has its answer finds it in the record.
            log.add(new Routed(seq, method, path, target, response.statusCode(), String.join("; ", notes)));
            relay(exchange, response, target, newAffinity);
            return;
        }
        log.add(new Routed(seq, method, path, 0, 503, String.join("; ", notes)));
        Loopback.send(exchange, 503, "503 Service Unavailable: no app instance is alive behind this balancer.\n");
    }

    /** Every instance (1-based), starting where round-robin left off; {@code claim} moves the turn on. */
    private synchronized List<Integer> roundRobinOrder(boolean claim) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            order.add((next + i) % instances + 1);
        }
        if (claim) {
            next = (next + 1) % instances;
        }
        return order;
    }

    private synchronized void advancePast(int instance) {
        next = instance % instances;
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String method, byte[] body, int port)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // What the balancer itself vouches for is never taken from the client (no spoofed X-Forwarded-For).
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("x-served-by")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void relay(HttpExchange exchange, HttpResponse<byte[]> response, int target, boolean newAffinity)
            throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            }
        });
        exchange.getResponseHeaders().set("X-Served-By", "instance-" + target);
        if (newAffinity) {
            exchange.getResponseHeaders().add("Set-Cookie", AFFINITY + "=instance-" + target + "; Path=/; HttpOnly; SameSite=Lax");
        }
        byte[] bytes = response.body();
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD")
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The instance named by a well-formed affinity cookie, or 0. */
    private int affinity(HttpExchange exchange) {
        List<String> lines = exchange.getRequestHeaders().get("Cookie");
        if (lines == null) {
            return 0;
        }
        for (String line : lines) {
            for (String pair : line.split(";")) {
                String p = pair.strip();
                if (p.startsWith(AFFINITY + "=instance-")) {
                    try {
                        int n = Integer.parseInt(p.substring(AFFINITY.length() + "=instance-".length()));
                        return n >= 1 && n <= instances ? n : 0;
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    /**
     * Whether a failed forward means the instance is gone: refused at once, or (a pooled connection that the dying
     * instance closed) nothing listens on its port any more. Either way the request never reached a live app.
     */
    private static boolean isDown(int port, IOException e) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException || e.getCause() instanceof ConnectException) {
            return true;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }
}
