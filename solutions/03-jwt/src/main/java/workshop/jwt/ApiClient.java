package workshop.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A client of the token server and its API: logs in, calls with a Bearer token, refreshes once on expiry. */
public final class ApiClient {

    /** The largest answer the client reads; token responses and this API's pages are a few kilobytes. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final URI baseUri;
    private final HttpClient http;
    private Tokens tokens;

    /**
     * A client of the server at {@code baseUri}; J26 · {@code http} must not follow redirects (IllegalArgumentException),
     * or a 3xx could send the Authorization header to another origin.
     */
    public ApiClient(URI baseUri, HttpClient http) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("This HttpClient follows redirects (" + http.followRedirects() + "): a 3xx from "
                    + "the API would take the Authorization header with it. Use HttpClient.newHttpClient() or "
                    + "followRedirects(HttpClient.Redirect.NEVER).");
        }
        this.baseUri = baseUri;
        this.http = http;
    }

    /** J24 · POST /token with the credentials; keeps and returns the tokens (ApiCallFailed with the status if refused). */
    public Tokens login(String username, String password) {
        tokens = tokenRequest("/token", "grant_type=password&username=" + form(username) + "&password=" + form(password));
        return tokens;
    }

    /**
     * J24 · GET {@code path} with Authorization: Bearer. J25 · on 401 invalid_token refresh ONCE and retry (ApiCallFailed
     * otherwise). J26 · a path that resolves to another origin than {@code baseUri}'s is ForeignOrigin, and nothing is sent.
     */
    public String get(String path) {
        URI target = baseUri.resolve(path);
        requireSameOrigin(target); // before anything is sent: "//evil.example/x" and "https://…" resolve elsewhere
        if (tokens == null) {
            throw new IllegalStateException("Log in first: call login(username, password) before get(\"" + path + "\").");
        }
        Answer response = send(HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + tokens.accessToken()).GET());
        if (response.statusCode() == 401 && invalidToken(response)) {
            if (tokens.refreshToken() == null) {
                throw new ApiCallFailed(401, "the access token was refused and the server issued no refresh token: log in again");
            }
            try {
                Tokens refreshed = tokenRequest("/refresh", "refresh_token=" + form(tokens.refreshToken()));
                // Keep the NEW pair: this server's refresh tokens are single-use (its policy, RFC 9700 4.14.2: rotation).
                // RFC 6749 6: the server MAY omit a new refresh token; then the client keeps the one it has.
                tokens = refreshed.refreshToken() != null ? refreshed
                        : new Tokens(refreshed.accessToken(), tokens.refreshToken(), refreshed.expiresIn());
            } catch (ApiCallFailed e) {
                throw new ApiCallFailed(401, "the access token was refused and the refresh failed too (" + e.getMessage()
                        + "): log in again");
            }
            // Exactly one retry: a second 401 is final, never a loop.
            response = send(HttpRequest.newBuilder(target)
                    .header("Authorization", "Bearer " + tokens.accessToken()).GET());
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiCallFailed(response.statusCode(), response.body().strip());
        }
        return response.body();
    }

    /** RFC 6750 5.3: the token goes only to the configured origin (RFC 6454: scheme, host, port); else ForeignOrigin. */
    private void requireSameOrigin(URI target) {
        if (!(sameText(target.getScheme(), baseUri.getScheme()) && sameText(target.getHost(), baseUri.getHost())
                && port(target) == port(baseUri))) {
            throw new ForeignOrigin(Untrusted.quote(target) + " is not on " + baseUri.getScheme() + "://" + baseUri.getRawAuthority()
                    + ": the bearer token is sent only to the origin it is for (RFC 6750 5.3), so nothing was sent."
                    + " Pass a path such as \"/api/profile\".");
        }
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean invalidToken(Answer response) {
        return response.headers().allValues("WWW-Authenticate").stream()
                // RFC 9110 11.1: the auth-scheme is case-insensitive ("Bearer", "bearer", "BEARER").
                .anyMatch(v -> v.regionMatches(true, 0, "Bearer", 0, 6) && (v.length() == 6 || v.charAt(6) == ' ')
                        && v.contains("error=\"invalid_token\""));
    }

    private Tokens tokenRequest(String path, String formBody) {
        Answer response = send(HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
        Map<?, ?> json;
        try {
            json = Json.mapper().readValue(response.body(), Map.class);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null) {
            throw new ApiCallFailed(response.statusCode(), "the token endpoint did not answer a JSON object: "
                    + Untrusted.quote(response.body().strip()));
        }
        if (response.statusCode() != 200) {
            throw new ApiCallFailed(response.statusCode(), json.get("error") + ": " + json.get("error_description"));
        }
        if (!"Bearer".equalsIgnoreCase(String.valueOf(json.get("token_type")))) {
            throw new ApiCallFailed(response.statusCode(), "expected token_type Bearer, got " + json.get("token_type"));
        }
        if (!(json.get("access_token") instanceof String access) || access.isBlank()) {
            throw new ApiCallFailed(response.statusCode(), "the token endpoint answered 200 without an access_token");
        }
        // refresh_token is optional (RFC 6749 5.1, 6), expires_in only RECOMMENDED: absent means null, never a crash later.
        String refresh = json.get("refresh_token") instanceof String r && !r.isBlank() ? r : null;
        Duration expiresIn = json.get("expires_in") instanceof Number n ? Duration.ofSeconds(n.longValue()) : null;
        return new Tokens(access, refresh, expiresIn);
    }

    /** One answer, its body read up to the limit. */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiCallFailed(0, "no answer from " + baseUri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallFailed(0, "interrupted while calling " + baseUri);
        }
        // Read at most MAX_BODY_BYTES + 1 bytes: a huge (or endless) answer is refused, never stored whole.
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiCallFailed(response.statusCode(), "the answer is larger than " + MAX_BODY_BYTES + " bytes; not read");
            }
            return new Answer(response.statusCode(), response.headers(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiCallFailed(response.statusCode(), "the answer from " + baseUri + " broke off: " + e.getMessage());
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
