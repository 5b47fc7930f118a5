package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.browser.BrowserLab;
import workshop.simulator.browser.SeenRequest;
import workshop.simulator.legacy.BankDefences;
import workshop.simulator.legacy.CsrfFlaw;
import workshop.simulator.legacy.LegacyBank;

@Order(18)
@DisplayName("A18 · origin checks and SameSite done wrong: Referer checks, a redirect gadget, Lax+POST")
class OriginChecksDoneWrongTest {

    @RegisterExtension
    static final BrowserLab LAB = BrowserLab.shared();

    static final String STRICT = "; Path=/; Secure; HttpOnly; SameSite=Strict";
    /** The bank's cookie line without a SameSite attribute: the browser decides. */
    static final String UNSPECIFIED = "; Path=/; Secure; HttpOnly";
    static final String LAX = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    static BankDefences withCookie(BankDefences defences, String attributes) {
        return defences.withSessionCookie(id -> "session=" + id + attributes);
    }

    static URI gadgetLink(long amount) {
        return CsrfBypass.throughRedirect(LAB.bank().uri("/go"),
                LAB.bank().uri("/transfer?to=" + LegacyBank.ATTACKER + "&amount=" + amount));
    }

    @Test
    @Order(1)
    @DisplayName("A18 · exploit: a Referer check that passes requests without one — your page sends no Referer")
    void refererOnlyWhenPresent() {
        String page = CsrfBypass.withoutReferer(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1200);
        LAB.bank().defend(LAB.bank().flawedCsrf(CsrfFlaw.REFERER_IF_PRESENT));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a18-no-referrer.html", page);

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should submit its form by itself");
        assertThat(forged.header("Referer")).as("the page's referrer policy (no-referrer, W3C Referrer Policy) removes"
                + " the header: any page may choose it. %s", forged).isEmpty();
        assertThat(LAB.bank().transfers()).as("the bank skipped its check for a request without Referer: a missing"
                + " header must count as a failed check (OWASP CSRF Prevention cheat sheet, 'Verifying origin with"
                + " standard headers'). %s", LAB.bank().records()).containsExactly(BankLab.stolen(1200, "POST"));
    }

    @Test
    @Order(2)
    @DisplayName("A18 · exploit: a Referer check that looks for the bank's host anywhere — put it in your page's query")
    void refererContainsHost() {
        String bankHost = URI.create(LAB.bank().origin()).getAuthority();
        String page = CsrfBypass.refererContaining(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1300, bankHost);
        LAB.bank().defend(LAB.bank().flawedCsrf(CsrfFlaw.REFERER_CONTAINS_HOST));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a18-referer.html", page);

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should submit its form by itself");
        assertThat(forged.header("Referer").orElse("")).as("the Referer is your page's full URL (unsafe-url; the"
                + " default strict-origin-when-cross-origin would cut it to the origin), with %s in its query. %s",
                bankHost, forged).startsWith(LAB.sites().crossSite("/").toString()).contains(bankHost);
        assertThat(LAB.bank().transfers()).as("'contains' is not 'is': compare the parsed origin exactly, or better"
                + " check Origin / Sec-Fetch-Site (OWASP CSRF Prevention cheat sheet; PortSwigger, 'CSRF with broken"
                + " Referer validation'). %s", LAB.bank().records()).containsExactly(BankLab.stolen(1300, "POST"));
    }

    @Test
    @Order(3)
    @DisplayName("A18 · exploit: SameSite=Strict and a client-side redirect on the bank — its own script's GET carries the cookie")
    void strictViaRedirectGadget() {
        URI link = gadgetLink(1400);
        LAB.bank().defend(withCookie(BankDefences.legacy(), STRICT));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a18-gadget.html", CsrfAttack.topLevelNavigation(link));

        SeenRequest forged = BankLab.awaitAnswered(LAB, "/transfer", 1);
        SeenRequest hop = BankLab.onlyOne(LAB, "/go", "your page should navigate to the bank's /go?to=…");
        assertThat(hop.sent("session")).as("the cross-site navigation to /go leaves the Strict cookie home. %s", hop)
                .isFalse();
        assertThat(forged.sent("session")).as("the /go page's own script navigated: a navigation started by the bank's"
                + " page is same-site, so even Strict cookies go (RFC 6265bis 5.2; PortSwigger, 'SameSite Strict bypass"
                + " via client-side redirect'). %s", forged).isTrue();
        assertThat(forged.header("Sec-Fetch-Site")).as("the browser even calls it same-origin (the bank's own page"
                + " started it): Fetch Metadata alone would let it pass. %s", forged).hasValue("same-origin");
        assertThat(LAB.bank().transfers()).as("the legacy GET transfer ran: SameSite is defence in depth; the rule"
                + " that holds is 'no state change by GET' (RFC 9110 9.2.1). %s", LAB.bank().records())
                .containsExactly(BankLab.stolen(1400, "GET"));
    }

    @Test
    @Order(4)
    @DisplayName("A18 · exploit: no SameSite on a fresh cookie — Chromium's Lax-allowing-unsafe lets your A14 POST through for 2 minutes")
    void laxPlusPost() {
        String page = CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1500);
        LAB.bank().defend(withCookie(BankDefences.legacy(), LAX));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a18-lax.html", page);
        SeenRequest explicitLax = BankLab.onlyOne(LAB, "/transfer", "your A14 page posts its form");
        assertThat(explicitLax.sent("session")).as("an explicit SameSite=Lax cookie stays home on a cross-site POST"
                + " (RFC 6265bis 5.6.7.1). %s", explicitLax).isFalse();

        LAB.browser().reset();
        LAB.sites().clearExchanges();
        LAB.bank().defend(withCookie(BankDefences.legacy(), UNSPECIFIED));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a18-lax.html", page);
        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your A14 page posts its form");
        assertThat(forged.sent("session")).as("a cookie set WITHOUT SameSite is Lax by default, but a fresh one (under"
                + " 2 minutes) still rides on a cross-site top-level POST: 'Lax-allowing-unsafe' (RFC 6265bis 5.6.7.1;"
                + " Chromium keeps it for sign-in flows that POST back). %s", forged).isTrue();
        assertThat(LAB.bank().transfers()).as("the bank carried out the transfer: always write SameSite, and check"
                + " the request (PortSwigger, 'SameSite Lax bypass via cookie refresh'). %s", LAB.bank().records())
                .containsExactly(BankLab.stolen(1500, "POST"));
    }

    @Test
    @Order(5)
    @DisplayName("A18 · defence: your A14 guard refuses all four: a missing header is not a pass, Origin is compared exactly, GET never moves money")
    void guardRefusesAll() {
        LAB.bank().defend(withCookie(BankLab.guarded(BankLab.guard(LAB)), UNSPECIFIED));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        String bankHost = URI.create(LAB.bank().origin()).getAuthority();
        BankLab.visitCrossSite(LAB, "/attack/a18-no-referrer.html",
                CsrfBypass.withoutReferer(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1200));
        BankLab.visitCrossSite(LAB, "/attack/a18-referer.html",
                CsrfBypass.refererContaining(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1300, bankHost));
        BankLab.visitCrossSite(LAB, "/attack/a18-lax.html",
                CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1500));
        BankLab.visitCrossSite(LAB, "/attack/a18-gadget.html", CsrfAttack.topLevelNavigation(gadgetLink(1400)));
        BankLab.awaitAnswered(LAB, "/transfer", 4);

        assertThat(LAB.bank().transfers()).as("your guard must refuse every one: it reads Sec-Fetch-Site (or Origin),"
                + " never Referer, and refuses GET even when Sec-Fetch-Site says same-origin (the gadget's hop). The"
                + " browser sent: %s\n  %s", BankLab.sentTo(LAB, "/transfer"), LAB.bank().records()).isEmpty();
        assertThat(LAB.bank().refusals()).as("each of the four was refused by your guard. %s", LAB.bank().records())
                .hasSize(4);
    }
}
