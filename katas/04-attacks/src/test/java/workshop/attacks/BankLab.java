package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workshop.simulator.browser.BrowserCookie;
import workshop.simulator.browser.BrowserException;
import workshop.simulator.browser.BrowserLab;
import workshop.simulator.browser.SeenRequest;
import workshop.simulator.legacy.BankDefences;
import workshop.simulator.legacy.BankRequest;
import workshop.simulator.legacy.LegacyBank;

/** The browser steps' access to the lab: the legacy bank (ATTACK DEMO), the attacker's site and the browser. */
final class BankLab {

    private BankLab() {
    }

    /** A guard of yours with a fresh key, for the bank's origin. */
    static CsrfGuard guard(BrowserLab lab) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CsrfGuard(key, lab.bank().origin());
    }

    /**
     * The bank's hooks filled with your guard. Your code is called once here first, so that an unfinished step shows
     * its own message instead of a bank that answers 500.
     */
    static BankDefences guarded(CsrfGuard guard) {
        guard.tokenFor("probe");
        return BankDefences.legacy().withCsrf(guard::tokenFor, request -> {
            try {
                guard.check(incoming(request));
                return Optional.empty();
            } catch (CsrfRefused refused) {
                return Optional.of(refused.getMessage());
            }
        });
    }

    static IncomingRequest incoming(BankRequest r) {
        return new IncomingRequest(r.method(), r.headers(), r.form(), r.session());
    }

    /** Serves the attacker's page on the other site, opened as another site, and lets the browser follow it. */
    static void visitCrossSite(BrowserLab lab, String path, String html) {
        lab.sites().publish(path, html);
        lab.browser().openAndFollow(lab.sites().crossSite(path));
    }

    /** The same, opened as the same site on another port ({@code http://127.0.0.1:<other port>}). */
    static void visitSameSite(BrowserLab lab, String path, String html) {
        lab.sites().publish(path, html);
        lab.browser().openAndFollow(lab.sites().sameSite(path));
    }

    /** The browser's own record of what it sent to the bank's path, with the headers it really sent. */
    static List<SeenRequest> sentTo(BrowserLab lab, String path) {
        return lab.browser().requestsTo(path).stream()
                .filter(r -> r.url().getPort() == lab.bank().server().port()).toList();
    }

    static SeenRequest onlyOne(BrowserLab lab, String path, String what) {
        List<SeenRequest> sent = sentTo(lab, path);
        assertThat(sent).as("%s: the browser should have sent exactly one request to the bank's %s; it sent: %s\n  %s",
                what, path, lab.browser().requests(), lab.bank().records()).hasSize(1);
        return sent.get(0);
    }

    /** The session cookie the browser holds for the bank now. */
    static Optional<BrowserCookie> session(BrowserLab lab) {
        String name = lab.bank().sessionCookieName();
        return lab.browser().cookies().stream().filter(c -> c.name().equals(name) && c.domain().equals("127.0.0.1"))
                .findFirst();
    }

    /** Transfers {@code amount} to {@code to} through the bank's own account page, as the signed-in user would. */
    static void transferAsTheUser(BrowserLab lab, String to, long amount) {
        lab.browser().navigate(lab.bank().uri("/account"));
        lab.browser().navigateBy("document.querySelector('#to').value = '" + to + "';"
                + " document.querySelector('#amount').value = '" + amount + "';"
                + " document.querySelector('#transfer').submit();");
    }

    static URI transferUrl(BrowserLab lab) {
        return lab.bank().uri("/transfer");
    }

    static LegacyBank.Transfer stolen(long amount, String method) {
        return new LegacyBank.Transfer(LegacyBank.VICTIM, LegacyBank.ATTACKER, amount, method);
    }

    /** What the attacker reads in their own account: a cookie's value and the {@code csrf} field of the bank's form. */
    record OwnAccount(String cookie, String csrf) {
    }

    /**
     * Signs in as the attacker with a plain HTTP client (not the victim's browser) and reads their own {@code cookieName}
     * cookie and the token in their own account page, as mallory would with her browser's developer tools.
     */
    static OwnAccount attackersOwnAccount(BrowserLab lab, String cookieName) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(lab.bank().uri("/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + LegacyBank.ATTACKER + "&password="
                            + LegacyBank.ATTACKER_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = signedIn.headers().allValues("Set-Cookie");
            String cookies = String.join("; ", lines.stream().map(l -> l.split(";")[0]).toList());
            String value = lines.stream().map(l -> l.split(";")[0]).filter(p -> p.startsWith(cookieName + "="))
                    .map(p -> p.substring(cookieName.length() + 1)).findFirst()
                    .orElseThrow(() -> new AssertionError("the bank set no " + cookieName + " cookie: " + lines));
            String page = http.send(HttpRequest.newBuilder(lab.bank().uri("/account")).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(page);
            if (!token.find()) {
                throw new AssertionError("the attacker's account page has no csrf field: " + page);
            }
            return new OwnAccount(value, token.group(1));
        } catch (IOException e) {
            throw new AssertionError("the bank did not answer the attacker's sign-in: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Requests the page makes after it loaded (a script's second navigation): waits (bounded) until the browser has
     * the answers to {@code count} requests to the bank's {@code path}, and returns the last.
     */
    static SeenRequest awaitAnswered(BrowserLab lab, String path, int count) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<SeenRequest> seen = sentTo(lab, path).stream()
                    .filter(r -> r.sentHeadersKnown() && r.status() != 0).toList();
            if (seen.size() >= count) {
                return seen.get(count - 1);
            }
            try {
                lab.browser().evaluate("new Promise(r => setTimeout(() => r('tick'), 100))");
            } catch (BrowserException navigatedMeanwhile) {
                // the page went away under the timer: the next round looks again
            }
        }
        throw new AssertionError("The browser had no answer to request " + count + " to the bank's " + path
                + " within 2 s; requests seen: " + lab.browser().requests() + "\n  " + lab.bank().records());
    }
}
