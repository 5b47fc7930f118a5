package workshop.sessions;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A client of the session site that keeps its session cookie itself (with java.net.http). */
public final class SessionClient {

    private final URI baseUri;

    public SessionClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** S11 · {@code POST /login} with a form {@code username=...&password=...}; keeps the session cookie. */
    public HttpResponse<String> login(String user, String password) {
        throw new UnsupportedOperationException("S11 · log in over HTTP — see notebooks/02-sessions.ipynb, S11");
    }

    /** S11 · {@code GET /me}: who the server thinks we are. */
    public HttpResponse<String> me() {
        throw new UnsupportedOperationException("S11 · send the session cookie — see notebooks/02-sessions.ipynb, S11");
    }

    /** S11 · {@code POST /cart} with a form {@code item=...}. */
    public HttpResponse<String> addToCart(String item) {
        throw new UnsupportedOperationException("S11 · a cart across requests — see notebooks/02-sessions.ipynb, S11");
    }

    /** S11 · {@code GET /cart}: one item per line. */
    public HttpResponse<String> cart() {
        throw new UnsupportedOperationException("S11 · a cart across requests — see notebooks/02-sessions.ipynb, S11");
    }

    /** S11 · {@code POST /logout}; forgets the cookie when the server deletes it. */
    public HttpResponse<String> logout() {
        throw new UnsupportedOperationException("S11 · log out — see notebooks/02-sessions.ipynb, S11");
    }

    /** S11 · the session ID this client currently holds, if any. */
    public Optional<String> sessionId() {
        throw new UnsupportedOperationException("S11 · keep the session cookie — see notebooks/02-sessions.ipynb, S11");
    }
}
