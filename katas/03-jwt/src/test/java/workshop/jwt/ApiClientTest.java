package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.JwtInspector;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(24)
@DisplayName("J24 · a client logs in and calls the API with Authorization: Bearer")
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

    @Test
    @Order(1)
    @DisplayName("J24 · login at /token gives a Bearer access token and a refresh token")
    void login() {
        explained("POST /token with grant_type=password, username and password as form fields (RFC 6749 4.3, a simulator "
                + "shortcut); read access_token, refresh_token and expires_in (seconds, RFC 6749 5.1) from the JSON answer",
                () -> {
                    Tokens tokens = client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
                    assertThat(JwtInspector.inspect(tokens.accessToken()).claims()).as("the access token's claims")
                            .containsEntry("sub", "alice");
                    assertThat(tokens.refreshToken()).as("the refresh token").isNotBlank();
                    assertThat(tokens.expiresIn()).as("expiresIn").isEqualTo(Duration.ofMinutes(5));
                }, () -> auth.transcript());
    }

    @Test
    @Order(2)
    @DisplayName("J24 · the API is called with Authorization: Bearer <access token>")
    void bearer() {
        explained("RFC 6750 2.1: the Authorization header, scheme Bearer, one space, the token (never a URL query)", () -> {
            Tokens tokens = client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
            String body = client.get("/api/profile");
            assertThat(body).as("get(\"/api/profile\"): the profile of the token's subject").contains("Alice Liddell");
            var exchanges = auth.server().exchanges();
            assertThat(exchanges.get(exchanges.size() - 1).getRequest().getHeader("Authorization"))
                    .as("the Authorization header of the API call").isEqualTo("Bearer " + tokens.accessToken());
        }, () -> auth.transcript());
    }

    @Test
    @Order(3)
    @DisplayName("J24 · a wrong password is ApiCallFailed with the server's status")
    void wrongPassword() {
        ExpectThrow.of(ApiCallFailed.class).as("ApiCallFailed(400)")
                .where(e -> e.status() == 400 ? null : "ApiCallFailed(" + e.status() + ")")
                .because("RFC 6749 5.2: the token endpoint answers 400 invalid_grant; the client reports the status it got "
                        + "instead of returning tokens it does not have")
                .showing(() -> auth.transcript())
                .from(() -> client.login(TokenServer.DEMO_USER, "guess"));
    }
}
