package workshop.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.explained;
import static workshop.jwt.Fixtures.requests;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(25)
@DisplayName("J25 · on 401 the client refreshes once, keeps the new pair, and never loops")
class ApiRefreshTest {

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
    @DisplayName("J25 · on 401 for an expired token the client refreshes ONCE and retries")
    void refreshOnce() {
        explained("the access token expired (6 minutes later): the API answers 401 with WWW-Authenticate: Bearer "
                + "error=\"invalid_token\" (RFC 6750 3.1) → POST /refresh with refresh_token=… → retry once with the new "
                + "access token; then keep the NEW tokens, so the next call needs no refresh", () -> {
                    client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
                    clock.advance(Duration.ofMinutes(6));
                    auth.server().clearExchanges();
                    assertThat(client.get("/api/profile")).as("get(\"/api/profile\") after expiry").contains("Alice Liddell");
                    assertThat(requests(auth.server())).as("the requests of that call")
                            .containsExactly("GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200");
                    auth.server().clearExchanges();
                    client.get("/api/profile");
                    assertThat(requests(auth.server())).as("the requests of the next call")
                            .containsExactly("GET /api/profile → 200");
                }, () -> auth.transcript());
    }

    @Test
    @Order(2)
    @DisplayName("J25 · when the refresh fails too, the client gives up with ApiCallFailed instead of looping")
    void noLoop() {
        explained("log in first", () -> client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD), () -> auth.transcript());
        clock.advance(Duration.ofHours(2));
        auth.server().clearExchanges();
        ExpectThrow.of(ApiCallFailed.class).as("ApiCallFailed(401)")
                .where(e -> e.status() == 401 ? null : "ApiCallFailed(" + e.status() + ")")
                .because("two hours later the refresh token expired too: the user must log in again. One call, one refresh "
                        + "attempt (400), then ApiCallFailed(401) — no retry storm")
                .showing(() -> "requests: " + requests(auth.server()) + "\n" + auth.transcript())
                .from(() -> client.get("/api/profile"));
        explained("one call, one refresh attempt, no loop", () -> assertThat(requests(auth.server()))
                .as("the requests of that call").containsExactly("GET /api/profile → 401", "POST /refresh → 400"),
                () -> auth.transcript());
    }

    @Test
    @Order(3)
    @DisplayName("J25 · two expiries, two refreshes: the second sends the refresh token the first one returned")
    void rotatedRefreshToken() {
        explained("this server's refresh tokens are single-use (its policy; RFC 6749 6 allows reuse, RFC 9700 4.14.2 asks "
                + "for rotation or sender-constraining): each refresh answers with a NEW refresh token, and the old one, "
                + "sent again, looks stolen and revokes the whole login. Keep the pair the refresh returned", () -> {
                    client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
                    auth.server().clearExchanges();
                    clock.advance(Duration.ofMinutes(6));
                    client.get("/api/profile");
                    clock.advance(Duration.ofMinutes(6));
                    client.get("/api/profile");
                    assertThat(requests(auth.server())).as("the requests of two calls, each after an expiry").containsExactly(
                            "GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200",
                            "GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200");
                    List<ServeEvent> refreshes = auth.server().exchanges().stream()
                            .filter(e -> e.getRequest().getUrl().startsWith("/refresh")).toList();
                    String returnedByFirst = refreshToken(refreshes.get(0).getResponse().getBodyAsString());
                    assertThat(refreshes.get(1).getRequest().getBodyAsString()).as("the body of the second POST /refresh")
                            .isEqualTo("refresh_token=" + URLEncoder.encode(returnedByFirst, StandardCharsets.UTF_8));
                }, () -> auth.transcript());
    }

    /** The refresh_token field of a token answer (the test's own JSON reader, independent of your client). */
    private static String refreshToken(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("refresh_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
