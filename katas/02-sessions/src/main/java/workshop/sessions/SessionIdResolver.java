package workshop.sessions;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Finds the session ID a request carries. */
public final class SessionIdResolver {

    private SessionIdResolver() {
    }

    /**
     * S8 · the session ID of a request, or empty.
     *
     * @param uri           the request's URI
     * @param cookieHeaders every {@code Cookie} header of the request
     */
    public static Optional<String> resolve(URI uri, List<String> cookieHeaders) {
        throw new UnsupportedOperationException("S8 · IDs only from the cookie — see notebooks/02-sessions.ipynb, S8");
    }
}
