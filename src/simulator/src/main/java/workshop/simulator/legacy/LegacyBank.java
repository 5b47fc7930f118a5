package workshop.simulator.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import workshop.simulator.SimulatedServer;

/**
 * ATTACK DEMO — a deliberately vulnerable bank for module 04's browser steps (A14–A18). Every flaw is on purpose;
 * never copy this code. It listens on 127.0.0.1 only, answers only requests addressed to a loopback name, and exists
 * only while a test or a notebook runs. Pages:
 * <ul>
 *   <li>{@code GET /sign-in} a sign-in form; {@code POST /sign-in} ({@code user}, {@code password}) starts a session
 *       with a random ID in a cookie — the legacy cookie is {@code session=<id>; Path=/; SameSite=None; Secure},
 *       because the bank was once embedded in a partner's site (cross-site)</li>
 *   <li>{@code GET /account} the signed-in user's transfers and the bank's own transfer form</li>
 *   <li>{@code POST /transfer} ({@code to}, {@code amount}) moves money for the session's user — and so does
 *       {@code GET /transfer?to=…&amount=…}, a state-changing GET (legacy)</li>
 *   <li>{@code GET /search?q=…} writes the query into the page unescaped: a reflected XSS (legacy)</li>
 *   <li>{@code POST /api/transfer} the same transfer as JSON ({@code {"to": …, "amount": …}}), read as JSON whatever
 *       the {@code Content-Type} says (legacy)</li>
 *   <li>{@code GET /transfer?_method=POST&…} is handled as a POST, before any check: a framework's method
 *       override (legacy)</li>
 *   <li>{@code GET /go?to=/path} a page whose own script navigates to a path of the bank: a client-side redirect,
 *       a same-site "gadget" (legacy)</li>
 * </ul>
 * With {@link BankDefences#legacy()} nothing checks where a request came from; {@link #defend(BankDefences)} plugs in
 * a CSRF check, an escaper and a session cookie line; {@link #flawedCsrf(CsrfFlaw)} gives the broken CSRF checks the
 * bank tried first (A17–A18). Every transfer, sign-in and refusal is recorded.
 */
public final class LegacyBank implements AutoCloseable {

    /** The victim, a customer of the bank (not a secret: it is a simulator). */
    public static final String VICTIM = "alice";
    /** The victim's password. */
    public static final String VICTIM_PASSWORD = "wonderland";
    /** The attacker, who has an account at the same bank. */
    public static final String ATTACKER = "mallory";
    /** The attacker's password (they know it: it is their own account). */
    public static final String ATTACKER_PASSWORD = "mallorys-own-password";
    /** The label on every page. */
    public static final String LABEL = "ATTACK DEMO: deliberately vulnerable legacy bank (workshop kit, loopback only)";

    private static final String TRANSFORMER = "legacy-bank";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORDS = Map.of(VICTIM, VICTIM_PASSWORD, ATTACKER, ATTACKER_PASSWORD);

    /** A transfer the bank carried out. */
    public record Transfer(String from, String to, long amount, String method) {
        @Override
        public String toString() {
            return from + " → " + to + ": " + amount + " (" + method + ")";
        }
    }

    /** A request the bank's CSRF check refused. */
    public record Refusal(String method, String path, String reason) {
        @Override
        public String toString() {
            return method + " " + path + " refused: " + reason;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session ID -> user
    private final List<Transfer> transfers = new CopyOnWriteArrayList<>();
    private final List<String> signIns = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, String> csrfValues = new ConcurrentHashMap<>(); // session ID -> a flawed scheme's value
    private final byte[] csrfSecret = new byte[32];
    private volatile BankDefences defences = BankDefences.legacy();
    private SimulatedServer server;

    private LegacyBank() {
        random.nextBytes(csrfSecret);
    }

    /** Starts the bank on a free loopback port, with no defence. Stop it with {@link #close()}. */
    public static LegacyBank start(Clock clock) {
        LegacyBank bank = new LegacyBank();
        bank.server = SimulatedServer.start("legacy bank (ATTACK DEMO)", 0, clock, LegacyBank::addPages, bank.new Pages());
        return bank;
    }

    private static void addPages(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/")).willReturn(page("home")));
        server.stubFor(get(urlPathEqualTo("/sign-in")).willReturn(page("sign-in-form")));
        server.stubFor(post(urlPathEqualTo("/sign-in")).willReturn(page("sign-in")));
        server.stubFor(get(urlPathEqualTo("/account")).willReturn(page("account")));
        server.stubFor(any(urlPathEqualTo("/transfer")).willReturn(page("transfer")));
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(page("search")));
        server.stubFor(any(urlPathEqualTo("/api/transfer")).willReturn(page("api-transfer")));
        server.stubFor(get(urlPathEqualTo("/go")).willReturn(page("go")));
    }

    private static ResponseDefinitionBuilder page(String action) {
        return aResponse().withTransformers(TRANSFORMER).withTransformerParameter("action", action);
    }

    // ---- control: the defences, and what the bank recorded ----

    /** Runs the bank with these hooks from now on ({@link BankDefences#legacy()} undoes them). */
    public void defend(BankDefences defences) {
        this.defences = Objects.requireNonNull(defences);
    }

    /**
     * ATTACK DEMO — the bank with one of the broken CSRF checks it tried first (module 04, A17–A18): the check, the
     * token it writes into its forms and the cookies it sets at sign-in. Plug it in with {@link #defend}.
     */
    public BankDefences flawedCsrf(CsrfFlaw flaw) {
        BankDefences none = BankDefences.legacy();
        String host = URI.create(origin()).getAuthority();
        return switch (flaw) {
            case NAIVE_DOUBLE_SUBMIT -> none.withSignInCookies(id -> List.of("csrf=" + csrfValue(id) + "; Path=/"))
                    .withCsrf(this::csrfValue, r -> r.session().isEmpty() ? Optional.empty() : naive(r));
            case TOKEN_TIED_TO_OTHER_COOKIE -> none
                    .withSignInCookies(id -> List.of("csrfKey=" + csrfValue(id) + "; Path=/"))
                    .withCsrf(id -> keyedToken(csrfValue(id)), r -> r.session().isEmpty() ? Optional.empty() : keyed(r));
            case JSON_ANY_CONTENT_TYPE -> none.withCsrf(id -> "", r -> r.path().startsWith("/api/")
                    ? Optional.empty() // FLAW: "a form cannot send JSON", but this endpoint reads any body as JSON
                    : r.header("Origin").filter(o -> !o.equals(origin())).map(o -> "a form from " + o));
            case METHOD_OVERRIDE -> none.withSessionCookie(id -> "session=" + id + "; Path=/; Secure; HttpOnly;"
                    + " SameSite=Lax").withCsrf(id -> "", r -> r.method().equals("POST") ? Optional.empty()
                    : Optional.of("GET does not change state here")); // FLAW: it sees the method after the override
            case REFERER_IF_PRESENT -> none.withCsrf(id -> "", r -> r.header("Referer")
                    .filter(ref -> !ref.startsWith(origin() + "/")) // FLAW: no Referer, no check
                    .map(ref -> "a request from " + ref));
            case REFERER_CONTAINS_HOST -> none.withCsrf(id -> "", r -> r.header("Referer")
                    .filter(ref -> ref.contains(host)) // FLAW: anywhere in the URL, its query string too
                    .isPresent() ? Optional.empty() : Optional.of("the Referer does not name " + host));
        };
    }

    private static Optional<String> naive(BankRequest r) {
        String field = r.form().getOrDefault("csrf", "");
        // FLAW: cookie == field proves only that someone wrote both, not that the bank issued them
        return !field.isEmpty() && field.equals(cookie(r, "csrf").orElse(null)) ? Optional.empty()
                : Optional.of("the csrf field does not match the csrf cookie");
    }

    private Optional<String> keyed(BankRequest r) {
        Optional<String> key = cookie(r, "csrfKey");
        byte[] field = r.form().getOrDefault("csrf", "").getBytes(StandardCharsets.US_ASCII);
        // FLAW: the pair is checked, but nobody asks whose session the csrfKey belongs to
        return key.isPresent() && MessageDigest.isEqual(keyedToken(key.get()).getBytes(StandardCharsets.US_ASCII), field)
                ? Optional.empty() : Optional.of("the csrf field does not match the csrfKey cookie");
    }

    private String csrfValue(String sessionId) {
        return csrfValues.computeIfAbsent(sessionId, id -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    private String keyedToken(String csrfKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfSecret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(csrfKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Optional<String> cookie(BankRequest request, String name) {
        return request.header("Cookie").flatMap(header -> cookieIn(header, name));
    }

    private static Optional<String> cookieIn(String header, String name) {
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return Optional.of(pair.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** Every transfer carried out since the start or {@link #clearRecords()}, oldest first. */
    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    /** Every successful sign-in, as the user name, oldest first. */
    public List<String> signIns() {
        return List.copyOf(signIns);
    }

    /** Every request the CSRF check refused, oldest first. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** The user a session ID belongs to, if the bank issued it. */
    public Optional<String> userOf(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : sessions.get(sessionId));
    }

    /** Forgets transfers, sign-ins and refusals (not the sessions). */
    public void clearRecords() {
        transfers.clear();
        signIns.clear();
        refusals.clear();
    }

    /** What the bank recorded, as text for failure messages. */
    public String records() {
        return "the bank recorded: transfers " + transfers + ", sign-ins " + signIns + ", refusals " + refusals;
    }

    /** The session cookie's name under the current defences ({@code session} in the legacy bank). */
    public String sessionCookieName() {
        String line = defences.sessionCookie().map(f -> f.apply("probe")).orElse(legacyCookie("probe"));
        int eq = line.indexOf('=');
        return eq > 0 ? line.substring(0, eq).strip() : "session";
    }

    public URI uri(String pathAndQuery) {
        return server.uri(pathAndQuery);
    }

    /** The bank's origin, e.g. {@code http://127.0.0.1:40123}. */
    public String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    public SimulatedServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }

    private static String legacyCookie(String id) {
        return "session=" + id + "; Path=/; SameSite=None; Secure"; // FLAW kept for a partner's iframe: cross-site
    }

    private final class Pages implements ResponseDefinitionTransformerV2 {

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
            BankDefences now = defences;
            try {
                Optional<String> session = sessionOf(request, now);
                return switch (action) {
                    case "home" -> html(200, "<h1>Legacy bank</h1><p><a href=\"/sign-in\">Sign in</a> · "
                            + "<a href=\"/account\">Account</a> · <a href=\"/search?q=rates\">Search</a></p>");
                    case "sign-in-form" -> html(200, "<h1>Sign in</h1><form id=\"sign-in\" method=\"POST\" action=\"/sign-in\">"
                            + "<input id=\"user\" name=\"user\"><input id=\"password\" name=\"password\" type=\"password\">"
                            + tokenField(now, session) + "<button>Sign in</button></form>");
                    case "sign-in" -> signIn(request, session, now);
                    case "account" -> account(session, now);
                    case "transfer" -> transfer(request, session, now);
                    case "api-transfer" -> apiTransfer(request, session, now);
                    case "go" -> {
                        String to = Optional.ofNullable(request.queryParameter("to")).filter(p -> p.isPresent())
                                .map(p -> p.firstValue()).orElse("/");
                        // FLAW (legacy): a client-side redirect to any path of the bank, by the page's own script
                        // only paths of this bank: not "//host", nor "/\host", which a browser reads alike
                        boolean path = to.startsWith("/") && !to.startsWith("//") && !to.contains("\\");
                        yield path ? html(200, "<p>Taking you there…</p><script>window.location = "
                                        + jsString(to) + ";</script>")
                                : html(400, "<p>Only paths of this bank.</p>");
                    }
                    case "search" -> {
                        String q = Optional.ofNullable(request.queryParameter("q")).filter(p -> p.isPresent())
                                .map(p -> p.firstValue()).orElse("");
                        // FLAW (legacy): the query goes into the page as it is
                        yield html(200, "<h1>Search</h1><p>Results for " + now.escaper().orElse(s -> s).apply(q)
                                + "</p><p>No results.</p>");
                    }
                    default -> html(500, "<p>unknown page</p>");
                };
            } catch (RuntimeException e) {
                System.err.println("[legacy bank] " + request.getUrl() + " failed: " + e);
                return html(500, "<p>500: the demo bank failed on this request: " + e.getClass().getSimpleName()
                        + " from a defence hook? " + text(String.valueOf(e.getMessage())) + "</p>");
            }
        }

        private ResponseDefinition signIn(Request request, Optional<String> session, BankDefences now) {
            Map<String, String> form = LegacyForms.decode(request.getBodyAsString());
            Optional<ResponseDefinition> refused = refuse(request, request.getMethod().getName(), form, session, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            String user = form.getOrDefault("user", "");
            if (!form.getOrDefault("password", "").equals(PASSWORDS.get(user))) {
                return html(401, "<p>Wrong user name or password.</p>");
            }
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            sessions.put(id, user);
            signIns.add(user);
            List<String> lines = new java.util.ArrayList<>();
            lines.add(now.sessionCookie().map(f -> f.apply(id)).orElse(legacyCookie(id)));
            now.signInCookies().ifPresent(f -> lines.addAll(f.apply(id)));
            return response(200, "<p>Signed in as " + text(user) + ". <a href=\"/account\">Your account</a></p>")
                    .withHeader("Set-Cookie", lines.toArray(String[]::new)).build();
        }

        private ResponseDefinition account(Optional<String> session, BankDefences now) {
            Optional<String> user = session.map(sessions::get);
            if (user.isEmpty()) {
                return html(401, "<p>Please <a href=\"/sign-in\">sign in</a>.</p>");
            }
            StringBuilder list = new StringBuilder("<ul id=\"transfers\">");
            transfers.stream().filter(t -> t.from().equals(user.get()))
                    .forEach(t -> list.append("<li>").append(text(t.toString())).append("</li>"));
            return html(200, "<h1>Account of " + text(user.get()) + "</h1>" + list + "</ul>"
                    + "<form id=\"transfer\" method=\"POST\" action=\"/transfer\"><input id=\"to\" name=\"to\">"
                    + "<input id=\"amount\" name=\"amount\">" + tokenField(now, session) + "<button>Send</button></form>");
        }

        private ResponseDefinition transfer(Request request, Optional<String> session, BankDefences now) {
            String method = request.getMethod().getName();
            Map<String, String> form = method.equals("POST") ? LegacyForms.decode(request.getBodyAsString())
                    : LegacyForms.decode(Optional.ofNullable(URI.create(request.getUrl()).getRawQuery()).orElse(""));
            Optional<String> user = session.map(sessions::get);
            if (user.isEmpty()) {
                return html(401, "<p>Please <a href=\"/sign-in\">sign in</a> first.</p>");
            }
            // FLAW (legacy): the framework's method override turns a GET into a POST before any check
            String handledAs = method.equals("GET") && "POST".equals(form.get("_method")) ? "POST" : method;
            Optional<ResponseDefinition> refused = refuse(request, handledAs, form, session, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            return carryOut(user.get(), form, handledAs.equals(method) ? method : method + " _method=" + handledAs);
        }

        private ResponseDefinition apiTransfer(Request request, Optional<String> session, BankDefences now) {
            Optional<String> user = session.map(sessions::get);
            if (user.isEmpty()) {
                return html(401, "<p>Please <a href=\"/sign-in\">sign in</a> first.</p>");
            }
            if (!request.getMethod().getName().equals("POST")) {
                return html(405, "<p>POST a JSON body.</p>");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            try { // FLAW (legacy): read as JSON whatever the Content-Type says
                JsonNode body = JSON.readTree(request.getBodyAsString());
                body.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
            } catch (java.io.IOException | RuntimeException e) {
                return html(400, "<p>The body is not a JSON object.</p>");
            }
            Optional<ResponseDefinition> refused = refuse(request, "POST", fields, session, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            String type = Optional.ofNullable(request.getHeader("Content-Type")).orElse("no type");
            return carryOut(user.get(), fields, "POST " + type.split(";")[0].strip());
        }

        private ResponseDefinition carryOut(String user, Map<String, String> form, String method) {
            long amount;
            try {
                amount = Long.parseLong(form.getOrDefault("amount", ""));
            } catch (NumberFormatException e) {
                return html(400, "<p>A transfer needs to=… and a whole amount=….</p>");
            }
            String to = form.getOrDefault("to", "");
            if (to.isEmpty() || amount <= 0) {
                return html(400, "<p>A transfer needs to=… and a positive amount=….</p>");
            }
            transfers.add(new Transfer(user, to, amount, method)); // FLAW (legacy): GET too, and no CSRF check
            return html(200, "<p>Transferred " + amount + " to " + text(to) + ".</p>");
        }

        private Optional<ResponseDefinition> refuse(Request request, String method, Map<String, String> form,
                                                    Optional<String> session, BankDefences now) {
            if (now.csrfCheck().isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpHeader h : request.getHeaders().all()) {
                headers.put(h.key().toLowerCase(Locale.ROOT), h.firstValue());
            }
            String path = URI.create(request.getUrl()).getPath();
            Optional<String> reason = now.csrfCheck().get().apply(new BankRequest(method, path, headers, form, session));
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            refusals.add(new Refusal(method, path, reason.get()));
            return Optional.of(html(403, "<p>403 Forbidden: " + text(reason.get()) + "</p>"));
        }

        private String tokenField(BankDefences now, Optional<String> session) {
            if (now.csrfToken().isEmpty() || session.isEmpty()) {
                return "";
            }
            return "<input type=\"hidden\" name=\"csrf\" value=\"" + text(now.csrfToken().get().apply(session.get())) + "\">";
        }

        private Optional<String> sessionOf(Request request, BankDefences now) {
            String name = sessionCookieName();
            String header = request.getHeader("Cookie");
            return header == null ? Optional.empty() : cookieIn(header, name);
        }
    }

    private static String jsString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || "/?&=-_.~%+:".indexOf(c) >= 0 ? String.valueOf(c)
                    : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    /** The bank's own escaping, for what it writes itself (user names, reasons): never for the search query. */
    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    private static ResponseDefinition html(int status, String body) {
        return response(status, body).build();
    }

    private static ResponseDefinitionBuilder response(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store").withHeader("X-Attack-Demo", "legacy bank")
                .withBody("<!doctype html><html><head><meta charset=\"utf-8\"><title>Legacy bank</title>"
                        + "<link rel=\"icon\" href=\"data:,\"></head><body><p><small>" + LABEL + "</small></p>"
                        + body + "</body></html>");
    }
}
