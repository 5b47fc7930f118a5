package workshop.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The instructor's room server (JDK {@code HttpServer}). Learners post their step results with the room code; the
 * dashboard reads the grid and the CSV with the instructor key. It assumes every web page any learner (or the
 * instructor) has open may send it requests, so every request must name this server in {@code Host} (DNS
 * rebinding), must not come from another site ({@code Sec-Fetch-Site}, {@code Origin}), and must carry a secret;
 * it sends no CORS headers, bounds what it reads and answers every mistake with a 4xx and a sentence.
 */
public final class RoomServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 7878;
    public static final int MAX_BODY = 16 * 1024;
    public static final int MAX_LEARNERS = 200;
    public static final int MAX_NAME = 40;
    public static final int MAX_STEPS = 400;
    public static final int MAX_HINTS = 3;
    public static final String CODE_HEADER = "X-Room-Code";
    public static final String KEY_HEADER = "X-Room-Key";
    /** Per source address: room for 100 learners behind one address posting every 5 s (20 a second). */
    static final int ADDRESS_BURST = 200;
    static final double ADDRESS_PER_SECOND = 40;
    /** Per learner: a watch-mode burst, then one post a second. */
    static final int LEARNER_BURST = 10;
    static final double LEARNER_PER_SECOND = 1;

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Pattern PRINTABLE_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]+");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** The body a learner's build posts. */
    record Post(String name, List<Step> steps) {
    }

    /** One step in a post (see {@link StepResult}). */
    record Step(String kata, String step, String status, Integer hints, String at) {
    }

    /** A request refused with a status and a sentence. */
    private static final class Refused extends Exception {
        final int status;
        final Map<String, String> headers;

        Refused(int status, String sentence) {
            this(status, sentence, Map.of());
        }

        Refused(int status, String sentence, Map<String, String> headers) {
            super(sentence, null, false, false);
            this.status = status;
            this.headers = headers;
        }
    }

    private final Room room;
    private final String code;
    private final String key;
    private final boolean lan;
    private final Duration longPoll;
    private final RateLimiter byAddress;
    private final RateLimiter byLearner;
    private final Map<String, byte[]> files;
    private final AtomicInteger threads = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;
    private Set<String> hosts = Set.of();
    private String shownHost;

    /**
     * A server for {@code room}, not yet started.
     *
     * @param code     the room code learners send
     * @param key      the instructor key the dashboard sends
     * @param lan      listen on every interface (the room's network) instead of 127.0.0.1 only
     * @param clock    the rate limits' time
     * @param longPoll how long a dashboard poll waits for news before it answers with the same grid
     */
    public RoomServer(Room room, String code, String key, boolean lan, Clock clock, Duration longPoll) {
        this.room = room;
        this.code = code;
        this.key = key;
        this.lan = lan;
        this.longPoll = longPoll;
        this.byAddress = new RateLimiter(ADDRESS_BURST, ADDRESS_PER_SECOND, clock);
        this.byLearner = new RateLimiter(LEARNER_BURST, LEARNER_PER_SECOND, clock);
        this.files = Map.of(
                "/", resource("dashboard.html"),
                "/room.js", resource("room.js"),
                "/room.css", resource("room.css"));
    }

    /** Starts listening on {@code port} (0: a free port). */
    public RoomServer start(int port) {
        try {
            InetAddress bind = lan ? InetAddress.getByName("0.0.0.0") : InetAddress.getLoopbackAddress();
            server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + " (is another room server running?"
                    + " Choose another with -Droom.port=…): " + e.getMessage(), e);
        }
        int actual = server.getAddress().getPort();
        Set<String> names = new LinkedHashSet<>();
        names.add("127.0.0.1:" + actual);
        names.add("localhost:" + actual);
        shownHost = "127.0.0.1:" + actual;
        if (lan) {
            for (InetAddress a : lanAddresses()) {
                String host = a.getHostAddress() + ":" + actual;
                names.add(host);
                if (shownHost.startsWith("127.")) {
                    shownHost = host;
                }
            }
        }
        hosts = Collections.unmodifiableSet(names);
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "room-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The address learners use: 127.0.0.1, or with {@code lan} the machine's first LAN address. */
    public URI url() {
        return URI.create("http://" + shownHost);
    }

    /** The dashboard's address, the instructor key in the fragment (a fragment never leaves the browser). */
    public URI dashboardUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/#key=" + key);
    }

    /** The {@code Host} values this server answers to. */
    public Set<String> hosts() {
        return hosts;
    }

    public Room room() {
        return room;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ───────────────────────────────────────────── requests

    private void exchange(HttpExchange ex) {
        try (ex) {
            try {
                handle(ex);
            } catch (Refused r) {
                r.headers.forEach((name, value) -> ex.getResponseHeaders().set(name, value));
                send(ex, r.status, "text/plain; charset=utf-8", (r.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The other side went away: nothing to answer.
            } catch (RuntimeException e) {
                // Never a stack trace on the wire: one sentence, the details stay here.
                send(ex, 500, "text/plain; charset=utf-8",
                        "The room server could not answer this request.\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The other side went away while we answered.
        }
    }

    private void handle(HttpExchange ex) throws Refused, IOException, InterruptedException {
        Headers h = ex.getRequestHeaders();
        String host = Optional.ofNullable(h.getFirst("Host")).orElse("").toLowerCase(Locale.ROOT);
        if (!hosts.contains(host)) {
            throw new Refused(421, "This room server answers only to " + String.join(" or ", hosts) + " in the Host"
                    + " header, not '" + abbreviate(host) + "': a page that reaches a local server through its own DNS"
                    + " name (DNS rebinding) is refused. Use the address the instructor shows.");
        }
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new Refused(403, "Refused: the browser says this request comes from another site (Sec-Fetch-Site: "
                    + abbreviate(site) + "). Only the dashboard's own page may call the room (kit policy, after"
                    + " OWASP's CSRF Prevention Cheat Sheet, Fetch Metadata).");
        }
        String origin = h.getFirst("Origin");
        if (origin != null && !hosts.contains(originHost(origin))) {
            throw new Refused(403, "Refused: the request comes from the page of another origin (Origin: "
                    + abbreviate(origin) + "). The room sends no CORS headers and answers only its own page.");
        }
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        switch (path) {
            case "/", "/room.js", "/room.css" -> {
                allowed(method, "GET");
                limitAddress(ex);
                String type = path.equals("/") ? "text/html; charset=utf-8"
                        : path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
                send(ex, 200, type, files.get(path));
            }
            case "/api/results" -> {
                allowed(method, "POST");
                results(ex);
            }
            case "/api/grid" -> {
                allowed(method, "GET");
                instructor(ex);
                long after = after(ex.getRequestURI().getRawQuery());
                if (after >= 0) {
                    room.awaitChange(after, longPoll);
                }
                send(ex, 200, "application/json", JSON.writeValueAsBytes(room.view()));
            }
            case "/api/export.csv" -> {
                allowed(method, "GET");
                instructor(ex);
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"room.csv\"");
                send(ex, 200, "text/csv; charset=utf-8; header=present", room.csv().getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new Refused(404, "Nothing here: the dashboard is at / and learners post to"
                    + " /api/results.");
        }
    }

    private void results(HttpExchange ex) throws Refused, IOException {
        limitAddress(ex);
        if (!RoomSecrets.matches(code, RoomSecrets.normaliseCode(ex.getRequestHeaders().getFirst(CODE_HEADER)))) {
            throw new Refused(403, "Wrong room code: use the 8-character code the instructor shows"
                    + " (-Droom.code=…, sent in the " + CODE_HEADER + " header).");
        }
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;\\s*charset=\"?utf-8\"?\\s*)?")) {
            throw new Refused(415, "The results must be sent as Content-Type: application/json, not '"
                    + abbreviate(type) + "' (a form or text/plain post is what another site's page could send).");
        }
        Post post = parse(body(ex));
        String name = validName(post.name());
        List<StepResult> steps = validSteps(post.steps());
        Optional<Duration> wait = byLearner.take("learner:" + name);
        if (wait.isPresent()) {
            throw tooMany(wait.get(), "Too many results from " + name + " at once");
        }
        long version;
        try {
            version = room.accept(name, steps);
        } catch (Room.FullException e) {
            throw new Refused(403, e.getMessage());
        }
        send(ex, 200, "application/json", JSON.writeValueAsBytes(Map.of("accepted", steps.size(), "version", version)));
    }

    private void instructor(HttpExchange ex) throws Refused {
        if (!RoomSecrets.matches(key, ex.getRequestHeaders().getFirst(KEY_HEADER))) {
            limitAddress(ex);
            throw new Refused(403, "This is the instructor's dashboard: open the dashboard URL the room server printed"
                    + " (its #key=… part is the instructor key; the room code alone does not open it).");
        }
    }

    private void limitAddress(HttpExchange ex) throws Refused {
        Optional<Duration> wait = byAddress.take("address:" + ex.getRemoteAddress().getAddress().getHostAddress());
        if (wait.isPresent()) {
            throw tooMany(wait.get(), "Too many requests from this address");
        }
    }

    private static Refused tooMany(Duration wait, String what) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Refused(429, what + ": try again in " + seconds + " s (the room limits requests so that guessing"
                + " the code is hopeless).", Map.of("Retry-After", Long.toString(seconds)));
    }

    private static void allowed(String method, String allowed) throws Refused {
        if (!method.equals(allowed)) {
            throw new Refused(405, method + " is not allowed here; use " + allowed + ".", Map.of("Allow", allowed));
        }
    }

    private static long after(String query) throws Refused {
        if (query == null || query.isEmpty()) {
            return -1;
        }
        if (!query.matches("after=[0-9]{1,18}")) {
            throw new Refused(400, "The only query is after=N (the version the page has).");
        }
        return Long.parseLong(query.substring("after=".length()));
    }

    private static byte[] body(HttpExchange ex) throws Refused, IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && (!length.matches("[0-9]{1,12}") || Long.parseLong(length) > MAX_BODY)) {
            throw new Refused(413, "The body is larger than " + MAX_BODY / 1024 + " KiB: the room takes step results only.");
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Refused(413, "The body is larger than " + MAX_BODY / 1024 + " KiB: the room takes step results only.");
            }
            return body;
        }
    }

    private static Post parse(byte[] body) throws Refused {
        Post post;
        try {
            post = JSON.readValue(body, Post.class);
        } catch (UnrecognizedPropertyException e) {
            throw new Refused(400, "Unknown field '" + abbreviate(e.getPropertyName()) + "': the room accepts only"
                    + " name and steps, and per step " + String.join(", ", StepResult.FIELDS)
                    + " (it refuses anything more, so that nothing else is ever collected).");
        } catch (JsonProcessingException e) {
            String why = Optional.ofNullable(e.getOriginalMessage()).orElse("").lines().findFirst().orElse("");
            throw new Refused(400, "The body is not the room's JSON: " + abbreviate(why));
        } catch (IOException e) {
            throw new Refused(400, "The body could not be read as JSON.");
        }
        if (post == null) {
            throw new Refused(400, "The body is empty: send {\"name\": …, \"steps\": […]}.");
        }
        return post;
    }

    private static String validName(String raw) throws Refused {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new Refused(400, "The name is missing: run with -Droom.name=\"Your name\".");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new Refused(400, "The name is longer than " + MAX_NAME + " characters: use a shorter -Droom.name.");
        }
        if (!PRINTABLE_NAME.matcher(name).matches()) {
            throw new Refused(400, "The name may contain letters, digits, punctuation, symbols and spaces only (no"
                    + " control or invisible characters): use another -Droom.name.");
        }
        return name;
    }

    private List<StepResult> validSteps(List<Step> steps) throws Refused {
        if (steps == null || steps.isEmpty()) {
            throw new Refused(400, "No steps: send at least one step result.");
        }
        if (steps.size() > MAX_STEPS) {
            throw new Refused(400, "More than " + MAX_STEPS + " steps in one post.");
        }
        List<StepResult> valid = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (s == null || s.kata() == null || !Syllabus.KATA.matcher(s.kata()).matches() || !room.syllabus().hasKata(s.kata())) {
                throw new Refused(400, "Unknown kata '" + abbreviate(s == null ? null : s.kata()) + "': the room knows "
                        + String.join(", ", room.syllabus().steps().keySet()) + ".");
            }
            if (s.step() == null || !Syllabus.STEP.matcher(s.step()).matches() || !room.syllabus().hasStep(s.kata(), s.step())) {
                throw new Refused(400, "Unknown step '" + abbreviate(s.step()) + "' in " + s.kata()
                        + ": a step ID is a letter and a number (C3) from that kata.");
            }
            if (s.status() == null || !StepResult.STATUSES.contains(s.status())) {
                throw new Refused(400, "Unknown status '" + abbreviate(s.status()) + "' for " + s.step()
                        + ": use passed, failed, skipped or not-run.");
            }
            if (s.hints() == null || s.hints() < 0 || s.hints() > MAX_HINTS) {
                throw new Refused(400, "hints for " + s.step() + " must be a number from 0 to " + MAX_HINTS + ".");
            }
            Instant at;
            try {
                at = Instant.parse(Optional.ofNullable(s.at()).orElse(""));
            } catch (DateTimeParseException e) {
                throw new Refused(400, "at for " + s.step() + " must be an instant such as 2026-05-04T09:30:00Z.");
            }
            valid.add(new StepResult(s.kata(), s.step(), s.status(), s.hints(), at));
        }
        return valid;
    }

    // ───────────────────────────────────────────── answers

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers r = ex.getResponseHeaders();
        r.set("Content-Type", type);
        r.set("Content-Security-Policy", CSP);
        r.set("X-Content-Type-Options", "nosniff");
        r.set("Referrer-Policy", "no-referrer");
        r.set("Cache-Control", "no-store");
        r.set("X-Frame-Options", "DENY");
        r.set("Cross-Origin-Resource-Policy", "same-origin");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String originHost(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        return o.startsWith("http://") ? o.substring("http://".length()) : "";
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RoomServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The room's page " + name + " is missing from the build.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<InetAddress> lanAddresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && !nif.isLoopback()) {
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                            found.add(a);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: the room still answers on loopback.
        }
        return found;
    }
}
