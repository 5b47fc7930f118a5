package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cookie demo site. Pages (all GET):
 * <ul>
 *   <li>{@code /} home page listing the cookies the browser sent, with links to every page</li>
 *   <li>{@code /echo} and {@code /docs/...}: the {@code Cookie} header received, as plain text</li>
 *   <li>{@code /session}: a session cookie (no Expires, no Max-Age) with a fresh random ID</li>
 *   <li>{@code /prefs?theme=dark}: a persistent preference cookie ({@code Max-Age}, 10 minutes)</li>
 *   <li>{@code /remember?theme=dark}: the same with {@code Expires} one hour from the server's clock</li>
 *   <li>{@code /forget}: deletes the preference cookie with {@code Max-Age=0}</li>
 *   <li>{@code /attributes}: one cookie per attribute and prefix</li>
 *   <li>{@code /weak/login}: a deliberately weak login cookie, for the cookie audit (attack demo)</li>
 * </ul>
 * Cookies that persist live minutes, not days: a browser pointed at the site keeps nothing for long, and the weak
 * demo cookies (a persistent session ID, {@code Domain=localhost}) are gone soon after the lesson.
 */
public final class CookieSite {

    /** The preference cookie's lifetime on {@code /prefs} ({@code Max-Age=600}). */
    public static final Duration PREFERENCE_LIFETIME = Duration.ofMinutes(10);
    /** The lifetime of {@code /weak/login}'s session ID: persistent (a weakness the audit finds), but only minutes. */
    public static final Duration WEAK_SESSION_LIFETIME = Duration.ofMinutes(5);
    /** The preference cookie's lifetime on {@code /remember}. */
    public static final Duration REMEMBER_LIFETIME = Duration.ofHours(1);
    /** Themes the site accepts; anything else gets a 400. */
    public static final List<String> THEMES = List.of("light", "dark");

    private static final String TRANSFORMER = "cookie-site";

    private CookieSite() {
    }

    /** Starts the site on a free loopback port with the system clock. */
    public static SimulatedServer start() {
        return start(Clock.systemUTC());
    }

    /** Starts the site on a free loopback port; expiry dates come from {@code clock}. */
    public static SimulatedServer start(Clock clock) {
        return start(clock, 0);
    }

    /** Starts the site on {@code port} (0 = a free one). */
    public static SimulatedServer start(Clock clock, int port) {
        return SimulatedServer.start("cookie site", port, clock, CookieSite::addPages, new DynamicPages(clock));
    }

    private static void addPages(WireMockServer server) {
        page(server, "/", "home");
        page(server, "/echo", "echo");
        server.stubFor(get(urlPathMatching("/docs(/.*)?")).willReturn(dynamic("echo")));
        page(server, "/session", "session");
        page(server, "/prefs", "prefs");
        page(server, "/remember", "remember");
        server.stubFor(get(urlPathEqualTo("/forget")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Set-Cookie", "theme=; Path=/; Max-Age=0")
                .withBody("The theme cookie is deleted: Max-Age=0 tells the browser to drop it now.\n")));
        server.stubFor(get(urlPathEqualTo("/attributes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Set-Cookie",
                        "host_only=1; Path=/",
                        "docs_only=1; Path=/docs",
                        "secure_only=1; Path=/; Secure",
                        "http_only=1; Path=/; HttpOnly",
                        "strict=1; Path=/; SameSite=Strict",
                        "lax=1; Path=/; SameSite=Lax",
                        "cross_site=1; Path=/; SameSite=None; Secure",
                        "__Secure-pref=1; Path=/; Secure",
                        "__Host-id=1; Path=/; Secure; HttpOnly; SameSite=Lax")
                .withBody("Nine cookies, one per attribute or prefix. Look at them in the browser's dev tools.\n")));
        page(server, "/weak/login", "weak-login");
    }

    private static void page(WireMockServer server, String path, String action) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(dynamic(action)));
    }

    private static ResponseDefinitionBuilder dynamic(String action) {
        return ScenarioPages.page(TRANSFORMER, action);
    }

    /** The site's dynamic pages: fresh IDs, dates from the clock, answers that depend on the cookies sent. */
    private static final class DynamicPages extends ScenarioPages {
        private static final DateTimeFormatter IMF_FIXDATE =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

        private final Clock clock;
        private final SecureRandom random = new SecureRandom();
        private final AtomicLong weakCounter = new AtomicLong(1000);

        DynamicPages(Clock clock) {
            super(TRANSFORMER);
            this.clock = clock;
        }

        @Override
        ResponseDefinition answer(String action, Request request) {
            return switch (action) {
                case "home" -> home(request);
                case "echo" -> text(200, "Cookie: " + cookieHeader(request) + "\n").build();
                case "session" -> text(200, "A session cookie: no Expires and no Max-Age, so the browser drops it when it closes.\n")
                        .withHeader("Set-Cookie", "SID=" + newId() + "; Path=/; Secure; HttpOnly; SameSite=Lax").build();
                case "prefs" -> preference(request, "Max-Age=" + PREFERENCE_LIFETIME.toSeconds());
                case "remember" -> preference(request, "Expires=" + IMF_FIXDATE.format(clock.instant().plus(REMEMBER_LIFETIME)));
                case "weak-login" -> weakLogin();
                default -> text(500, "Unknown page action '" + action + "' (a bug in the simulator).\n").build();
            };
        }

        private ResponseDefinition home(Request request) {
            String cookies = cookieHeader(request);
            String body = "<p>Your browser sent: <code>" + Pages.escape(cookies) + "</code></p>"
                    + "<ul>"
                    + "<li><a href=\"/session\">/session</a> sets a session cookie</li>"
                    + "<li><a href=\"/prefs?theme=dark\">/prefs?theme=dark</a> sets a persistent cookie (Max-Age)</li>"
                    + "<li><a href=\"/remember?theme=light\">/remember?theme=light</a> sets a persistent cookie (Expires)</li>"
                    + "<li><a href=\"/forget\">/forget</a> deletes the theme cookie (Max-Age=0)</li>"
                    + "<li><a href=\"/attributes\">/attributes</a> sets one cookie per attribute</li>"
                    + "<li><a href=\"/docs/\">/docs/</a> shows which cookies are sent under /docs</li>"
                    + "<li><a href=\"/weak/login\">/weak/login</a> ATTACK DEMO: a deliberately weak login cookie</li>"
                    + "</ul>";
            return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(Pages.html("Cookie demo site — theme: " + themeOf(request), body)).build();
        }

        private ResponseDefinition preference(Request request, String lifetime) {
            String theme = query(request, "theme");
            if (theme == null || !THEMES.contains(theme)) {
                return text(400, "400 Bad Request: add ?theme=light or ?theme=dark (got "
                        + (theme == null ? "no theme" : "'" + theme + "'") + ").\n").build();
            }
            return text(200, "Theme '" + theme + "' is remembered with " + lifetime.substring(0, lifetime.indexOf('=')) + ".\n")
                    .withHeader("Set-Cookie", "theme=" + theme + "; Path=/; " + lifetime + "; SameSite=Lax").build();
        }

        // Attack demo: every mistake the cookie audit must find, on purpose (with a lifetime of minutes).
        private ResponseDefinition weakLogin() {
            return text(200, "ATTACK DEMO, deliberately insecure, never copy it: logged in (weakly)."
                    + " Audit these Set-Cookie headers (kata 01, C17).\n")
                    .withHeader("Set-Cookie",
                            "sessionid=" + weakCounter.incrementAndGet() + "; Domain=localhost; Path=/; Max-Age="
                                    + WEAK_SESSION_LIFETIME.toSeconds(),
                            "tracker=" + newId() + "; Path=/; SameSite=None")
                    .build();
        }

        private String newId() {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static String themeOf(Request request) {
            var cookie = request.getCookies().get("theme");
            return cookie == null ? "none" : cookie.getValue();
        }

        private static String cookieHeader(Request request) {
            return request.containsHeader("Cookie") ? request.getHeader("Cookie") : "(no Cookie header)";
        }

        private static String query(Request request, String name) {
            String url = request.getUrl();
            int q = url.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name)) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static ResponseDefinitionBuilder text(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withHeader("Cache-Control", "no-store").withBody(body);
        }
    }
}
