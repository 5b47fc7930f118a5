package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.browser.BrowserLab;
import workshop.simulator.browser.SeenRequest;
import workshop.simulator.legacy.CsrfFlaw;
import workshop.simulator.legacy.LegacyBank;

@Order(17)
@DisplayName("A17 · CSRF tokens done wrong: double-submit, a token tied to another cookie, JSON by text/plain, method override")
class CsrfTokensDoneWrongTest {

    @RegisterExtension
    static final BrowserLab LAB = BrowserLab.shared();

    static final String SHEET = "OWASP Cross-Site Request Forgery Prevention cheat sheet";

    static URI apiUrl() {
        return LAB.bank().uri("/api/transfer");
    }

    static void flawed(CsrfFlaw flaw) {
        LAB.bank().defend(LAB.bank().flawedCsrf(flaw));
    }

    @Test
    @Order(1)
    @DisplayName("A17 · exploit: naive double-submit — your same-site page writes the csrf cookie, then posts the same value")
    void naiveDoubleSubmit() {
        String page = CsrfBypass.doubleSubmit(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 700);
        flawed(CsrfFlaw.NAIVE_DOUBLE_SUBMIT);
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitSameSite(LAB, "/attack/a17-double-submit.html", page);

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should write the cookie, then submit its form");
        assertThat(forged.sent("csrf")).as("the POST must carry a csrf cookie your page wrote: a page of 127.0.0.1 on"
                + " any port writes cookies for 127.0.0.1 (cookies ignore the port, RFC 6265 8.5). %s", forged).isTrue();
        assertThat(LAB.bank().transfers()).as("the bank's check only compares cookie and field, so any pair the"
                + " attacker wrote passes. %s, 'naive double-submit': sign the cookie (HMAC of the session) or keep a"
                + " synchronizer token. %s", SHEET, LAB.bank().records()).containsExactly(BankLab.stolen(700, "POST"));
    }

    @Test
    @Order(2)
    @DisplayName("A17 · exploit: a token tied to a non-session cookie — plant YOUR csrfKey, post YOUR token in alice's session")
    void tokenTiedToAnotherCookie() {
        flawed(CsrfFlaw.TOKEN_TIED_TO_OTHER_COOKIE);
        BankLab.OwnAccount mallory = BankLab.attackersOwnAccount(LAB, "csrfKey");
        String page = CsrfBypass.plantedPair(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 800, mallory.cookie(),
                mallory.csrf());
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitSameSite(LAB, "/attack/a17-planted-pair.html", page);

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should plant the cookie, then submit its form");
        assertThat(forged.cookieHeader().orElse("")).as("alice's browser must send mallory's csrfKey (your page"
                + " overwrote alice's: same name, host and path). %s", forged).contains("csrfKey=" + mallory.cookie());
        assertThat(LAB.bank().transfers()).as("the token matches its csrfKey cookie, but the key is mallory's and the"
                + " session alice's: a token must be tied to the session itself (%s, 'signed double-submit cookie':"
                + " HMAC over the session ID). %s", SHEET, LAB.bank().records())
                .containsExactly(BankLab.stolen(800, "POST"));
    }

    @Test
    @Order(3)
    @DisplayName("A17 · exploit: the JSON endpoint reads any body as JSON — a text/plain form writes one, cross-site")
    void jsonByTextPlain() {
        String page = CsrfBypass.jsonAsTextPlain(apiUrl(), LegacyBank.ATTACKER, 900);
        flawed(CsrfFlaw.JSON_ANY_CONTENT_TYPE);
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a17-json.html", page);

        SeenRequest forged = BankLab.onlyOne(LAB, "/api/transfer", "your page should submit a form to the JSON API");
        assertThat(forged.header("Content-Type").orElse("")).as("a form may send text/plain without a CORS preflight"
                + " (Fetch: a CORS-safelisted request header); application/json it cannot. %s", forged)
                .startsWith("text/plain");
        assertThat(LAB.bank().transfers()).as("the endpoint read the form's name=value as a JSON object: the fields"
                + " must be to=%s and amount=900 (the '=' hides in a padding string). An API that accepts only"
                + " Content-Type: application/json, or a custom header, forces a preflight (%s, 'Employing Custom Request"
                + " Headers for AJAX/API'; OWASP WebGoat, 'CSRF and content-type'). %s", LegacyBank.ATTACKER, SHEET,
                LAB.bank().records()).containsExactly(BankLab.stolen(900, "POST text/plain"));
    }

    @Test
    @Order(4)
    @DisplayName("A17 · exploit: method override — a top-level GET with _method=POST carries the Lax cookie past a POST-only check")
    void methodOverride() {
        URI link = CsrfBypass.methodOverride(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1100);
        flawed(CsrfFlaw.METHOD_OVERRIDE);
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a17-override.html", CsrfAttack.topLevelNavigation(link));

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your A15 page navigates the tab to your address");
        assertThat(forged.method()).as("a GET: only a top-level GET carries a Lax cookie cross-site").isEqualTo("GET");
        assertThat(forged.sent("session")).as("Lax cookies go with a cross-site top-level navigation by a safe method"
                + " (RFC 6265bis 5.6.7.1). %s", forged).isTrue();
        assertThat(LAB.bank().transfers()).as("the framework made the GET a POST before the check looked at the method:"
                + " the check must see what the application does (PortSwigger, 'SameSite Lax bypass via method"
                + " override'). %s", LAB.bank().records()).containsExactly(BankLab.stolen(1100, "GET _method=POST"));
    }

    @Test
    @Order(5)
    @DisplayName("A17 · defence: your A14 guard refuses all four pages: the token is the session's, and Sec-Fetch-Site says where they came from")
    void guardRefusesAll() {
        BankLab.OwnAccount mallory = new BankLab.OwnAccount("key-of-mallory", "token-of-mallory");
        LAB.bank().defend(BankLab.guarded(BankLab.guard(LAB)));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitSameSite(LAB, "/attack/a17-double-submit.html",
                CsrfBypass.doubleSubmit(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 700));
        BankLab.visitSameSite(LAB, "/attack/a17-planted-pair.html", CsrfBypass.plantedPair(BankLab.transferUrl(LAB),
                LegacyBank.ATTACKER, 800, mallory.cookie(), mallory.csrf()));
        BankLab.visitCrossSite(LAB, "/attack/a17-json.html", CsrfBypass.jsonAsTextPlain(apiUrl(), LegacyBank.ATTACKER,
                900));
        BankLab.visitCrossSite(LAB, "/attack/a17-override.html", CsrfAttack.topLevelNavigation(
                CsrfBypass.methodOverride(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1100)));

        assertThat(LAB.bank().transfers()).as("your guard must refuse every one: a token that is an HMAC of the"
                + " session (no cookie the attacker can write), Sec-Fetch-Site same-origin or none (same-site is not"
                + " same-origin), and it runs on what the framework handles, a POST, even for the JSON API. The"
                + " browser sent: %s %s\n  %s", BankLab.sentTo(LAB, "/transfer"), BankLab.sentTo(LAB, "/api/transfer"),
                LAB.bank().records()).isEmpty();
        assertThat(LAB.bank().refusals()).as("each of the four was refused by your guard. %s", LAB.bank().records())
                .hasSize(4);
    }
}
