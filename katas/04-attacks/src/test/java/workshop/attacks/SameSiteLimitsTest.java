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
import workshop.simulator.legacy.LegacyBank;

@Order(15)
@DisplayName("A15 · SameSite limits: same-site is not same-origin, Lax sends top-level GETs, login CSRF")
class SameSiteLimitsTest {

    @RegisterExtension
    static final BrowserLab LAB = BrowserLab.shared();

    static final String STRICT = "; Path=/; Secure; HttpOnly; SameSite=Strict";
    static final String LAX = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    /** The bank after a first fix: its session cookie is SameSite=Strict or Lax (given), with or without your guard. */
    static BankDefences modernised(BankDefences defences, String attributes) {
        return defences.withSessionCookie(id -> "session=" + id + attributes);
    }

    static URI getTransfer(long amount) {
        return LAB.bank().uri("/transfer?to=" + LegacyBank.ATTACKER + "&amount=" + amount);
    }

    @Test
    @Order(1)
    @DisplayName("A15 · exploit: your page on 127.0.0.1 at another port is the same site: even a Strict cookie goes with its POST")
    void sameSiteOtherPort() {
        LAB.bank().defend(modernised(BankDefences.legacy(), STRICT));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitSameSite(LAB, "/attack/a15-same-site.html",
                CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 300));

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your A14 page, served from 127.0.0.1:<other port>");
        assertThat(forged.sent("session")).as("a site is scheme + registrable domain, without the port (RFC 6265bis"
                + " 5.2 'same-site'): 127.0.0.1:%d and the bank are one site, so SameSite=Strict does not stop it. %s",
                LAB.sites().otherPort(), forged).isTrue();
        assertThat(forged.header("Sec-Fetch-Site")).as("the browser says same-site, not same-origin").hasValue("same-site");
        assertThat(LAB.bank().transfers()).as("the bank carried out the transfer. %s", LAB.bank().records())
                .containsExactly(BankLab.stolen(300, "POST"));
    }

    @Test
    @Order(2)
    @DisplayName("A15 · exploit: under SameSite=Lax a top-level GET from another site carries the cookie: the legacy GET transfer works")
    void laxTopLevelGet() {
        LAB.bank().defend(modernised(BankDefences.legacy(), LAX));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a15-get.html", CsrfAttack.topLevelNavigation(getTransfer(400)));

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should navigate the whole tab to the transfer URL");
        assertThat(forged.method()).isEqualTo("GET");
        assertThat(forged.sent("session")).as("Lax cookies go with a cross-site top-level navigation by a safe method"
                + " (RFC 6265bis 5.6.7.1): a state-changing GET is open to any link. %s", forged).isTrue();
        assertThat(LAB.bank().transfers()).as("the bank carried out the GET transfer. %s", LAB.bank().records())
                .containsExactly(BankLab.stolen(400, "GET"));
    }

    @Test
    @Order(3)
    @DisplayName("A15 · exploit: login CSRF — your page signs alice's browser in to YOUR account, whatever SameSite says")
    void loginCsrf() {
        LAB.bank().defend(modernised(BankDefences.legacy(), LAX));
        BankLab.visitCrossSite(LAB, "/attack/a15-login.html", CsrfAttack.loginForm(LAB.bank().uri("/sign-in"),
                LegacyBank.ATTACKER, LegacyBank.ATTACKER_PASSWORD));

        BankLab.onlyOne(LAB, "/sign-in", "your page should post the bank's sign-in form by itself");
        assertThat(LAB.bank().signIns()).as("the bank signed someone in. %s", LAB.bank().records())
                .containsExactly(LegacyBank.ATTACKER);
        String session = BankLab.session(LAB).map(c -> c.value()).orElse("(none)");
        assertThat(LAB.bank().userOf(session)).as("the browser now holds a session of the attacker's account: whatever"
                + " alice types in (a card, a search) lands where mallory reads it. No cookie was needed, so SameSite"
                + " cannot help (OWASP CSRF cheat sheet, 'Login CSRF'). Cookies: %s", LAB.browser().cookies())
                .hasValue(LegacyBank.ATTACKER);
    }

    @Test
    @Order(4)
    @DisplayName("A15 · defence: your A14 guard refuses the same-site POST (Sec-Fetch-Site: same-site), alice's form still works")
    void guardRefusesSameSite() {
        LAB.bank().defend(modernised(BankLab.guarded(BankLab.guard(LAB)), STRICT));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitSameSite(LAB, "/attack/a15-same-site.html",
                CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 300));
        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "the same-site page posts its form");

        assertThat(LAB.bank().transfers()).as("same-site is not same-origin: your guard allows only Sec-Fetch-Site"
                + " same-origin or none (and the token is missing). The browser sent: %s\n  %s", forged,
                LAB.bank().records()).isEmpty();
        BankLab.transferAsTheUser(LAB, "bob", 25);
        assertThat(LAB.bank().transfers()).as("alice's own transfer still works. %s", LAB.bank().records())
                .containsExactly(new LegacyBank.Transfer(LegacyBank.VICTIM, "bob", 25, "POST"));
    }

    @Test
    @Order(5)
    @DisplayName("A15 · defence: your A14 guard refuses the transfer by GET, whatever cookie came with it")
    void guardRefusesGet() {
        LAB.bank().defend(modernised(BankLab.guarded(BankLab.guard(LAB)), LAX));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a15-get.html", CsrfAttack.topLevelNavigation(getTransfer(400)));
        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "the page navigates to the GET transfer");

        assertThat(LAB.bank().transfers()).as("a state change by GET must be refused (RFC 9110 9.2.1: GET is safe)."
                + " The browser sent: %s\n  %s", forged, LAB.bank().records()).isEmpty();
        assertThat(LAB.bank().refusals()).as("refused by your guard").hasSize(1);
    }

    @Test
    @Order(6)
    @DisplayName("A15 · defence: your A14 guard refuses the cross-site sign-in: alice's browser gets no session of mallory's")
    void guardRefusesLoginCsrf() {
        LAB.bank().defend(modernised(BankLab.guarded(BankLab.guard(LAB)), LAX));
        BankLab.visitCrossSite(LAB, "/attack/a15-login.html", CsrfAttack.loginForm(LAB.bank().uri("/sign-in"),
                LegacyBank.ATTACKER, LegacyBank.ATTACKER_PASSWORD));
        SeenRequest forged = BankLab.onlyOne(LAB, "/sign-in", "the page posts the sign-in form");

        assertThat(LAB.bank().signIns()).as("the sign-in form needs the same check: no session yet, so no token, but"
                + " Sec-Fetch-Site says cross-site. The browser sent: %s\n  %s", forged, LAB.bank().records()).isEmpty();
        assertThat(BankLab.session(LAB)).as("no session cookie was planted").isEmpty();
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        assertThat(LAB.bank().signIns()).as("alice's own sign-in, on the bank's page, still works. %s",
                LAB.bank().records()).containsExactly(LegacyBank.VICTIM);
    }
}
