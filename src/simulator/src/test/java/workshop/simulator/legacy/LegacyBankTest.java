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

    static HttpResponse<String> sendWith(String path, String cookie, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(bank.uri(path)).header("Cookie", cookie);
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs a user in; returns every cookie the bank set, as a Cookie header. */
    static String cookiesOf(String user, String password) throws Exception {
        HttpResponse<String> answer = send("POST", "/sign-in", null, "user=" + user + "&password=" + password);
        assertThat(answer.statusCode()).isEqualTo(200);
        return String.join("; ", answer.headers().allValues("Set-Cookie").stream().map(l -> l.split(";")[0]).toList());
    }

    static String value(String cookies, String name) {
        return java.util.Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void naiveDoubleSubmitComparesCookieAndFieldOnly() throws Exception {
        bank.defend(bank.flawedCsrf(CsrfFlaw.NAIVE_DOUBLE_SUBMIT));
        String cookies = cookiesOf("alice", "wonderland");
        String csrf = value(cookies, "csrf");
        assertThat(send("GET", "/account", cookies, null).body()).contains("name=\"csrf\" value=\"" + csrf + "\"");
        assertThat(sendWith("/transfer", cookies, "to=bob&amount=1", "Content-Type", FORM).statusCode()).isEqualTo(403);
        String forged = cookies.replace("csrf=" + csrf, "csrf=anything");
        assertThat(sendWith("/transfer", forged, "to=mallory&amount=2&csrf=anything", "Content-Type", FORM).statusCode())
                .as("any pair that matches passes").isEqualTo(200);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "mallory", 2, "POST"));
    }

    @Test
    void aTokenTiedToTheCsrfKeyCookieAcceptsAnotherUsersPair() throws Exception {
        bank.defend(bank.flawedCsrf(CsrfFlaw.TOKEN_TIED_TO_OTHER_COOKIE));
        String alice = cookiesOf("alice", "wonderland");
        String mallory = cookiesOf("mallory", "mallorys-own-password");
        String token = send("GET", "/account", mallory, null).body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1");
        assertThat(sendWith("/transfer", alice, "to=mallory&amount=3&csrf=" + token, "Content-Type", FORM).statusCode())
                .as("mallory's token with alice's key").isEqualTo(403);
        String planted = alice.replace("csrfKey=" + value(alice, "csrfKey"), "csrfKey=" + value(mallory, "csrfKey"));
        assertThat(sendWith("/transfer", planted, "to=mallory&amount=4&csrf=" + token, "Content-Type", FORM).statusCode())
                .as("mallory's key and token in alice's session").isEqualTo(200);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "mallory", 4, "POST"));
    }

    @Test
    void theJsonApiReadsAnyBodyAsJsonAndTheFlawSkipsItsCheck() throws Exception {
        bank.defend(bank.flawedCsrf(CsrfFlaw.JSON_ANY_CONTENT_TYPE));
        String cookies = cookiesOf("alice", "wonderland");
        assertThat(sendWith("/api/transfer", cookies, "{\"to\":\"mallory\",\"amount\":5,\"pad\":\"=\"}",
                "Content-Type", "text/plain", "Origin", "http://localhost:1").statusCode()).isEqualTo(200);
        assertThat(sendWith("/transfer", cookies, "to=mallory&amount=6", "Content-Type", FORM, "Origin",
                "http://localhost:1").statusCode()).as("the form endpoint checks Origin").isEqualTo(403);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "mallory", 5, "POST text/plain"));
    }

    @Test
    void theMethodOverrideTurnsAGetIntoAPostBeforeTheCheck() throws Exception {
        bank.defend(bank.flawedCsrf(CsrfFlaw.METHOD_OVERRIDE));
        HttpResponse<String> answer = send("POST", "/sign-in", null, "user=alice&password=wonderland");
        assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("SameSite=Lax");
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(send("GET", "/transfer?to=mallory&amount=7", cookie, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/transfer?to=mallory&amount=8&_method=POST", cookie, null).statusCode()).isEqualTo(200);
        assertThat(bank.transfers()).containsExactly(new LegacyBank.Transfer("alice", "mallory", 8, "GET _method=POST"));
    }

    @Test
    void theRefererChecksPassAMissingRefererAndAnyUrlThatContainsTheHost() throws Exception {
        String cookie = signIn();
        String host = bank.uri("/").getAuthority();
        bank.defend(bank.flawedCsrf(CsrfFlaw.REFERER_IF_PRESENT));
        assertThat(sendWith("/transfer", cookie, "to=mallory&amount=9", "Content-Type", FORM, "Referer",
                "http://localhost:1/page").statusCode()).isEqualTo(403);
        assertThat(sendWith("/transfer", cookie, "to=mallory&amount=10", "Content-Type", FORM).statusCode()).isEqualTo(200);
        bank.defend(bank.flawedCsrf(CsrfFlaw.REFERER_CONTAINS_HOST));
        assertThat(sendWith("/transfer", cookie, "to=mallory&amount=11", "Content-Type", FORM).statusCode()).isEqualTo(403);
        assertThat(sendWith("/transfer", cookie, "to=mallory&amount=12", "Content-Type", FORM, "Referer",
                "http://localhost:1/page?" + host).statusCode()).isEqualTo(200);
        assertThat(bank.transfers()).extracting(LegacyBank.Transfer::amount).containsExactly(10L, 12L);
    }

    @Test
    void theGoPageNavigatesByScriptToPathsOfTheBankOnly() throws Exception {
        assertThat(send("GET", "/go?to=%2Ftransfer%3Fto%3Dmallory%26amount%3D1", null, null).body())
                .contains("window.location = \"/transfer?to=mallory&amount=1\"");
        assertThat(send("GET", "/go?to=%2F%2Fevil.example%2F", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/go?to=%2F%5Cevil.example%2F", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/go?to=%2F%22%3C%2Fscript%3E", null, null).body()).doesNotContain("\"</script>");
    }
}
