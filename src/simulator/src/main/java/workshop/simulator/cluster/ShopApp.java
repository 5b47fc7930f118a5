package workshop.simulator.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workshop.simulator.SessionSite;

/**
 * One instance of the small shop app, on its own loopback port. Pages (text/plain, {@code Cache-Control: no-store},
 * {@code X-Served-By: instance-N} on every answer):
 * <ul>
 *   <li>{@code GET /} which instance this is</li>
 *   <li>{@code POST /login} form {@code username=ada&password=lovelace} ({@link SessionSite#DEMO_USERS}): a new
 *       session, or the presented one rotated to a new ID if it is the same user's</li>
 *   <li>{@code GET /me} the session's user; {@code GET /cart}, {@code POST /cart} form {@code item=tea}</li>
 *   <li>{@code POST /logout} ends this session; {@code POST /logout-everywhere} ends every session of its user</li>
 *   <li>{@code GET /api/me} with {@code Authorization: Bearer …}: the user the {@link TokenCheck} accepts</li>
 * </ul>
 * A store or token check that throws gets {@code 503} with the reason and no logged-in answer (fail closed).
 */
final class ShopApp {

    static final String CART = "cart";
    private static final int CART_LIMIT = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9 ._-]{1,40}");
    private static final Pattern STEP = Pattern.compile("^([A-Z]{1,2}[0-9]{1,2}) · ");

    private final int number;
    private final SessionStore store;
    private final TokenCheck tokens;
    private final HttpServer server;
    private final ExecutorService threads;

    private ShopApp(int number, SessionStore store, TokenCheck tokens, HttpServer server, ExecutorService threads) {
        this.number = number;
        this.store = store;
        this.tokens = tokens;
        this.server = server;
        this.threads = threads;
    }

    /** Starts instance {@code number} on {@code port} of 127.0.0.1 (0 = a free one). */
    static ShopApp start(int number, int port, SessionStore store, TokenCheck tokens) throws IOException {
        HttpServer server = Loopback.server(port);
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "shop-instance-" + number);
            t.setDaemon(true);
            return t;
        });
        ShopApp app = new ShopApp(number, store, tokens, server, threads);
        server.createContext("/", app::handle);
        server.setExecutor(threads);
        server.start();
        return app;
    }

    int port() {
        return server.getAddress().getPort();
    }

    SessionStore store() {
        return store;
    }

    /** Stops at once: the port closes and open connections are dropped, as when a process dies. */
    void kill() {
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
            exchange.getResponseHeaders().set("X-Served-By", "instance-" + number);
            if (!Loopback.check(exchange, "shop app")) {
                return;
            }
            byte[] body = Loopback.body(exchange);
            if (body == null) {
                Loopback.tooLarge(exchange);
                return;
            }
            Answer answer;
            try {
                answer = answer(exchange, new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                answer = unavailable(exchange, e);
            }
            answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            Loopback.send(exchange, answer.status, answer.text);
        }
    }

    private Answer answer(HttpExchange exchange, String body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String route = method + " " + path;
        return switch (route) {
            case "GET /" -> Answer.of(200, "Shop app, instance " + number + ".\n");
            case "POST /login" -> login(exchange, body);
            case "GET /me" -> withSession(exchange, (id, s) -> Answer.of(200, s.user() + "\n"));
            case "GET /cart" -> withSession(exchange, (id, s) -> Answer.of(200, s.attribute(CART).map(c -> c + "\n").orElse("")));
            case "POST /cart" -> withSession(exchange, (id, s) -> addToCart(id, s, body));
            case "POST /logout" -> withSession(exchange, (id, s) -> {
                store.delete(id);
                return Answer.of(200, "Logged out: this session is ended.\n").cookie(SessionSite.logoutCookie());
            });
            case "POST /logout-everywhere" -> withSession(exchange, (id, s) -> {
                int ended = store.deleteAllFor(s.user());
                return Answer.of(200, "Logged out everywhere: " + ended + (ended == 1 ? " session" : " sessions")
                        + " of " + s.user() + " ended.\n").cookie(SessionSite.logoutCookie());
            });
            case "GET /api/me" -> bearer(exchange);
            default -> Answer.of(404, "404 Not Found: the shop app has GET /, POST /login, GET /me, GET and POST /cart,"
                    + " POST /logout, POST /logout-everywhere and GET /api/me.\n");
        };
    }

    private Answer login(HttpExchange exchange, String body) {
        Map<String, String> form = form(body);
        String user = form.get("username");
        String password = form.get("password");
        if (user == null || password == null) {
            return Answer.of(400, "400 Bad Request: send username and password as a form (username=ada&password=lovelace).\n");
        }
        String expected = SessionSite.DEMO_USERS.get(user);
        byte[] wanted = (expected == null ? "\u0000no such user" : expected).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), wanted) || expected == null) {
            return Answer.of(401, "401 Unauthorized: wrong user name or password (demo users: ada/lovelace, alan/turing,"
                    + " grace/hopper).\n");
        }
        String presented = sessionId(exchange);
        String id = null;
        if (presented != null) {
            Optional<StoredSession> current = store.find(presented);
            if (current.isPresent() && current.get().user().equals(user)) {
                id = store.rotate(presented).orElse(null);   // a new ID at every login (session fixation)
            } else if (current.isPresent()) {
                store.delete(presented);
            }
        }
        if (id == null) {
            id = store.create(user);
        }
        return Answer.of(200, "Logged in as " + user + " on instance " + number + ".\n")
                .cookie(SessionSite.sessionCookie(id));
    }

    private Answer addToCart(String id, StoredSession session, String body) {
        String item = form(body).get("item");
        if (item == null || !ITEM.matcher(item).matches()) {
            return Answer.of(400, "400 Bad Request: send item=<1 to 40 letters, digits, spaces, '.', '_' or '-'>.\n");
        }
        List<String> items = new ArrayList<>(session.attribute(CART).map(c -> List.of(c.split("\n"))).orElse(List.of()));
        if (items.size() >= CART_LIMIT) {
            return Answer.of(400, "400 Bad Request: the cart is full (" + CART_LIMIT + " items).\n");
        }
        items.add(item);
        if (!store.put(id, CART, String.join("\n", items))) {
            return unknownSession();
        }
        return Answer.of(200, "Added " + item + " (" + items.size() + (items.size() == 1 ? " item" : " items")
                + " in the cart).\n");
    }

    private Answer bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 8192) {
            return Answer.of(401, "401 Unauthorized: send Authorization: Bearer <token>.\n")
                    .header("WWW-Authenticate", "Bearer");
        }
        if (tokens == null) {
            return Answer.of(401, "401 Unauthorized: this cluster was started without a token check"
                    + " (AppCluster.Builder.tokens), so no token is accepted.\n").header("WWW-Authenticate", "Bearer");
        }
        Optional<String> user = tokens.userOf(header.substring(7).strip());
        return user.map(u -> Answer.of(200, u + "\n")).orElseGet(() -> Answer.of(401,
                "401 Unauthorized: the token is invalid, expired or revoked.\n")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    private interface SessionPage {
        Answer apply(String id, StoredSession session);
    }

    private Answer withSession(HttpExchange exchange, SessionPage page) {
        String id = sessionId(exchange);
        if (id == null) {
            return Answer.of(401, "401 Unauthorized: no valid " + SessionSite.COOKIE + " cookie; log in first (POST /login).\n");
        }
        Optional<StoredSession> session = store.find(id);
        return session.isPresent() ? page.apply(id, session.get()) : unknownSession();
    }

    private Answer unknownSession() {
        return Answer.of(401, "401 Unauthorized: instance " + number + " does not know this session (unknown, expired"
                + " or logged out); log in again (POST /login).\n");
    }

    /** The 503 of a store or token check that failed: the reason for the client, the details on stderr. */
    private Answer unavailable(HttpExchange exchange, RuntimeException e) {
        System.err.println("[shop instance " + number + "] " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath() + ": the store failed: " + e);
        String step = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t instanceof UnsupportedOperationException && t.getMessage() != null ? STEP.matcher(t.getMessage()) : null;
            if (m != null && m.find()) {
                step = " Step " + m.group(1) + " is not implemented yet.";
                break;
            }
        }
        return Answer.of(503, "503 Service Unavailable: the session store did not answer (" + e.getClass().getSimpleName()
                + ")." + step + " The app fails closed: while it cannot check a session or a token, nobody counts as"
                + " logged in (OWASP Authentication Cheat Sheet; kit policy: 503 with a reason, never a 500). Try again"
                + " when the store is back.\n").header("Retry-After", "1");
    }

    /** The session ID from the Cookie header: exactly one well-formed {@code __Host-SESSION}, else null. */
    private static String sessionId(HttpExchange exchange) {
        List<String> values = new ArrayList<>();
        List<String> lines = exchange.getRequestHeaders().get("Cookie");
        if (lines == null) {
            return null;
        }
        for (String line : lines) {
            for (String pair : line.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(SessionSite.COOKIE)) {
                    values.add(pair.substring(eq + 1).strip());
                }
            }
        }
        return values.size() == 1 && ID.matcher(values.get(0)).matches() ? values.get(0) : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Map.of();   // malformed percent-encoding: answered as missing fields (400)
                }
            }
        }
        return fields;
    }

    private static final class Answer {
        final int status;
        final String text;
        final Map<String, String> headers = new LinkedHashMap<>();

        private Answer(int status, String text) {
            this.status = status;
            this.text = text;
        }

        static Answer of(int status, String text) {
            return new Answer(status, text);
        }

        Answer cookie(String setCookie) {
            return header("Set-Cookie", setCookie);
        }

        Answer header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }
}
