package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.simulator.JwtInspector;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(10)
@DisplayName("J10 · a client with access and refresh tokens")
class ApiClientTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension auth = SimulatorExtension.of(TokenServer::start, clock);

    private ApiClient client;

    @BeforeEach
    void fresh() {
        clock.set(MutableClock.atWorkshopStart().instant());
        auth.server().clearExchanges();
        client = new ApiClient(auth.baseUri(), HttpClient.newHttpClient());
    }

    /** The requests the server saw in this test, as "METHOD /path → status". */
    private List<String> requests() {
        return auth.server().exchanges().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl().replaceAll("\\?.*", "")
                        + " → " + e.getResponse().getStatus())
                .toList();
    }

    @Test
    @Order(1)
    @DisplayName("J10 · login at /token gives a Bearer access token and a refresh token")
    void login() {
        Tokens tokens = client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        assertThat(JwtInspector.inspect(tokens.accessToken()).claims())
                .as("POST /token with username and password (form fields); read access_token from the JSON\n" + auth.transcript())
                .containsEntry("sub", "alice");
        assertThat(tokens.refreshToken()).as("refresh_token from the same answer").isNotBlank();
        assertThat(tokens.expiresIn()).as("expires_in is in seconds (RFC 6749 5.1)").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    @Order(2)
    @DisplayName("J10 · the API is called with Authorization: Bearer <access token>")
    void bearer() {
        Tokens tokens = client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        String body = client.get("/api/profile");
        assertThat(body).as("the profile of the token's subject\n" + auth.transcript()).contains("Alice Liddell");
        var request = auth.server().exchanges().get(auth.server().exchanges().size() - 1).getRequest();
        assertThat(request.getHeader("Authorization"))
                .as("RFC 6750 2.1: the Authorization header, scheme Bearer, one space, the token (never a URL query)")
                .isEqualTo("Bearer " + tokens.accessToken());
    }

    @Test
    @Order(3)
    @DisplayName("J10 · on 401 for an expired token the client refreshes ONCE and retries")
    void refreshOnce() {
        client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(6));
        auth.server().clearExchanges();
        String body = client.get("/api/profile");
        assertThat(body).as("the call succeeds after one refresh\n" + auth.transcript()).contains("Alice Liddell");
        assertThat(requests()).as("401 with WWW-Authenticate: Bearer error=\"invalid_token\" → POST /refresh → retry\n" + auth.transcript())
                .containsExactly("GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200");
        auth.server().clearExchanges();
        client.get("/api/profile");
        assertThat(requests()).as("the client keeps the NEW tokens: the next call needs no refresh\n" + auth.transcript())
                .containsExactly("GET /api/profile → 200");
    }

    @Test
    @Order(4)
    @DisplayName("J10 · when the refresh fails too, the client gives up with ApiCallFailed instead of looping")
    void noLoop() {
        client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        clock.advance(Duration.ofHours(2));
        auth.server().clearExchanges();
        assertThat(Fixtures.thrown(() -> client.get("/api/profile")))
                .as("the refresh token expired too: the user must log in again\n" + auth.transcript())
                .isInstanceOf(ApiCallFailed.class)
                .satisfies(e -> assertThat(((ApiCallFailed) e).status()).isEqualTo(401));
        assertThat(requests()).as("one call, one refresh attempt, no retry storm\n" + auth.transcript())
                .containsExactly("GET /api/profile → 401", "POST /refresh → 400");
    }

    @Test
    @Order(5)
    @DisplayName("J10 · a wrong password is ApiCallFailed with the server's status")
    void wrongPassword() {
        assertThat(Fixtures.thrown(() -> client.login(TokenServer.DEMO_USER, "guess")))
                .as("RFC 6749 5.2: the token endpoint answers 400 invalid_grant\n" + auth.transcript())
                .isInstanceOf(ApiCallFailed.class)
                .satisfies(e -> assertThat(((ApiCallFailed) e).status()).isEqualTo(400));
    }
}
