package workshop.jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * The issuer's public keys, fetched from its JWKS endpoint and cached by kid: for the JWKS response's
 * {@code Cache-Control: max-age} (bounded by kit policy), refetched early on an unknown kid at most once per interval,
 * one fetch at a time, and never under a lock: a verification with a cached key never waits for a fetch.
 */
public final class JwksKeys {

    /** Kit policy: the shortest time keys are cached, whatever {@code max-age} says (also for no-cache, no-store). */
    public static final Duration MIN_CACHE_TTL = Duration.ofMinutes(1);
    /** Kit policy: the longest time keys are cached; a key withdrawn from the JWKS stops verifying within this time. */
    public static final Duration MAX_CACHE_TTL = Duration.ofHours(1);
    /** How long keys are cached when the JWKS response has no usable {@code max-age}. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

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

    /**
     * J18 · the public key with this kid, or TokenRejected UNKNOWN_KEY. J19 · cached: one fetch for many lookups, a
     * refetch on an unknown kid at most once per {@code minRefetchInterval}, failed fetches included. J20 · fresh for
     * the JWKS's max-age (within the kit's bounds), then fetched again and replaced. J21 · one fetch at a time, no lock
     * held during it. J23 · only keys fit for RS256 (RSA ≥ 2048 bits) or ES256 (EC on P-256), use sig.
     */
    public PublicKey keyFor(String kid) {
        throw new UnsupportedOperationException("J18 · JWKS keys by kid — see notebooks/03-jwt.ipynb, J18");
    }
}
