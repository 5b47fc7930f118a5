package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenServerTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    static final SimulatorExtension server = SimulatorExtension.of(TokenServer::start, clock);

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> profile(String authorization) throws Exception {
        var request = HttpRequest.newBuilder(server.uri("/api/profile")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<?, ?> login() throws Exception {
        var response = post("/token", "application/x-www-form-urlencoded", "grant_type=password&username=alice&password=wonderland");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    @Test
    void issuesTokensForFormAndJsonCredentials() throws Exception {
        Map<?, ?> tokens = login();
        assertThat(tokens.get("token_type")).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in")).isEqualTo(300);
        assertThat(JwtInspector.inspect((String) tokens.get("access_token")).algorithm()).contains("RS256");
        var es = post("/token", "application/json", "{\"username\":\"alice\",\"password\":\"wonderland\",\"alg\":\"ES256\"}");
        assertThat(JwtInspector.inspect((String) json.readValue(es.body(), Map.class).get("access_token")).algorithm()).contains("ES256");
        assertThat(post("/token", "application/json", "{\"username\":\"alice\",\"password\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(post("/token", "application/json", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void protectedApiAcceptsValidAndRefusesExpiredTokens() throws Exception {
        String access = (String) login().get("access_token");
        var ok = profile("Bearer " + access);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"sub\":\"alice\"");

        assertThat(profile(null).headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"workshop-api\"");

        clock.advance(Duration.ofMinutes(5)); // exp == now: already expired (RFC 7519 4.1.4)
        try {
            var expired = profile("Bearer " + access);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"").contains("expired");
        } finally {
            clock.advance(Duration.ofMinutes(-5));
        }
    }

    @Test
    void malformedOversizedAndForeignTokensGet401NeverA500() throws Exception {
        for (String bad : new String[] {"garbage", "a.b.c", "x".repeat(10_000), "eyJhbGciOiJub25lIn0.e30.",
                TokenServer.of(server.server()).issueAccessToken("alice", "RS256") + "x"}) {
            var response = profile("Bearer " + bad);
            assertThat(response.statusCode()).as(bad.length() > 50 ? bad.substring(0, 50) : bad).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
        assertThat(profile("Basic YWxpY2U6d29uZGVybGFuZA==").statusCode()).isEqualTo(400);
    }

    @Test
    void refreshTokensAreSingleUseAndReuseRevokesTheFamily() throws Exception {
        String refresh = (String) login().get("refresh_token");
        var first = post("/refresh", "application/x-www-form-urlencoded", "refresh_token=" + refresh);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String rotated = (String) json.readValue(first.body(), Map.class).get("refresh_token");
        assertThat(rotated).isNotEqualTo(refresh);

        var reuse = post("/refresh", "application/json", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).contains("invalid_grant");
        assertThat(reuse.body()).as("single-use refresh tokens are a choice (RFC 6749 6 allows either): say whose")
                .contains("this server's policy");
        assertThat(post("/refresh", "application/x-www-form-urlencoded", "refresh_token=" + rotated).statusCode())
                .as("after reuse, the whole family is revoked").isEqualTo(400);
    }

    @Test
    void accessTokensCarryEveryClaimRfc9068Requires() throws Exception {
        Map<?, ?> tokens = login();
        var refreshed = post("/refresh", "application/x-www-form-urlencoded",
                "client_id=workshop-cli&refresh_token=" + tokens.get("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        for (Object token : new Object[] {tokens.get("access_token"), json.readValue(refreshed.body(), Map.class).get("access_token"),
                TokenServer.of(server.server()).issueAccessToken("bob", "ES256")}) {
            assertThat(JwtInspector.inspect((String) token).claims())
                    .as("RFC 9068 2.2: iss, exp, aud, sub, client_id, iat and jti are REQUIRED in a JWT access token")
                    .containsKeys("iss", "exp", "aud", "sub", "client_id", "iat", "jti")
                    .containsEntry("client_id", TokenServer.DEMO_CLIENT_ID);
        }
    }

    @Test
    void anUnknownClientIdIsRefused() throws Exception {
        var known = post("/token", "application/x-www-form-urlencoded", "client_id=workshop-cli&username=alice&password=wonderland");
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        var unknown = post("/token", "application/x-www-form-urlencoded", "client_id=evil-app&username=alice&password=wonderland");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("invalid_client").contains("'workshop-cli'");
        String refresh = (String) login().get("refresh_token");
        assertThat(post("/refresh", "application/x-www-form-urlencoded", "client_id=evil-app&refresh_token=" + refresh).body())
                .contains("invalid_client");
    }

    @Test
    void refusalsNeverQuoteParserMessages() throws Exception {
        String b64Header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":SECRET-MARKER}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var response = profile("Bearer " + b64Header + ".e30.c2ln");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body() + response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .as("a fixed sentence, not the JSON parser's message (which quotes the token)")
                .contains("the token is malformed").doesNotContain("SECRET").doesNotContain("Unrecognized");

        String zipped = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"zip\":\"DEF\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TokenServer.of(server.server()).verifyAccessToken(zipped + ".AAAA.c2ln"))
                .isInstanceOf(TokenServer.Refused.class).hasMessageContaining("kit policy").hasMessageContaining("RFC 7516 4.1.3")
                .hasMessageNotContaining("8725");
    }

    @Test
    void jwksPublishesEveryKeyByKidAndCountsFetches() throws Exception {
        TokenServer tokens = TokenServer.of(server.server());
        int before = tokens.jwksFetches();
        String oldKid = tokens.currentKid("ES256");
        String newKid = tokens.rotateSigningKey("ES256");
        var response = http.send(HttpRequest.newBuilder(server.uri("/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains(tokens.currentKid("RS256"), oldKid, newKid, "\"kty\":\"RSA\"", "\"crv\":\"P-256\"")
                .doesNotContain("\"d\"");
        assertThat(tokens.jwksFetches()).isEqualTo(before + 1);
        assertThat(tokens.issueAccessToken("alice", "ES256")).isNotBlank();
    }

    @Test
    void refusesToControlAnotherScenario() {
        try (SimulatedServer cookies = CookieSite.start(clock)) {
            assertThatThrownBy(() -> TokenServer.of(cookies)).isInstanceOf(SimulatorException.class);
        }
    }

    @Test
    void unknownKidAndAlgorithmConfusionAreInvalidTokens() throws Exception {
        TokenServer tokens = TokenServer.of(server.server());
        var rogue = io.jsonwebtoken.Jwts.SIG.RS256.keyPair().build();
        var now = java.util.Date.from(clock.instant());
        var later = java.util.Date.from(clock.instant().plusSeconds(60));
        String unknownKid = io.jsonwebtoken.Jwts.builder().header().keyId("nobody").and()
                .issuer(tokens.settings().issuer()).audience().add(tokens.settings().audience()).and()
                .issuedAt(now).expiration(later).signWith(rogue.getPrivate()).compact();
        var response = profile("Bearer " + unknownKid);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("no published key has kid 'nobody'");

        assertThatThrownBy(() -> tokens.verifyAccessToken(io.jsonwebtoken.Jwts.builder().subject("alice")
                .signWith(io.jsonwebtoken.Jwts.SIG.HS256.key().build()).compact()))
                .isInstanceOf(TokenServer.Refused.class).hasMessageContaining("'HS256' is not accepted");
    }

    @Test
    void accessTokensAreTypedAndTheApiRefusesAnyOtherType() throws Exception {
        Map<?, ?> tokens = login();
        assertThat(JwtInspector.inspect((String) tokens.get("access_token")).headerClaims()).containsEntry("typ", "at+jwt");
        assertThat(JwtInspector.inspect((String) tokens.get("refresh_token")).headerClaims()).containsEntry("typ", "rt+jwt");

        // Signed with the server's own current key, right iss, aud and exp: only the type is wrong (an ID token, say).
        TokenServer tokenServer = TokenServer.of(server.server());
        String idToken = typed(tokenServer, "JWT");
        var response = profile("Bearer " + idToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"").contains("typ").contains("at+jwt");
        assertThatThrownBy(() -> tokenServer.verifyAccessToken(typed(tokenServer, null)))
                .isInstanceOf(TokenServer.Refused.class).hasMessageContaining("no 'typ' header");

        // RFC 7515 4.1.9: media types compare case-insensitively, and "application/" may be left out.
        for (String same : new String[] {"at+jwt", "AT+JWT", "application/at+jwt", "Application/At+JWT"}) {
            assertThat(tokenServer.verifyAccessToken(typed(tokenServer, same)).getSubject()).as(same).isEqualTo("alice");
        }
        for (String other : new String[] {"rt+jwt", "jwt", "text/at+jwt", "at+jwt2"}) {
            assertThatThrownBy(() -> tokenServer.verifyAccessToken(typed(tokenServer, other))).as(other)
                    .isInstanceOf(TokenServer.Refused.class).hasMessageContaining("not an access token");
        }
    }

    @Test
    void anAccessTokenIsNotARefreshToken() throws Exception {
        String access = (String) login().get("access_token");
        var response = post("/refresh", "application/x-www-form-urlencoded", "refresh_token=" + access);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_grant");
    }

    /** A token exactly like the server's access tokens, signed with its current RS256 key, but with this typ (or none). */
    private static String typed(TokenServer tokens, String typ) {
        var key = tokens.currentPrivateKey("RS256");
        var now = java.util.Date.from(clock.instant());
        var builder = io.jsonwebtoken.Jwts.builder().header().keyId(tokens.currentKid("RS256")).and();
        if (typ != null) {
            builder = builder.header().type(typ).and();
        }
        return builder.issuer(tokens.settings().issuer()).subject("alice").audience().add(tokens.settings().audience()).and()
                .issuedAt(now).expiration(java.util.Date.from(clock.instant().plusSeconds(60)))
                .signWith(key, io.jsonwebtoken.Jwts.SIG.RS256).compact();
    }

    @Test
    void lifetimesAreConfigurable() {
        MutableClock own = MutableClock.atWorkshopStart();
        try (SimulatedServer quick = TokenServer.start(own, 0, TokenServer.Settings.defaults().withAccessLifetime(Duration.ofSeconds(30)))) {
            TokenServer tokens = TokenServer.of(quick);
            String token = tokens.issueAccessToken("alice", "ES256");
            assertThat(tokens.verifyAccessToken(token).getSubject()).isEqualTo("alice");
            own.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> tokens.verifyAccessToken(token)).hasMessageContaining("expired");
        }
        assertThatThrownBy(() -> TokenServer.Settings.defaults().withAccessAlgorithm("HS256")).isInstanceOf(SimulatorException.class);
    }
}
