package workshop.simulator.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import workshop.simulator.CookieSite;
import workshop.simulator.SimulatedServer;
import workshop.simulator.legacy.LegacyBank;

/**
 * The simulated sites on loopback for the browser lab: two cookie sites with the lab's pages added, and the legacy
 * bank of module 04 (A14–A18):
 * <ul>
 *   <li>the <b>bank</b> at {@code http://127.0.0.1:P1}: sets one cookie per SameSite/HttpOnly/Secure choice, takes
 *       transfers (GET and POST), serves an image, has a search page that reflects its query unescaped (a reflected
 *       XSS, on purpose) and a sign-in form handler;</li>
 *   <li>the <b>other</b> site at port P2, whose pages link, post and embed to the bank. Opened as
 *       {@code http://localhost:P2} it is another site than {@code 127.0.0.1} (cross-site); opened as
 *       {@code http://127.0.0.1:P2} it is the same site on another port (same-site, cross-origin). It is also the
 *       attacker's site: {@link #publish} serves a page of theirs, {@code /lab/collect} records what a stolen
 *       cookie brings;</li>
 *   <li>the {@link LegacyBank} at {@code http://127.0.0.1:P3} (ATTACK DEMO), with a real session.</li>
 * </ul>
 * Cookies are not isolated by port (RFC 6265 8.5): the two banks share the browser's cookies for 127.0.0.1, so a
 * test uses one of them (the lab's browser is reset before each test).
 */
public final class LabSites implements AutoCloseable {

    /** The bank's cookies, one per attribute choice; {@code none_insecure} is refused by the browser. */
    public static final List<String> BANK_COOKIES = List.of(
            "lax=1; Path=/; SameSite=Lax",
            "strict=1; Path=/; SameSite=Strict",
            "unspecified=1; Path=/",
            "none=1; Path=/; SameSite=None; Secure",
            "none_insecure=1; Path=/; SameSite=None",
            "http_only=1; Path=/; HttpOnly; SameSite=Lax",
            "secure=1; Path=/; Secure; SameSite=Lax");

    final SimulatedServer bank;
    final SimulatedServer other;
    private final LegacyBank legacyBank;

    private LabSites(SimulatedServer bank, SimulatedServer other, LegacyBank legacyBank) {
        this.bank = bank;
        this.other = other;
        this.legacyBank = legacyBank;
    }

    /** Starts the three sites on free loopback ports; stop them with {@link #close()}. */
    public static LabSites start() {
        SimulatedServer bank = CookieSite.start();
        SimulatedServer other = null;
        LegacyBank legacy;
        try {
            other = CookieSite.start();
            legacy = LegacyBank.start(Clock.systemUTC());
        } catch (RuntimeException e) {
            bank.close();
            if (other != null) {
                other.close();
            }
            throw e;
        }
        LabSites sites = new LabSites(bank, other, legacy);
        sites.addBankPages();
        sites.addOtherPages();
        return sites;
    }

    /** The browser to run the lab in, if this machine has one (a wrong WORKSHOP_BROWSER fails: it is a mistake). */
    public static Optional<Path> findBrowser() {
        return BrowserFinder.forThisMachine().find();
    }

    /** The sentence for a lab step that cannot run here: {@code skipped: no browser — <how to install one>}. */
    public static String noBrowser() {
        return BrowserFinder.NO_BROWSER + " — " + BrowserFinder.forThisMachine().howToInstall();
    }

    private void addBankPages() {
        bank.wireMock().stubFor(get(urlPathEqualTo("/lab/login")).willReturn(html("<p>Signed in at the bank.</p>")
                .withHeader("Set-Cookie", BANK_COOKIES.toArray(String[]::new))));
        bank.wireMock().stubFor(any(urlPathEqualTo("/lab/transfer")).willReturn(html("<p>Transfer done.</p>")));
        bank.wireMock().stubFor(get(urlPathEqualTo("/lab/pixel.gif")).willReturn(gif()));
        // ATTACK DEMO: the query is written into the page unescaped (triple braces), a reflected XSS on purpose.
        bank.wireMock().stubFor(get(urlPathEqualTo("/lab/search")).willReturn(
                html("<p>Results for {{{request.query.q}}}</p>").withTransformers("response-template")));
        bank.wireMock().stubFor(post(urlPathEqualTo("/lab/sign-in")).willReturn(html("<p>Welcome back.</p>")
                .withHeader("Set-Cookie", "session=attacker-account; Path=/; HttpOnly; SameSite=Lax")));
    }

    private void addOtherPages() {
        String bankUrl = bank.baseUri().toString();
        page("/lab/link", "<a id=\"go\" href=\"" + bankUrl + "/lab/transfer?to=mallory\">a link to the bank</a>");
        page("/lab/form", "<form id=\"f\" method=\"POST\" action=\"" + bankUrl + "/lab/transfer\">"
                + "<input name=\"to\" value=\"mallory\"><input name=\"amount\" value=\"1000\"></form>");
        page("/lab/image", "<img src=\"" + bankUrl + "/lab/pixel.gif\" alt=\"\">");
        page("/lab/fetch", "<p>A page whose script calls the bank.</p>");
        page("/lab/login-csrf", "<form id=\"f\" method=\"POST\" action=\"" + bankUrl + "/lab/sign-in\">"
                + "<input name=\"user\" value=\"attacker\"><input name=\"password\" value=\"attackers-own-password\"></form>");
        other.wireMock().stubFor(get(urlPathEqualTo("/lab/collect")).willReturn(gif()));
    }

    private void page(String path, String body) {
        other.wireMock().stubFor(get(urlPathEqualTo(path)).willReturn(html(body)));
    }

    private static ResponseDefinitionBuilder html(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withBody("<!doctype html><html><head><meta charset=\"utf-8\"><title>lab</title>"
                        + "<link rel=\"icon\" href=\"data:,\"></head><body>" + body + "</body></html>");
    }

    private static ResponseDefinitionBuilder gif() {
        byte[] pixel = java.util.Base64.getDecoder().decode("R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAIBAAA=");
        return aResponse().withStatus(200).withHeader("Content-Type", "image/gif")
                .withHeader("Cache-Control", "no-store").withBody(pixel);
    }

    /** The legacy bank of module 04 (ATTACK DEMO), at {@code http://127.0.0.1:P3}. */
    public LegacyBank legacyBank() {
        return legacyBank;
    }

    /**
     * Serves an HTML page of the attacker's at {@code path} on the other site (e.g. {@code /attack/csrf.html}), as it
     * is; open it as {@link #crossSite(String)} or {@link #sameSite(String)}.
     */
    public void publish(String path, String html) {
        other.wireMock().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("Cache-Control", "no-store")
                .withHeader("X-Attack-Demo", "the attacker's site").withBody(html)));
    }

    /** The attacker's collector on another site: {@code http://localhost:P2/lab/collect} records every visit. */
    public URI collector() {
        return crossSite("/lab/collect");
    }

    /** The values of {@code c} the collector received, oldest first (what a stolen-cookie script sent). */
    public List<String> collected() {
        return otherReceived("/lab/collect").stream().map(e -> e.getRequest().queryParameter("c"))
                .map(p -> p.isPresent() ? p.firstValue() : "").toList();
    }

    /** The bank's address of a path, e.g. {@code http://127.0.0.1:P1/lab/login}. */
    public URI bank(String path) {
        return bank.uri(path);
    }

    /** A page of the other site, opened as another site ({@code http://localhost:P2/...}). */
    public URI crossSite(String path) {
        return URI.create("http://localhost:" + other.port() + path);
    }

    /** A page of the other site, opened as the same site on another port ({@code http://127.0.0.1:P2/...}). */
    public URI sameSite(String path) {
        return other.uri(path);
    }

    /** What the bank received on that path, oldest first (the server's side of the story). */
    public List<ServeEvent> bankReceived(String path) {
        return bank.exchanges().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).toList();
    }

    /** What the other site received on that path, oldest first. */
    public List<ServeEvent> otherReceived(String path) {
        return other.exchanges().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).toList();
    }

    /** Forgets what the sites received, and what the legacy bank recorded; the bank is legacy again. */
    public void clearExchanges() {
        bank.clearExchanges();
        other.clearExchanges();
        legacyBank.server().clearExchanges();
        legacyBank.clearRecords();
        legacyBank.defend(workshop.simulator.legacy.BankDefences.legacy());
    }

    /** The attacker's site's port (the same site as the banks when opened as 127.0.0.1). */
    public int otherPort() {
        return other.port();
    }

    @Override
    public void close() {
        try {
            bank.close();
        } finally {
            try {
                other.close();
            } finally {
                legacyBank.close();
            }
        }
    }
}
