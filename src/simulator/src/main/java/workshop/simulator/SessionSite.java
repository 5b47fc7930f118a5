package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The session login site: state lives on the server, the browser holds only a random ID in
 * {@code __Host-SESSION}. Pages:
 * <ul>
 *   <li>{@code GET /} a page with forms and the demo credentials</li>
 *   <li>{@code POST /login} form {@code username=ada&password=lovelace} or JSON; a NEW session ID every time</li>
 *   <li>{@code GET /me} the logged-in user's name</li>
 *   <li>{@code POST /cart} form {@code item=tea} (or JSON) adds an item; {@code GET /cart} lists them, one per line</li>
 *   <li>{@code POST /logout} ends the session on the server and deletes the cookie ({@code Max-Age=0})</li>
 * </ul>
 * Missing, unknown, expired and logged-out sessions get {@code 401}; garbage cookies get 401 or 400,
 * never a 500. Every answer carries {@code Cache-Control: no-store}.
 */
public final class SessionSite {

    /** The session cookie's name: {@code __Host-} means Secure, Path=/ and no Domain (RFC 6265bis 4.1.3.2). */
    public static final String COOKIE = "__Host-SESSION";
    /** Idle timeout of the built-in store: no request for this long ends the session. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    /** Absolute timeout of the built-in store: activity never extends a session beyond this. */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    /** Demo credentials, fixed so notebooks and tests can log in. Never reuse them for anything real. */
    public static final Map<String, String> DEMO_USERS = Map.of("ada", "lovelace", "alan", "turing", "grace", "hopper");
    /** The most items a cart holds. */
    public static final int CART_LIMIT = 20;

    static final String CART = "cart";
    private static final String TRANSFORMER = "session-site";
    private static final int MAX_COOKIE_HEADER = 4096;
    private static final int MAX_BODY = 4096;
    private static final int MAX_ID_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22," + MAX_ID_LENGTH + "}");
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9 ._-]{1,40}");

    private SessionSite() {
    }

    /** Starts the site on a free loopback port with the system clock and the built-in store. */
    public static SimulatedServer start() {
        return start(Clock.systemUTC());
    }

    /** Starts the site with the built-in store (15 minutes idle, 8 hours absolute, on {@code clock}). */
    public static SimulatedServer start(Clock clock) {
        return start(clock, 0);
    }

    /** Starts the site with the built-in store on {@code port} (0 = a free one). */
    public static SimulatedServer start(Clock clock, int port) {
        return start(clock, new InMemorySessionBackend(clock, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT), port);
    }

    /** Starts the site on a free port in front of another session store, e.g. a learner's own. */
    public static SimulatedServer start(Clock clock, SessionBackend backend) {
        return start(clock, backend, 0);
    }

    /** Starts the site on {@code port} (0 = a free one) in front of {@code backend}. */
    public static SimulatedServer start(Clock clock, SessionBackend backend, int port) {
        Objects.requireNonNull(backend, "backend");
        return SimulatedServer.start("session site", port, clock, SessionSite::addPages, new Handler(backend));
    }

    /** The {@code Set-Cookie} value that carries a session ID: a session cookie (no Expires, no Max-Age). */
    public static String sessionCookie(String id) {
        return COOKIE + "=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    }

    /** The {@code Set-Cookie} value that deletes the session cookie (same name, path and prefix rules). */
    public static String logoutCookie() {
        return COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
    }

    private static void addPages(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/")).willReturn(dynamic("home")));
        server.stubFor(post(urlPathEqualTo("/login")).willReturn(dynamic("login")));
        server.stubFor(get(urlPathEqualTo("/me")).willReturn(dynamic("me")));
        server.stubFor(get(urlPathEqualTo("/cart")).willReturn(dynamic("cart")));
        server.stubFor(post(urlPathEqualTo("/cart")).willReturn(dynamic("add")));
        server.stubFor(post(urlPathEqualTo("/logout")).willReturn(dynamic("logout")));
    }

    private static ResponseDefinitionBuilder dynamic(String action) {
        return ScenarioPages.page(TRANSFORMER, action);
    }

    /** What the request's cookies say about the session: an ID to look up, or a refusal. */
    private record Presented(String id, int status, String reason) {
        static Presented of(String id) {
            return new Presented(id, 0, null);
        }

        static Presented refused(int status, String reason) {
            return new Presented(null, status, reason);
        }

        boolean ok() {
            return id != null;
        }
    }

    private static final class Handler extends ScenarioPages {
        private final SessionBackend backend;

        Handler(SessionBackend backend) {
            super(TRANSFORMER);
            this.backend = backend;
        }

        @Override
        ResponseDefinition answer(String action, Request request) {
            try {
                return switch (action) {
                    case "home" -> home();
                    case "login" -> login(request);
                    case "me" -> withSession(request, s -> text(200, s.user() + "\n"));
                    case "cart" -> withSession(request, s -> text(200, s.attribute(CART).map(c -> c + "\n").orElse("")));
                    case "add" -> withSession(request, s -> add(request, s));
                    case "logout" -> logout(request);
                    default -> text(500, "Unknown page action '" + action + "' (a bug in the simulator).\n");
                };
            } catch (RuntimeException e) {
                // Only the store can get here (bad input is answered above): say which part failed, never how.
                return failure(request, "the session store behind this site failed", e);
            }
        }

        private ResponseDefinition home() {
            String body = "<p>Demo credentials, for this simulated site only: "
                    + "<code>ada / lovelace</code>, <code>alan / turing</code>, <code>grace / hopper</code>.</p>"
                    + "<form method=\"post\" action=\"/login\"><input name=\"username\" value=\"ada\">"
                    + "<input name=\"password\" type=\"password\"><button>Log in</button></form>"
                    + "<p><a href=\"/me\">/me</a> who am I? · <a href=\"/cart\">/cart</a> my cart</p>"
                    + "<form method=\"post\" action=\"/cart\"><input name=\"item\" value=\"tea\"><button>Add to cart</button></form>"
                    + "<form method=\"post\" action=\"/logout\"><button>Log out</button></form>"
                    + "<p>Watch <code>__Host-SESSION</code> in the dev tools: only a random ID, the cart stays on the server.</p>";
            return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("Cache-Control", "no-store")
                    .withBody(Pages.html("Session demo site", body)).build();
        }

        private ResponseDefinition login(Request request) {
            Map<String, String> fields = fields(request);
            if (fields == null) {
                return text(400, "400 Bad Request: send username and password as a form (username=ada&password=lovelace)"
                        + " or as JSON {\"username\":\"ada\",\"password\":\"lovelace\"}.\n");
            }
            String user = fields.get("username");
            String password = fields.get("password");
            if (user == null || password == null) {
                return text(400, "400 Bad Request: both username and password are needed.\n");
            }
            String expected = DEMO_USERS.get(user);
            byte[] given = password.getBytes(StandardCharsets.UTF_8);
            byte[] wanted = (expected == null ? "\u0000no such user" : expected).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, wanted) || expected == null) {
                return text(401, "401 Unauthorized: wrong user name or password (demo users: ada/lovelace, alan/turing, grace/hopper).\n");
            }
            Presented presented = presented(request);
            String id = backend.login(presented.ok() ? presented.id() : null, user);
            return textBuilder(200, "Logged in as " + user + ". Demo credentials only.\n")
                    .withHeader("Set-Cookie", sessionCookie(id)).build();
        }

        private ResponseDefinition add(Request request, SessionBackend.LiveSession session) {
            Map<String, String> fields = fields(request);
            String item = fields == null ? null : fields.get("item");
            if (item == null || !ITEM.matcher(item).matches()) {
                return text(400, "400 Bad Request: send item=<1 to 40 letters, digits, spaces, '.', '_' or '-'>.\n");
            }
            List<String> items = new ArrayList<>(session.attribute(CART).map(c -> List.of(c.split("\n"))).orElse(List.of()));
            if (items.size() >= CART_LIMIT) {
                return text(400, "400 Bad Request: the cart is full (" + CART_LIMIT + " items).\n");
            }
            items.add(item);
            session.setAttribute(CART, String.join("\n", items));
            return text(200, "Added " + item + " (" + items.size() + (items.size() == 1 ? " item" : " items") + " in the cart).\n");
        }

        private ResponseDefinition logout(Request request) {
            Presented presented = presented(request);
            if (presented.ok() && backend.invalidate(presented.id())) {
                return textBuilder(200, "Logged out: the session is ended on the server and the cookie deleted.\n")
                        .withHeader("Set-Cookie", logoutCookie()).build();
            }
            return presented.ok() ? unknownSession() : text(presented.status(), presented.reason());
        }

        private ResponseDefinition withSession(Request request, java.util.function.Function<SessionBackend.LiveSession, ResponseDefinition> page) {
            Presented presented = presented(request);
            if (!presented.ok()) {
                return text(presented.status(), presented.reason());
            }
            Optional<SessionBackend.LiveSession> session = backend.find(presented.id());
            return session.isPresent() ? page.apply(session.get()) : unknownSession();
        }

        private static ResponseDefinition unknownSession() {
            return text(401, "401 Unauthorized: this session is unknown, expired or logged out; log in again (POST /login).\n");
        }

        /** The session ID from the Cookie header only: never from the URL (no ;jsessionid=, no ?sid=). */
        private static Presented presented(Request request) {
            var header = request.getHeaders().getHeader("Cookie");
            if (!header.isPresent()) {
                return Presented.refused(401, "401 Unauthorized: no " + COOKIE + " cookie; log in first (POST /login).\n");
            }
            List<String> values = new ArrayList<>();
            int length = 0;
            for (String line : header.values()) {
                length += line.length();
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)) {
                        values.add(pair.substring(eq + 1).strip());
                    }
                }
            }
            if (length > MAX_COOKIE_HEADER) {
                return Presented.refused(400, "400 Bad Request: the Cookie header is longer than " + MAX_COOKIE_HEADER + " characters.\n");
            }
            if (values.isEmpty()) {
                return Presented.refused(401, "401 Unauthorized: no " + COOKIE + " cookie; log in first (POST /login).\n");
            }
            if (values.size() > 1) {
                return Presented.refused(400, "400 Bad Request: " + values.size() + " " + COOKIE
                        + " cookies in one request; which one is yours? Refused (cookie tossing looks like this).\n");
            }
            String id = values.get(0);
            if (id.length() > MAX_ID_LENGTH) {
                return Presented.refused(400, "400 Bad Request: the " + COOKIE + " cookie is too long to be a session ID.\n");
            }
            if (!ID.matcher(id).matches()) {
                return Presented.refused(401, "401 Unauthorized: the " + COOKIE + " cookie is not a session ID this site issues.\n");
            }
            return Presented.of(id);
        }

        /** Form or JSON fields of a small body; null if the body cannot be read. */
        private static Map<String, String> fields(Request request) {
            String body = request.getBodyAsString();
            if (body == null || body.length() > MAX_BODY) {
                return null;
            }
            String type = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : "";
            Map<String, String> fields = new LinkedHashMap<>();
            try {
                if (type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                    Map<?, ?> json = Json.read(body, Map.class);
                    if (json == null) {
                        return null;
                    }
                    json.forEach((k, v) -> {
                        if (v instanceof String s) {
                            fields.put(String.valueOf(k), s);
                        }
                    });
                } else {
                    for (String pair : body.split("&")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (Exception e) {   // Json.read throws checked parse errors unchecked
                return null;   // malformed JSON or percent-encoding: the caller answers 400
            }
            return fields;
        }

        private static ResponseDefinition text(int status, String body) {
            return textBuilder(status, body).build();
        }

        private static ResponseDefinitionBuilder textBuilder(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withHeader("Cache-Control", "no-store").withBody(body);
        }
    }
}
