package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.browser.BrowserLab;
import workshop.simulator.browser.SeenRequest;
import workshop.simulator.legacy.LegacyBank;

@Order(14)
@DisplayName("A14 · CSRF: a cross-site form moves the victim's money")
class CsrfTest {

    @RegisterExtension
    static final BrowserLab LAB = BrowserLab.shared();

    static final String WHY = "the bank trusts any request that carries alice's session cookie, wherever it comes from."
            + " OWASP Cross-Site Request Forgery Prevention cheat sheet";

    @Test
    @Order(1)
    @DisplayName("A14 · exploit: alice opens your page on another site; it posts the bank's transfer form with her cookie")
    void exploit() {
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a14.html",
                CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1000));

        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "your page should submit its form by itself");
        assertThat(forged.method()).as("a form POST, as the bank's own form sends. %s", forged).isEqualTo("POST");
        assertThat(forged.sent("session")).as("the browser adds the bank's SameSite=None cookie to the attacker's POST"
                + " (RFC 6265bis 5.6.7 SameSite): %s", forged).isTrue();
        assertThat(LAB.bank().transfers()).as("the bank carried out the transfer: %s. %s", WHY, LAB.bank().records())
                .containsExactly(BankLab.stolen(1000, "POST"));
        assertThat(forged.header("Sec-Fetch-Site")).as("and yet the browser said where it came from: the defence's"
                + " evidence. %s", forged).hasValue("cross-site");
    }

    @Test
    @Order(2)
    @DisplayName("A14 · defence: the bank with your CsrfGuard refuses the same page, and alice's own transfer still works")
    void defence() {
        LAB.bank().defend(BankLab.guarded(BankLab.guard(LAB)));
        LAB.signIn(LegacyBank.VICTIM, LegacyBank.VICTIM_PASSWORD);
        BankLab.visitCrossSite(LAB, "/attack/a14.html",
                CsrfAttack.autoPostingForm(BankLab.transferUrl(LAB), LegacyBank.ATTACKER, 1000));
        SeenRequest forged = BankLab.onlyOne(LAB, "/transfer", "the attacker's page posts its form");

        assertThat(LAB.bank().transfers()).as("your guard must refuse the forged POST (it has no token, and"
                + " Sec-Fetch-Site says cross-site). The browser sent: %s\n  %s", forged, LAB.bank().records()).isEmpty();
        assertThat(LAB.bank().refusals()).as("the bank refused it through your guard").hasSize(1);

        BankLab.transferAsTheUser(LAB, "bob", 25);
        assertThat(LAB.bank().transfers()).as("alice's own transfer, from the bank's form with your token in it, must"
                + " still go through. The browser sent: %s\n  %s", BankLab.sentTo(LAB, "/transfer"), LAB.bank().records())
                .containsExactly(new LegacyBank.Transfer(LegacyBank.VICTIM, "bob", 25, "POST"));
    }

    @Test
    @Order(3)
    @DisplayName("A14 · defence: the token is bound to the session — missing or another session's token is refused")
    void tokenBoundToTheSession() {
        CsrfGuard guard = BankLab.guard(LAB);
        String mine = guard.tokenFor("session-of-alice");
        String theirs = guard.tokenFor("session-of-mallory");
        assertThat(mine).as("a token, base64url").matches("[A-Za-z0-9_-]{22,}");
        assertThat(mine).as("each session has its own token: mallory's token must not work in alice's session")
                .isNotEqualTo(theirs);
        assertThat(guard.tokenFor("session-of-alice")).as("the same session always gets the same token (the form"
                + " and the check agree)").isEqualTo(mine);
        assertThat(BankLab.guard(LAB).tokenFor("session-of-alice")).as("the token depends on the server's key: an"
                + " attacker who knows the session ID still cannot compute it").isNotEqualTo(mine);

        Map<String, String> sameOrigin = Map.of("sec-fetch-site", "same-origin", "origin", LAB.bank().origin());
        CsrfAssert.allowed(guard, new IncomingRequest("POST", sameOrigin, Map.of("to", "bob", "amount", "5",
                "csrf", mine), Optional.of("session-of-alice")), "the bank's own form, with the session's token");
        CsrfAssert.refused(guard, new IncomingRequest("POST", sameOrigin, Map.of("to", "mallory", "amount", "5"),
                Optional.of("session-of-alice")), CsrfRefused.Reason.MISSING_TOKEN, "a signed-in POST without a token");
        CsrfAssert.refused(guard, new IncomingRequest("POST", sameOrigin, Map.of("to", "mallory", "amount", "5",
                "csrf", theirs), Optional.of("session-of-alice")), CsrfRefused.Reason.BAD_TOKEN,
                "mallory's own token in alice's session (the synchronizer token is per session)");
    }

    @Test
    @Order(4)
    @DisplayName("A14 · defence: Fetch Metadata, then Origin: another site's or another origin's request, and a GET, are refused")
    void whereTheRequestCameFrom() {
        CsrfGuard guard = BankLab.guard(LAB);
        Optional<String> session = Optional.of("session-of-alice");
        Map<String, String> form = Map.of("to", "mallory", "amount", "5", "csrf", guard.tokenFor("session-of-alice"));
        for (String site : new String[] {"cross-site", "same-site"}) {
            CsrfAssert.refused(guard, new IncomingRequest("POST", Map.of("sec-fetch-site", site), form, session),
                    CsrfRefused.Reason.CROSS_SITE, "Sec-Fetch-Site: " + site + " (even with a valid token: a page of"
                            + " another origin made this request; only same-origin and none are the bank's own)");
        }
        CsrfAssert.refused(guard, new IncomingRequest("POST", Map.of("origin", "http://localhost:1"), form, session),
                CsrfRefused.Reason.FOREIGN_ORIGIN, "an older browser sends no Sec-Fetch-Site: then Origin must be the"
                        + " bank's own origin, exactly (scheme, host and port)");
        CsrfAssert.allowed(guard, new IncomingRequest("POST", Map.of("origin", LAB.bank().origin()), form, session),
                "no Sec-Fetch-Site, Origin the bank's own, the session's token");
        CsrfAssert.refused(guard, new IncomingRequest("GET", Map.of("sec-fetch-site", "same-origin"), form, session),
                CsrfRefused.Reason.UNSAFE_METHOD, "GET is a safe method (RFC 9110 9.2.1): a link or an image can send"
                        + " it from anywhere, so it must never move money");
    }
}
