package workshop.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A client of the token server and its API: logs in, calls with a Bearer token, refreshes once on expiry. */
public final class ApiClient {

    private final URI baseUri;
    private final HttpClient http;
    private Tokens tokens;

    public ApiClient(URI baseUri, HttpClient http) {
        this.baseUri = baseUri;
        this.http = http;
    }

    /** J10 · POST /token with the credentials; keeps and returns the tokens (ApiCallFailed if refused). */
    public Tokens login(String username, String password) {
        tokens = tokenRequest("/token", "grant_type=password&username=" + form(username) + "&password=" + form(password));
        return tokens;
    }

    /** J10 · GET {@code path} with Authorization: Bearer; on 401 invalid_token refresh ONCE and retry (ApiCallFailed otherwise). */
    public String get(String path) {
        if (tokens == null) {
            throw new IllegalStateException("Log in first: call login(username, password) before get(\"" + path + "\").");
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Authorization", "Bearer " + tokens.accessToken()).GET());
        if (response.statusCode() == 401 && invalidToken(response)) {
            try {
                tokens = tokenRequest("/refresh", "refresh_token=" + form(tokens.refreshToken()));
            } catch (ApiCallFailed e) {
                throw new ApiCallFailed(401, "the access token was refused and the refresh failed too (" + e.getMessage()
                        + "): log in again");
            }
            // Exactly one retry: a second 401 is final, never a loop.
            response = send(HttpRequest.newBuilder(baseUri.resolve(path))
                    .header("Authorization", "Bearer " + tokens.accessToken()).GET());
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiCallFailed(response.statusCode(), response.body().strip());
        }
        return response.body();
    }

    private static boolean invalidToken(HttpResponse<String> response) {
        return response.headers().allValues("WWW-Authenticate").stream()
                .anyMatch(v -> v.startsWith("Bearer") && v.contains("error=\"invalid_token\""));
    }

    private Tokens tokenRequest(String path, String formBody) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
        Map<?, ?> json;
        try {
            json = Json.mapper().readValue(response.body(), Map.class);
        } catch (JsonProcessingException e) {
            throw new ApiCallFailed(response.statusCode(), "the token endpoint did not answer JSON: " + response.body().strip());
        }
        if (response.statusCode() != 200) {
            throw new ApiCallFailed(response.statusCode(), json.get("error") + ": " + json.get("error_description"));
        }
        if (!"Bearer".equalsIgnoreCase(String.valueOf(json.get("token_type")))) {
            throw new ApiCallFailed(response.statusCode(), "expected token_type Bearer, got " + json.get("token_type"));
        }
        return new Tokens((String) json.get("access_token"), (String) json.get("refresh_token"),
                Duration.ofSeconds(((Number) json.get("expires_in")).longValue()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiCallFailed(0, "no answer from " + baseUri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallFailed(0, "interrupted while calling " + baseUri);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
