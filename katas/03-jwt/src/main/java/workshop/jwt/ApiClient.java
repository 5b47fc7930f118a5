package workshop.jwt;

import java.net.URI;
import java.net.http.HttpClient;

/** A client of the token server and its API: logs in, calls with a Bearer token, refreshes once on expiry. */
public final class ApiClient {

    private final URI baseUri;
    private final HttpClient http;

    /**
     * A client of the server at {@code baseUri}; J26 · {@code http} must not follow redirects (IllegalArgumentException),
     * or a 3xx could send the Authorization header to another origin.
     */
    public ApiClient(URI baseUri, HttpClient http) {
        this.baseUri = baseUri;
        this.http = http;
    }

    /** J24 · POST /token with the credentials; keeps and returns the tokens (ApiCallFailed with the status if refused). */
    public Tokens login(String username, String password) {
        throw new UnsupportedOperationException("J24 · log in at /token — see notebooks/03-jwt.ipynb, J24");
    }

    /**
     * J24 · GET {@code path} with Authorization: Bearer. J25 · on 401 invalid_token refresh ONCE and retry (ApiCallFailed
     * otherwise). J26 · a path that resolves to another origin than {@code baseUri}'s is ForeignOrigin, and nothing is sent.
     */
    public String get(String path) {
        throw new UnsupportedOperationException("J24 · call the API with Bearer — see notebooks/03-jwt.ipynb, J24");
    }
}
