package workshop.simulator.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import workshop.simulator.SimulatedServer;
import workshop.simulator.SimulatorException;

/**
 * ATTACK DEMO — a deliberately vulnerable "legacy" web app with cookie sessions, for module 04's steps A11–A13.
 * Every flaw here is on purpose; never copy this code. Like every simulator server it listens on 127.0.0.1 only,
 * answers only requests addressed to a loopback name, and exists only while a test or a notebook runs.
 * <p>Only a11's session IDs are predictable; a12's are 128 random bits, so each step has exactly one flaw.
 * <p>Two accounts: alice / wonderland (the learner's own) and bob / builder (the victim, driven by
 * {@link #victimSignsIn()} and {@link #victimFollowsAndSignsIn(URI)}). Each account page shows that user's secret.
 * <ul>
 *   <li>{@code a11} session IDs are {@code <counter>-<milliseconds>}: {@code POST /a11/login} (form {@code username},
 *       {@code password}) sets {@code a11_sid}; {@code GET /a11/account} shows the account of the cookie's session.
 *       FLAW: the next ID is predictable; {@link #useIdGenerator} plugs in a defence.</li>
 *   <li>{@code a12} session fixation: {@code GET /a12/} starts an anonymous session, and adopts the ID in
 *       {@code ?sid=} when it names a live anonymous session (a link can plant it); {@code POST /a12/login}
 *       signs the presented session in; {@code GET /a12/account}. FLAW: the ID survives the sign-in;
 *       {@link #useSignInHandler} plugs in a defence.</li>
 *   <li>{@code a13} an auth cookie that is only encoded: {@code POST /a13/login} sets {@code a13_auth}, the base64 of
 *       {@code user=…|role=…} written backwards; {@code GET /a13/me}; {@code GET /a13/admin} opens for
 *       {@code role=admin}. FLAW: no integrity; {@link #useCookieCodec} plugs in a defence.</li>
 * </ul>
 */
public final class LegacySessionServer {

    /** The learner's own account. */
    public static final String USER = "alice";
    /** Its password (a simulator: not a secret). */
    public static final String PASSWORD = "wonderland";
    /** The victim. */
    public static final String VICTIM = "bob";
    /** The label on every answer. */
    public static final String LABEL = "ATTACK DEMO: deliberately vulnerable legacy session server (workshop kit, loopback only)";

    private static final String TRANSFORMER = "legacy-session-server";
    private static final Map<String, String> PASSWORDS = Map.of(USER, PASSWORD, VICTIM, "builder");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final String adminData;
    private final byte[] cookieKey = new byte[32];
    private final Map<String, Table> tables = new ConcurrentHashMap<>(); // step -> its sessions
    private final AtomicLong counter;
    private volatile Supplier<String> idGenerator;
    private volatile SignInHandler signInHandler;
    private volatile Function<String, String> seal;
    private volatile Function<String, Optional<String>> open;
    private volatile URI baseUri;

    private LegacySessionServer(Clock clock) {
        this.clock = clock;
        random.nextBytes(cookieKey);
        this.counter = new AtomicLong(1000 + random.nextInt(9000));
        this.adminData = "vault code " + hex(8);
        for (String user : PASSWORDS.keySet()) {
            secrets.put(user, "savings code " + hex(6));
        }
        reset();
    }

    /** Starts the legacy session server on a free loopback port, in its flawed configuration. */
    public static SimulatedServer start(Clock clock) {
        LegacySessionServer legacy = new LegacySessionServer(clock);
        SimulatedServer server = SimulatedServer.start("legacy session server (ATTACK DEMO)", 0, clock,
                LegacySessionServer::addPages, legacy.new Pages());
        legacy.baseUri = server.baseUri();
        return server;
    }

    /** The control panel of a running legacy session server. */
    public static LegacySessionServer of(SimulatedServer server) {
        Extension extension = server.wireMock().getOptions().getDeclaredExtensions().getInstances().get(TRANSFORMER);
        if (extension instanceof Pages pages) {
            return pages.owner();
        }
        throw new SimulatorException("The " + server.name() + " is not the legacy session server: start one with"
                + " LegacySessionServer.start(clock).");
    }

    private static void addPages(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/a11/login")).willReturn(page("login", "a11")));
        server.stubFor(get(urlPathEqualTo("/a11/account")).willReturn(page("account", "a11")));
        server.stubFor(get(urlPathEqualTo("/a12/")).willReturn(page("welcome", "a12")));
        server.stubFor(post(urlPathEqualTo("/a12/login")).willReturn(page("login", "a12")));
        server.stubFor(get(urlPathEqualTo("/a12/account")).willReturn(page("account", "a12")));
        server.stubFor(post(urlPathEqualTo("/a13/login")).willReturn(page("login", "a13")));
        server.stubFor(get(urlPathEqualTo("/a13/me")).willReturn(page("me", "a13")));
        server.stubFor(get(urlPathEqualTo("/a13/admin")).willReturn(page("admin", "a13")));
        server.stubFor(get(urlPathEqualTo("/")).willReturn(page("home", "")));
    }

    private static ResponseDefinitionBuilder page(String action, String step) {
        return aResponse().withTransformers(TRANSFORMER).withTransformerParameter("action", action)
                .withTransformerParameter("step", step);
    }

    // ---- the defences a test or notebook plugs in ----

    /** A11: session IDs from {@code generator} instead of the legacy {@code <counter>-<millis>}. */
    public void useIdGenerator(Supplier<String> generator) {
        this.idGenerator = Objects.requireNonNull(generator, "generator");
    }

    /** A12: what happens at sign-in, instead of the legacy "keep the presented session, sign it in". */
    public void useSignInHandler(SignInHandler handler) {
        this.signInHandler = Objects.requireNonNull(handler, "handler");
    }

    /** A13: how the auth cookie is written ({@code seal}) and read back ({@code open}: empty = refused). */
    public void useCookieCodec(Function<String, String> seal, Function<String, Optional<String>> open) {
        this.seal = Objects.requireNonNull(seal, "seal");
        this.open = Objects.requireNonNull(open, "open");
    }

    /** Back to the flawed configuration, every session forgotten. */
    public void reset() {
        tables.clear();
        idGenerator = () -> counter.incrementAndGet() + "-" + clock.millis(); // FLAW (a11): a counter and the time
        signInHandler = (sessions, presented, user) -> { // FLAW (a12): the presented ID survives the sign-in
            if (presented != null && sessions.exists(presented)) {
                sessions.signIn(presented, user);
                return presented;
            }
            return sessions.create(user);
        };
        seal = value -> Base64.getEncoder().encodeToString( // FLAW (a13): encoded, not protected
                new StringBuilder(value).reverse().toString().getBytes(StandardCharsets.UTF_8));
        open = cookie -> {
            try {
                return Optional.of(new StringBuilder(new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8))
                        .reverse().toString());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }

    // ---- the configuration and what the tests check ----

    /** The key a defence of a13 may use: 256 random bits, generated for this run. */
    public byte[] cookieKey() {
        return cookieKey.clone();
    }

    /** What {@code user}'s account page shows: proof that whoever sees it is signed in as that user. */
    public String secretOf(String user) {
        return secrets.get(user);
    }

    /** What the a13 admin page reveals. */
    public String adminData() {
        return adminData;
    }

    /** The sessions of {@code step} ("a11", "a12") signed in as {@code user}, oldest first. */
    public List<String> sessionsOf(String step, String user) {
        return table(step).sessions.entrySet().stream().filter(e -> user.equals(e.getValue().user))
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue().number)).map(Map.Entry::getKey).toList();
    }

    // ---- the victim ----

    /** A11: bob signs in to a11 (a real HTTP request); the attacker does not see his answer. */
    public void victimSignsIn() {
        Victim bob = new Victim();
        bob.send("POST", "/a11/login", "username=" + VICTIM + "&password=" + PASSWORDS.get(VICTIM));
    }

    /**
     * A12: bob opens {@code link} (it must lead to this server's {@code /a12/}), then signs in there, as a browser
     * would: with the cookie the link's page set. Returns bob's account page as he sees it afterwards.
     */
    public String victimFollowsAndSignsIn(URI link) {
        URI base = baseUri;
        if (link == null || !Objects.equals(link.getHost(), base.getHost()) || link.getPort() != base.getPort()
                || !"/a12/".equals(link.getPath())) {
            throw new SimulatorException("The victim follows only links to this server's /a12/ page ("
                    + base.resolve("/a12/") + "...), not " + link);
        }
        Victim bob = new Victim();
        bob.send("GET", "/a12/" + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()), null);
        bob.send("POST", "/a12/login", "username=" + VICTIM + "&password=" + PASSWORDS.get(VICTIM));
        return bob.send("GET", "/a12/account", null).body();
    }

    /** A browser of the victim's: one cookie per name, HTTP on loopback. */
    private final class Victim {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> send(String method, String pathAndQuery, String form) {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String line : response.headers().allValues("Set-Cookie")) {
                    String pair = line.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
                return response;
            } catch (IOException e) {
                throw new SimulatorException("The victim could not reach " + baseUri + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException("Interrupted while the victim browsed " + baseUri, e);
            }
        }
    }

    // ---- sessions ----

    private Table table(String step) {
        return tables.computeIfAbsent(step, Table::new);
    }

    private record Session(String user, long number) {
    }

    /** One step's sessions: ID -> session. */
    private final class Table implements SessionTable {
        private final String step;
        private final Map<String, Session> sessions = new ConcurrentHashMap<>();
        private final AtomicLong created = new AtomicLong();

        Table(String step) {
            this.step = step;
        }

        @Override
        public synchronized String create(String user) {
            String id = step.equals("a11") ? nextId() : hex(16); // only a11's IDs are flawed
            if (id == null || id.isBlank() || sessions.containsKey(id)) {
                throw new SimulatorException("The session ID generator returned " + (id == null ? "null" : "'" + id + "'")
                        + ", which is empty or already in use: every session needs a fresh ID.");
            }
            sessions.put(id, new Session(user, created.incrementAndGet()));
            return id;
        }

        @Override
        public Optional<String> userOf(String id) {
            return Optional.ofNullable(id == null ? null : sessions.get(id)).map(Session::user);
        }

        @Override
        public boolean exists(String id) {
            return id != null && sessions.containsKey(id);
        }

        @Override
        public void signIn(String id, String user) {
            sessions.computeIfPresent(id, (k, s) -> new Session(user, s.number));
        }

        @Override
        public void invalidate(String id) {
            if (id != null) {
                sessions.remove(id);
            }
        }
    }

    private String nextId() {
        synchronized (counter) { // a counter and a clock read together, as the legacy code did
            return idGenerator.get();
        }
    }

    private String hex(int bytes) {
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return HexFormat.of().formatHex(out);
    }

    private static String cookie(Request request, String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null || cookie.getValues().isEmpty() ? null : cookie.getValues().get(0);
    }

    /** The a13 cookie's fields, {@code user=alice|role=user} → {user: alice, role: user}. */
    private static Map<String, String> fields(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : value.split("\\|")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                out.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return out;
    }

    /** The pages (a WireMock V2 transformer). */
    private final class Pages implements ResponseDefinitionTransformerV2 {

        LegacySessionServer owner() {
            return LegacySessionServer.this;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String action = String.valueOf(event.getTransformerParameters().getOrDefault("action", ""));
            String step = String.valueOf(event.getTransformerParameters().getOrDefault("step", ""));
            try {
                return switch (step + " " + action) {
                    case "a11 login", "a12 login" -> login(step, request);
                    case "a11 account", "a12 account" -> account(step, request);
                    case "a12 welcome" -> welcome(request);
                    case "a13 login" -> authLogin(request);
                    case "a13 me", "a13 admin" -> authPage(action, request);
                    case " home" -> text(200, LABEL + "\nPOST /a11/login, GET /a11/account; GET /a12/, POST /a12/login,"
                            + " GET /a12/account; POST /a13/login, GET /a13/me, GET /a13/admin — see notebooks/04-attacks.ipynb\n");
                    default -> text(500, "unknown page");
                };
            } catch (RuntimeException e) {
                // A plugged-in defence that throws (an unfinished step) is named, not hidden behind a bare 500.
                return text(500, LABEL + "\n500: the sign-in or session code failed: " + e + "\n");
            }
        }

        private ResponseDefinition login(String step, Request request) {
            Map<String, String> form = LegacyForms.decode(request.getBodyAsString());
            String user = form.getOrDefault("username", "");
            if (!form.getOrDefault("password", "").equals(PASSWORDS.get(user))) {
                return text(400, "wrong user name or password\n");
            }
            Table sessions = table(step);
            String presented = cookie(request, step + "_sid");
            String id = step.equals("a12") ? signInHandler.signIn(sessions, sessions.exists(presented) ? presented : null, user)
                    : sessions.create(user);
            if (!user.equals(sessions.userOf(id).orElse(null))) {
                throw new SimulatorException("the sign-in handler returned a session that is not signed in as " + user);
            }
            return withCookie(200, "signed in as " + user + "\n", step + "_sid", id, step);
        }

        private ResponseDefinition account(String step, Request request) {
            Optional<String> user = table(step).userOf(cookie(request, step + "_sid"));
            return user.map(u -> text(200, "account of " + u + ": " + secrets.get(u) + "\n"))
                    .orElseGet(() -> text(401, "not signed in\n"));
        }

        private ResponseDefinition welcome(Request request) {
            Table sessions = table("a12");
            String fromLink = request.queryParameter("sid").isPresent() ? request.queryParameter("sid").firstValue() : null;
            String fromCookie = cookie(request, "a12_sid");
            String id;
            if (sessions.exists(fromLink) && sessions.userOf(fromLink).isEmpty()) {
                id = fromLink; // FLAW: a session ID taken from the URL, so a link can plant one
            } else if (sessions.exists(fromCookie)) {
                id = fromCookie;
            } else {
                id = sessions.create(null);
            }
            return withCookie(200, "welcome" + sessions.userOf(id).map(u -> " back, " + u).orElse(", please sign in") + "\n",
                    "a12_sid", id, "a12");
        }

        private ResponseDefinition authLogin(Request request) {
            Map<String, String> form = LegacyForms.decode(request.getBodyAsString());
            String user = form.getOrDefault("username", "");
            if (!form.getOrDefault("password", "").equals(PASSWORDS.get(user))) {
                return text(400, "wrong user name or password\n");
            }
            return withCookie(200, "signed in as " + user + "\n", "a13_auth", seal.apply("user=" + user + "|role=user"), "a13");
        }

        private ResponseDefinition authPage(String action, Request request) {
            String cookie = cookie(request, "a13_auth");
            Optional<String> value = cookie == null ? Optional.empty() : open.apply(cookie);
            if (value.isEmpty()) {
                return text(401, "not signed in: the a13_auth cookie is missing or was refused\n");
            }
            Map<String, String> fields = fields(value.get());
            String user = fields.get("user");
            if (user == null || !PASSWORDS.containsKey(user)) {
                return text(401, "not signed in: the cookie names no known user\n");
            }
            if (action.equals("me")) {
                return text(200, "signed in as " + user + " (role " + fields.get("role") + ")\n");
            }
            return "admin".equals(fields.get("role")) ? text(200, "admin page: " + adminData + "\n")
                    : text(403, "admins only; your role is " + fields.get("role") + "\n");
        }

        private ResponseDefinition withCookie(int status, String body, String name, String value, String step) {
            return plain(status, body).withHeader("Set-Cookie", name + "=" + value + "; Path=/" + step + "; HttpOnly; SameSite=Lax")
                    .build();
        }

        private ResponseDefinition text(int status, String body) {
            return plain(status, body).build();
        }

        private ResponseDefinitionBuilder plain(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withHeader("Cache-Control", "no-store").withHeader("X-Attack-Demo", LABEL).withBody(body);
        }
    }
}
