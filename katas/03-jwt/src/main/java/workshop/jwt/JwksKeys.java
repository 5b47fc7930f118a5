package workshop.jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/** The issuer's public keys, fetched from its JWKS endpoint and cached by kid. */
public final class JwksKeys {

    private final URI jwksUri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration minRefetchInterval;

    /** Keys from {@code jwksUri}; an unknown kid triggers a refetch at most once per {@code minRefetchInterval}. */
    public JwksKeys(URI jwksUri, HttpClient http, Clock clock, Duration minRefetchInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** J9 · the public key with this kid (fetched once, then cached), or TokenRejected UNKNOWN_KEY. */
    public PublicKey keyFor(String kid) {
        throw new UnsupportedOperationException("J9 · JWKS keys by kid, cached — see notebooks/03-jwt.ipynb, J9");
    }
}
