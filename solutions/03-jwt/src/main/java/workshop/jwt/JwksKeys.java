package workshop.jwt;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The issuer's public keys, fetched from its JWKS endpoint and cached by kid. */
public final class JwksKeys {

    private static final int MAX_JWKS_CHARS = 64 * 1024;

    private final URI jwksUri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private Map<String, PublicKey> cache = Map.of();
    private Instant lastFetch;

    /** Keys from {@code jwksUri}; an unknown kid triggers a refetch at most once per {@code minRefetchInterval}. */
    public JwksKeys(URI jwksUri, HttpClient http, Clock clock, Duration minRefetchInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** J9 · the public key with this kid (fetched once, then cached), or TokenRejected UNKNOWN_KEY. */
    public synchronized PublicKey keyFor(String kid) {
        if (kid == null || kid.isBlank()) {
            throw TokenVerifier.unknownKey("the token has no kid, so no published key can be chosen");
        }
        PublicKey key = cache.get(kid);
        if (key != null) {
            return key;
        }
        // An unknown kid may be a rotated key: refetch, but never more often than the interval (or made-up kids flood the issuer).
        Instant now = clock.instant();
        if (lastFetch == null || !now.isBefore(lastFetch.plus(minRefetchInterval))) {
            cache = fetch();
            lastFetch = now;
            key = cache.get(kid);
            if (key != null) {
                return key;
            }
        }
        throw TokenVerifier.unknownKey("no key with kid '" + kid + "' is published at " + jwksUri);
    }

    private Map<String, PublicKey> fetch() {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TokenVerifier.unknownKey("interrupted while fetching the JWKS");
        }
        if (response.statusCode() != 200 || response.body().length() > MAX_JWKS_CHARS) {
            throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " answered HTTP " + response.statusCode()
                    + " with " + response.body().length() + " chars");
        }
        JwkSet set = Jwks.setParser().build().parse(response.body());
        Map<String, PublicKey> keys = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            Key key = jwk.toKey();
            if (jwk.getId() != null && key instanceof PublicKey publicKey) {
                keys.put(jwk.getId(), publicKey);
            }
        }
        return Map.copyOf(keys);
    }
}
