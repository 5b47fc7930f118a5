package workshop.simulator.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;

/** The legacy bank's flaws work as documented, and each hook replaces exactly one of them. */
class LegacyBankTest {

    static final HttpClient http = HttpClient.newHttpClient();
    static LegacyBank bank;

    @BeforeAll
    static void start() {
        bank = LegacyBank.start(MutableClock.atWorkshopStart());
    }

    @AfterAll
    static void stop() {
        bank.close();
    }

    @BeforeEach
    void legacy() {
        bank.defend(BankDefences.legacy());
        bank.clearRecords();
    }

    static HttpResponse<String> send(String method, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(bank.uri(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs alice in; returns "name=value" of the session cookie. */
    static String signIn() throws Exception {
        HttpResponse<String> answer = send("POST", "/sign-in", null, "user=alice&password=wonderland");
        assertThat(answer.statusCode()).isEqualTo(200);
        String line = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return line.substring(0, line.indexOf(';'));
    }

    @Test
    void theLegacyBankSetsASameSiteNoneCookieAndMovesMoneyByGetAndPost() throws Exception {
        HttpResponse<String> answer = send("POST", "/sign-in", null, "user=alice&password=wonderland");
        assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("session=")
                .endsWith("; Path=/; SameSite=None; Secure");
        String cookie = signIn();
        assertThat(send("POST", "/transfer", cookie, "to=mallory&amount=10").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/transfer?to=mallory&amount=20", cookie, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/transfer", null, "to=mallory&amount=30").statusCode()).as("no session").isEqualTo(401);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "mallory", 10, "POST"),
                new LegacyBank.Transfer("alice", "mallory", 20, "GET"));
        assertThat(bank.userOf(cookie.substring(cookie.indexOf('=') + 1))).hasValue("alice");
        assertThat(send("POST", "/sign-in", null, "user=alice&password=guess").statusCode()).isEqualTo(401);
    }

    @Test
    void theSearchPageReflectsTheQueryUnescapedUnlessAnEscaperIsSet() throws Exception {
        assertThat(send("GET", "/search?q=%3Cb%3Ex%3C/b%3E", null, null).body()).contains("Results for <b>x</b>");
        bank.defend(BankDefences.legacy().withEscaper(s -> s.replace("<", "&lt;")));
        assertThat(send("GET", "/search?q=%3Cb%3Ex%3C/b%3E", null, null).body()).contains("Results for &lt;b>x&lt;/b>");
    }

    @Test
    void theCsrfHooksPutTheTokenInTheBanksFormsAndRefuseWhatTheCheckRefuses() throws Exception {
        bank.defend(BankDefences.legacy().withCsrf(session -> "token-of-" + session, request ->
                request.form().getOrDefault("csrf", "").equals("token-of-" + request.session().orElse(""))
                        ? Optional.empty() : Optional.of("bad token; Origin " + request.header("ORIGIN").orElse("none"))));
        HttpResponse<String> refused = send("POST", "/sign-in", null, "user=alice&password=wonderland");
        assertThat(refused.statusCode()).as("the sign-in form is checked too").isEqualTo(403);
        assertThat(refused.body()).contains("bad token; Origin none");
        assertThat(bank.signIns()).isEmpty();
        bank.defend(BankDefences.legacy().withCsrf(session -> "token-of-" + session, request -> request.session()
                .isEmpty() || request.form().getOrDefault("csrf", "").equals("token-of-" + request.session().get())
                ? Optional.empty() : Optional.of("bad token")));
        String cookie = signIn();
        String session = cookie.substring(cookie.indexOf('=') + 1);
        assertThat(send("GET", "/account", cookie, null).body()).contains("name=\"csrf\" value=\"token-of-" + session);
        assertThat(send("POST", "/transfer", cookie, "to=mallory&amount=5").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/transfer", cookie, "to=bob&amount=5&csrf=token-of-" + session).statusCode())
                .isEqualTo(200);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "bob", 5, "POST"));
        assertThat(bank.refusals()).extracting(LegacyBank.Refusal::reason).containsExactly("bad token; Origin none", "bad token");
    }

    @Test
    void theSessionCookieHookChoosesTheLineAndTheCookieName() throws Exception {
        bank.defend(BankDefences.legacy().withSessionCookie(id -> "__Host-s=" + id + "; Path=/; Secure; HttpOnly"));
        assertThat(bank.sessionCookieName()).isEqualTo("__Host-s");
        String cookie = signIn();
        assertThat(cookie).startsWith("__Host-s=");
        assertThat(send("GET", "/account", cookie, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/account", cookie.replace("__Host-s", "session"), null).statusCode()).isEqualTo(401);
    }
}
