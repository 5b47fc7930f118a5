package workshop.jwt;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The issuer's public keys, fetched from its JWKS endpoint and cached by kid. */
public final class JwksKeys {

    private static final int MAX_JWKS_BYTES = 64 * 1024;

    /** A usable published key and the ONE algorithm it may verify. */
    private record Published(PublicKey key, String alg) {
    }

    /** What one fetch produced: the usable keys, and why the other published kids were skipped. */
    private record KeySet(Map<String, Published> keys, Map<String, String> skipped) {
        static final KeySet EMPTY = new KeySet(Map.of(), Map.of());
    }

    private final URI jwksUri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private KeySet cache = KeySet.EMPTY;
    private Instant lastFetch;
    private String lastFailure;

    /** Keys from {@code jwksUri}; an unknown kid triggers a refetch at most once per {@code minRefetchInterval}. */
    public JwksKeys(URI jwksUri, HttpClient http, Clock clock, Duration minRefetchInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** J9 · the public key with this kid (fetched once, then cached), or TokenRejected UNKNOWN_KEY. */
    public PublicKey keyFor(String kid) {
        return published(kid).key();
    }

    /** The key with this kid, only if it is published for {@code alg}: one algorithm per key (RFC 8725 3.1). */
    PublicKey keyFor(String kid, String alg) {
        Published published = published(kid);
        if (!published.alg().equals(alg)) {
            throw new TokenRejected(TokenRejected.Reason.ALGORITHM_NOT_ALLOWED, "the key " + Untrusted.quote(kid) + " is for "
                    + published.alg() + ", the token says alg " + Untrusted.quote(alg));
        }
        return published.key();
    }

    private synchronized Published published(String kid) {
        if (kid == null || kid.isBlank()) {
            throw TokenVerifier.unknownKey("the token has no kid, so no published key can be chosen");
        }
        Published key = cache.keys().get(kid);
        if (key != null) {
            return key;
        }
        // An unknown kid may be a rotated key: refetch, but never more often than the interval (or made-up kids flood the issuer).
        Instant now = clock.instant();
        if (lastFetch == null || !now.isBefore(lastFetch.plus(minRefetchInterval))) {
            // Set BEFORE fetching: a JWKS that is down or broken is also tried at most once per interval,
            // instead of every unknown-kid token waiting for the time-out.
            lastFetch = now;
            try {
                cache = fetch();
                lastFailure = null;
            } catch (TokenRejected e) {
                lastFailure = e.getMessage();
                throw e;
            }
            key = cache.keys().get(kid);
            if (key != null) {
                return key;
            }
        }
        String skipped = cache.skipped().get(kid);
        throw TokenVerifier.unknownKey(skipped != null
                ? "the key " + Untrusted.quote(kid) + " published at " + jwksUri + " is not usable: " + skipped
                : "no key with kid " + Untrusted.quote(kid) + " is published at " + jwksUri
                        + (lastFailure == null ? "" : " (the last fetch failed: " + lastFailure + "; next try after "
                        + lastFetch.plus(minRefetchInterval) + ")"));
    }

    private KeySet fetch() {
        String body;
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                // Never read more than the limit: a huge (or endless) answer must not fill the API's memory.
                byte[] bytes = declared > MAX_JWKS_BYTES ? null : in.readNBytes(MAX_JWKS_BYTES + 1);
                if (bytes == null || bytes.length > MAX_JWKS_BYTES) {
                    throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " is larger than " + MAX_JWKS_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TokenVerifier.unknownKey("interrupted while fetching the JWKS");
        }
        JwkSet set;
        try {
            set = Jwks.setParser().build().parse(body);
        } catch (JwtException | IllegalArgumentException e) {
            throw TokenVerifier.unknownKey("the JWKS at " + jwksUri + " is not a valid JWK set: " + e.getMessage());
        }
        Map<String, Published> keys = new HashMap<>();
        Map<String, String> skipped = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Jwk<?> jwk : set.getKeys()) {
            String kid = jwk.getId();
            if (kid == null) {
                continue; // a key without kid can never be chosen
            }
            if (!seen.add(kid)) {
                keys.remove(kid); // two keys, one kid: ambiguous, use neither
                skipped.put(kid, "more than one key has this kid");
                continue;
            }
            String problem = problem(jwk);
            if (problem != null) {
                skipped.put(kid, problem);
            } else {
                keys.put(kid, new Published((PublicKey) jwk.toKey(), algorithmOf(jwk.toKey())));
            }
        }
        return new KeySet(Map.copyOf(keys), Map.copyOf(skipped));
    }

    /** Why this JWK must not verify access tokens, or null if it may (RFC 7517 4.2, 4.4; RFC 7518 3.3, 3.4). */
    private static String problem(Jwk<?> jwk) {
        Object use = jwk.get("use");
        if (use != null && !"sig".equals(use)) {
            return "its use is " + Untrusted.quote(use) + ", not sig";
        }
        Key key = jwk.toKey();
        String alg = algorithmOf(key);
        if (key instanceof RSAPublicKey rsa) {
            try {
                KeyRules.requireRsaKey(rsa);
            } catch (KeyRejected e) {
                return e.getMessage();
            }
        } else if (key instanceof ECPublicKey) {
            if (!"P-256".equals(String.valueOf(jwk.get("crv")))) {
                return "ES256 needs an EC key on P-256, this one is on " + Untrusted.quote(jwk.get("crv"));
            }
        } else {
            return "only RSA (RS256) and EC P-256 (ES256) public keys are accepted";
        }
        String declared = jwk.getAlgorithm();
        if (declared != null && !declared.equals(alg)) {
            return "it is published for " + Untrusted.quote(declared) + "; this verifier uses RSA keys for RS256 and EC keys for ES256";
        }
        return null;
    }

    private static String algorithmOf(Key key) {
        return key instanceof RSAPublicKey ? "RS256" : key instanceof ECPublicKey ? "ES256" : "?";
    }
}
