package workshop.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static workshop.jwt.Fixtures.expectThrow;
import static workshop.jwt.Fixtures.explained;
import static workshop.jwt.Fixtures.requests;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.TokenServer;

@Order(26)
@DisplayName("J26 · the bearer token goes only to its own origin")
class ApiOriginTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();

    @RegisterExtension
    static final SimulatorExtension auth = SimulatorExtension.of(TokenServer::start, clock);

    /** Another origin on loopback (another port): it must never see a request, let alone a token. */
    @RegisterExtension
    static final WireMockExtension other = IssuerJwks.server();

    private ApiClient client;

    @BeforeEach
    void fresh() {
        clock.set(MutableClock.atWorkshopStart().instant());
        auth.server().clearExchanges();
        client = new ApiClient(auth.baseUri(), HttpClient.newHttpClient());
        other.resetAll();
        other.stubFor(get(anyUrl()).willReturn(ok("thanks for the token")));
    }

    @ParameterizedTest(name = "get(\"{0}\")")
    @Order(1)
    @ValueSource(strings = {"//127.0.0.1:{other}/steal", "http://127.0.0.1:{other}/api/profile", "https://127.0.0.1:{auth}/api/profile"})
    @DisplayName("J26 · a path that leads to another origin is ForeignOrigin, and nothing is sent")
    void onlyTheConfiguredOrigin(String target) {
        explained("log in first", () -> client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD), () -> auth.transcript());
        auth.server().clearExchanges();
        String path = target.replace("{other}", String.valueOf(other.getPort())).replace("{auth}", String.valueOf(auth.server().port()));
        expectThrow(ForeignOrigin.class, path + " resolves against " + auth.baseUri() + " to another origin (scheme, host "
                + "and port). RFC 6750 5.3: never send a bearer token to anyone but the server it is for. Compare the "
                + "resolved URI's origin with the base URI's and throw ForeignOrigin BEFORE sending", () -> client.get(path));
        explained("the check comes before sending: no request at all, to either server", () -> {
            assertThat(other.findAll(anyRequestedFor(anyUrl()))).as("requests the other origin received").isEmpty();
            assertThat(requests(auth.server())).as("requests the API received").isEmpty();
        }, () -> auth.transcript());
    }

    @Test
    @Order(2)
    @DisplayName("J26 · a redirect never carries the token away: no redirect-following client, and a 3xx is ApiCallFailed")
    void noRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        expectThrow(IllegalArgumentException.class, "an HttpClient that follows redirects would send the Authorization "
                + "header wherever a 3xx points: refuse it in the constructor (HttpClient.newHttpClient() never follows)",
                () -> new ApiClient(auth.baseUri(), following));
        StubMapping moved = auth.server().wireMock().stubFor(get(urlPathEqualTo("/api/moved"))
                .willReturn(temporaryRedirect("http://127.0.0.1:" + other.getPort() + "/steal")));
        try {
            explained("log in first", () -> client.login(TokenServer.DEMO_USER, TokenServer.DEMO_PASSWORD), () -> auth.transcript());
            ExpectThrow.of(ApiCallFailed.class).as("ApiCallFailed(302)")
                    .where(e -> e.status() == 302 ? null : "ApiCallFailed(" + e.status() + ")")
                    .because("a 302 to another origin is an answer, not an instruction: report it with its status")
                    .showing(() -> auth.transcript())
                    .from(() -> client.get("/api/moved"));
            explained("the redirect target must never see the token",
                    () -> assertThat(other.findAll(anyRequestedFor(anyUrl()))).as("requests the redirect target received").isEmpty());
        } finally {
            auth.server().wireMock().removeStub(moved);
        }
    }
}
