package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /** Another origin on loopback (another port): it must never see a request, let alone a token. */
    @RegisterExtension
    static final WireMockExtension other = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true)).build();

    private ApiClient client;

    @BeforeEach
    void fresh() {
        clock.set(MutableClock.atWorkshopStart().instant());
        auth.server().clearExchanges();
        client = new ApiClient(auth.baseUri(), HttpClient.newHttpClient());
        other.resetAll();
        other.stubFor(get(anyUrl()).willReturn(ok("thanks for the token")));
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

    @Test
    @Order(6)
    @DisplayName("J10 · two expiries, two refreshes: the second sends the refresh token the first one returned")
    void rotatedRefreshToken() {
        client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        auth.server().clearExchanges();
        clock.advance(Duration.ofMinutes(6));
        client.get("/api/profile");
        clock.advance(Duration.ofMinutes(6));
        client.get("/api/profile");
        assertThat(requests()).as("each expiry: 401 → one refresh → retry\n" + auth.transcript()).containsExactly(
                "GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200",
                "GET /api/profile → 401", "POST /refresh → 200", "GET /api/profile → 200");
        List<ServeEvent> refreshes = auth.server().exchanges().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/refresh")).toList();
        String returnedByFirst = TestJson.string(refreshes.get(0).getResponse().getBodyAsString(), "refresh_token");
        assertThat(refreshes.get(1).getRequest().getBodyAsString())
                .as("this server's refresh tokens are single-use (its policy; RFC 6749 6 allows reuse, RFC 9700 4.14.2 asks "
                        + "for rotation or sender-constraining): each refresh answers with a NEW refresh token, and the old "
                        + "one, sent again, looks stolen and revokes the whole login. Keep the pair the refresh returned")
                .isEqualTo("refresh_token=" + URLEncoder.encode(returnedByFirst, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "get(\"{0}\")")
    @Order(7)
    @ValueSource(strings = {"//127.0.0.1:{other}/steal", "http://127.0.0.1:{other}/api/profile", "https://127.0.0.1:{auth}/api/profile"})
    @DisplayName("J10 · the bearer token goes only to the configured origin: anything else is ForeignOrigin, nothing is sent")
    void onlyTheConfiguredOrigin(String target) {
        client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
        auth.server().clearExchanges();
        String path = target.replace("{other}", String.valueOf(other.getPort())).replace("{auth}", String.valueOf(auth.server().port()));
        assertThat(Fixtures.thrown(() -> client.get(path)))
                .as("%s resolves against %s to another origin (scheme, host and port). RFC 6750 5.3: never send a bearer "
                        + "token to anyone but the server it is for. Compare the resolved URI's origin with the base URI's "
                        + "and throw ForeignOrigin BEFORE sending", path, auth.baseUri())
                .isInstanceOf(ForeignOrigin.class);
        assertThat(other.findAll(anyRequestedFor(anyUrl()))).as("the other origin received a request").isEmpty();
        assertThat(requests()).as("no request at all: the check comes before sending\n" + auth.transcript()).isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("J10 · a redirect never carries the token away: no redirect-following client, and a 3xx is ApiCallFailed")
    void noRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        assertThat(Fixtures.thrown(() -> new ApiClient(auth.baseUri(), following)))
                .as("an HttpClient that follows redirects would send the Authorization header wherever a 3xx points: refuse it "
                        + "in the constructor (IllegalArgumentException); HttpClient.newHttpClient() never follows")
                .isInstanceOf(IllegalArgumentException.class);
        StubMapping moved = auth.server().wireMock().stubFor(get(urlPathEqualTo("/api/moved"))
                .willReturn(temporaryRedirect("http://127.0.0.1:" + other.getPort() + "/steal")));
        try {
            client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD);
            assertThat(Fixtures.thrown(() -> client.get("/api/moved")))
                    .as("a 302 to another origin is an answer, not an instruction: ApiCallFailed with its status\n" + auth.transcript())
                    .isInstanceOf(ApiCallFailed.class)
                    .satisfies(e -> assertThat(((ApiCallFailed) e).status()).isEqualTo(302));
            assertThat(other.findAll(anyRequestedFor(anyUrl()))).as("the redirect target received a request").isEmpty();
        } finally {
            auth.server().wireMock().removeStub(moved);
        }
    }

    /** Reads one string field of a JSON object (the test's own reader, independent of your client). */
    private static final class TestJson {
        static String string(String json, String field) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(field).asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
