package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.browser.BrowserLab;
import workshop.simulator.browser.SeenRequest;
import workshop.simulator.legacy.BankDefences;
import workshop.simulator.legacy.LegacyBank;

@Order(16)
@DisplayName("A16 · cookie theft by script: a reflected XSS reads the session cookie; HttpOnly and escaping")
class CookieTheftTest {

    @RegisterExtension
    static final BrowserLab LAB = BrowserLab.shared();

    /** alice follows the attacker's link: the bank's search page with your payload as the query. */
    static void followTheLink(String payload) {
        LAB.browser().navigate(URI.create(LAB.bank().uri("/search") + "?q="
                + URLEncoder.encode(payload, StandardCharsets.UTF_8)));
    }

    /** The payload's request to the collector runs on its own after the page loads: wait for it (bounded). */
    static List<String> awaitCollected() {
        for (int attempt = 0; attempt < 20 && LAB.sites().collected().isEmpty(); attempt++) {
            LAB.browser().evaluate("new Promise(r => setTimeout(() => r('tick'), 100))");
        }
        return LAB.sites().collected();
    }

    static String sessionId() {
        return BankLab.session(LAB).orElseThrow(() -> new AssertionError("alice's browser holds no bank session:"
                + " cookies " + LAB.browser().cookies())).value();
    }

    @Test
    @Order(1)
    @DisplayName("A16 · exploit: your payload in the search link runs in the bank's page and sends alice's session to you")
    void exploit() {
        String payload = CookieTheft.payload(LAB.sites().collector());
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        followTheLink(payload);

        List<String> stolen = awaitCollected();
        assertThat(stolen).as("the collector %s should receive one request with c = document.cookie; the browser sent:"
                + " %s", LAB.sites().collector(), LAB.browser().requests()).hasSize(1);
        String session = sessionId();
        assertThat(stolen.get(0)).as("document.cookie holds the session cookie, which is not HttpOnly in the legacy"
                + " bank (OWASP XSS Prevention cheat sheet)").contains("session=" + session);
        assertThat(LAB.bank().userOf(session)).as("and the bank says that session is alice's: the attacker can now"
                + " use it from any browser").hasValue(LegacyBank.VICTIM);
    }

    @Test
    @Order(2)
    @DisplayName("A16 · defence: with your HtmlEscape on the search page the payload is shown as text, and the collector gets nothing")
    void escaping() {
        String payload = CookieTheft.payload(LAB.sites().collector());
        assertThat(HtmlEscape.text("<b title=\"x\">Tom & Jerry's</b>")).as("the five characters of HTML syntax"
                + " become character references (OWASP XSS Prevention cheat sheet, output encoding for HTML contexts)")
                .isEqualTo("&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/b&gt;");
        LAB.bank().defend(BankDefences.legacy().withEscaper(HtmlEscape::text));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        followTheLink(payload);

        assertThat(LAB.browser().evaluate("document.body.innerText")).as("the page shows the query as text")
                .contains(payload);
        assertThat(LAB.browser().evaluate("document.scripts.length")).as("and runs no script of the query").isEqualTo("0");
        assertThat(LAB.sites().collected()).as("the collector must receive nothing").isEmpty();
        assertThat(LAB.browser().requests()).as("nor did the browser try").noneMatch(r -> r.url().getPath()
                .equals("/lab/collect"));
    }

    @Test
    @Order(3)
    @DisplayName("A16 · defence: with your SessionCookie (HttpOnly) and no escaping, the script runs but steals no session")
    void httpOnly() {
        String line = SessionCookie.setCookie("probe");
        assertThat(java.util.Arrays.stream(line.split(";")).map(String::strip).toList()).as("Set-Cookie: %s — HttpOnly keeps it from scripts, Secure from plain HTTP, Path=/"
                + " for the whole site, SameSite=Lax or Strict off cross-site subrequests (OWASP Session Management"
                + " cheat sheet, 'Cookies')", line).contains("HttpOnly", "Secure", "Path=/")
                .containsAnyOf("SameSite=Lax", "SameSite=Strict");
        String payload = CookieTheft.payload(LAB.sites().collector());
        LAB.bank().defend(BankDefences.legacy().withSessionCookie(SessionCookie::setCookie));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        String session = sessionId();
        followTheLink(payload);

        List<String> stolen = awaitCollected();
        assertThat(stolen).as("the XSS is still there: the script runs and calls the collector").hasSize(1);
        assertThat(stolen.get(0)).as("but document.cookie no longer shows the HttpOnly session cookie. Stored: %s",
                LAB.browser().cookies()).doesNotContain(session);
    }

    @Test
    @Order(4)
    @DisplayName("A16 · the limit of HttpOnly: the injected script's own request still carries the session (fix the XSS)")
    void httpOnlyDoesNotStopAbuse() {
        String line = SessionCookie.setCookie("probe");
        assertThat(line).as("Set-Cookie: %s", line).contains("HttpOnly");
        LAB.bank().defend(BankDefences.legacy().withSessionCookie(SessionCookie::setCookie));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        followTheLink("<script>fetch('/transfer', {method: 'POST', body: new URLSearchParams("
                + "{to: 'mallory', amount: '50'})});</script>");

        SeenRequest acting = awaitTransfer();
        assertThat(acting.sent(LAB.bank().sessionCookieName())).as("a script in the bank's page cannot READ an HttpOnly"
                + " cookie, but its same-origin requests CARRY it: HttpOnly stops theft, not abuse. %s", acting).isTrue();
        assertThat(LAB.bank().transfers()).as("the bank carried out the script's transfer: only fixing the XSS"
                + " (your HtmlEscape) cures it. %s", LAB.bank().records()).containsExactly(BankLab.stolen(50, "POST"));
    }

    private static SeenRequest awaitTransfer() {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<SeenRequest> seen = BankLab.sentTo(LAB, "/transfer");
            // answered: the bank has recorded what it did with the request
            if (!seen.isEmpty() && seen.get(0).sentHeadersKnown() && seen.get(0).status() != 0) {
                return seen.get(0);
            }
            LAB.browser().evaluate("new Promise(r => setTimeout(() => r('tick'), 100))");
        }
        throw new AssertionError("The injected script made no request to /transfer within 2 s; requests seen: "
                + LAB.browser().requests());
    }
}
