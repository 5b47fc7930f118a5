package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.ExchangePrinter;
import workshop.simulator.MutableClock;
import workshop.simulator.SessionSite;
import workshop.simulator.SimulatorExtension;

@Order(11)
@DisplayName("S11 · a client against the session site")
class S11ClientTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension site = SimulatorExtension.of(SessionSite::start, clock);

    private final SessionClient client = new SessionClient(site.baseUri());

    @Test
    @Order(1)
    @DisplayName("S11 · login keeps the session cookie the server sets")
    void loginKeepsCookie() {
        HttpResponse<String> response = client.login("ada", "lovelace");
        assertThat(response.statusCode()).as("POST /login with username=ada&password=lovelace (demo credentials):%n%s",
                ExchangePrinter.format(response)).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(client.sessionId())
                .as("the client keeps the value of __Host-SESSION from Set-Cookie (%s). Note: java.net.CookieManager would not "
                        + "send a Secure cookie over plain http://127.0.0.1, so keep it yourself", setCookie)
                .hasValueSatisfying(id -> assertThat(setCookie).startsWith("__Host-SESSION=" + id + ";"));
    }

    @Test
    @Order(2)
    @DisplayName("S11 · the client sends the cookie back and the server knows who we are")
    void me() {
        client.login("ada", "lovelace");
        HttpResponse<String> response = client.me();
        assertThat(response.statusCode())
                .as("GET /me must carry 'Cookie: __Host-SESSION=<id>'. What the server saw:%n%s", site.lastExchange())
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo("ada\n");
    }

    @Test
    @Order(3)
    @DisplayName("S11 · the cart is kept on the server across requests")
    void cart() {
        client.login("alan", "turing");
        client.addToCart("tea");
        client.addToCart("scones");
        HttpResponse<String> response = client.cart();
        assertThat(response.body())
                .as("the cart lives in the server-side session; the cookie holds only the ID. Transcript:%n%s", site.transcript())
                .isEqualTo("tea\nscones\n");
    }

    @Test
    @Order(4)
    @DisplayName("S11 · logout deletes the cookie on the client too")
    void logout() {
        client.login("ada", "lovelace");
        HttpResponse<String> response = client.logout();
        assertThat(response.statusCode()).as(ExchangePrinter.format(response)).isEqualTo(200);
        assertThat(client.sessionId())
                .as("the server answered with '__Host-SESSION=; ...; Max-Age=0': the client must forget the cookie, as a browser does")
                .isEmpty();
        assertThat(client.me().statusCode()).as("without a session, /me is 401").isEqualTo(401);
    }

    @Test
    @Order(5)
    @DisplayName("S11 · replaying the old cookie after logout gets 401")
    void replayAfterLogout() throws Exception {
        client.login("grace", "hopper");
        String old = client.sessionId().orElseThrow();
        HttpResponse<String> logout = client.logout();
        assertThat(logout.request().headers().allValues("Cookie"))
                .as("logout must send the session cookie, or the server cannot tell which session to end:%n%s",
                        ExchangePrinter.format(logout))
                .anySatisfy(header -> assertThat(header).contains("__Host-SESSION=" + old));
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.uri("/me"))
                .header("Cookie", "__Host-SESSION=" + old).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode())
                .as("logout ended the session ON THE SERVER, so a stolen copy of the cookie is worthless now:%n%s",
                        ExchangePrinter.format(replay))
                .isEqualTo(401);
    }

    @Test
    @Order(6)
    @DisplayName("S11 · a wrong password gets 401 and no session")
    void wrongPassword() {
        HttpResponse<String> response = client.login("ada", "babbage");
        assertThat(response.statusCode()).as(ExchangePrinter.format(response)).isEqualTo(401);
        assertThat(client.sessionId()).as("no Set-Cookie, no session").isEmpty();
    }

    @Test
    @Order(7)
    @DisplayName("S11 · logging in again rotates the ID over HTTP")
    void loginAgainRotates() {
        client.login("ada", "lovelace");
        String first = client.sessionId().orElseThrow();
        client.login("ada", "lovelace");
        assertThat(client.sessionId()).as("the site issued a new ID at login and the client took it").isPresent()
                .get().isNotEqualTo(first);
        assertThat(client.me().body()).isEqualTo("ada\n");
    }
}
