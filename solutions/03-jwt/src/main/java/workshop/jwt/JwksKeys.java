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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

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

    private static final int MAX_JWKS_BYTES = 64 * 1024;

    /** A usable published key and the ONE algorithm it may verify. */
    private record Published(PublicKey key, String alg) {
    }

    /** What one fetch produced: the usable keys, why the other published kids were skipped, and how long it is fresh. */
    private record KeySet(Map<String, Published> keys, Map<String, String> skipped, Duration ttl) {
    }

    /**
     * Everything the cache knows, replaced as a whole (immutable, published through a volatile field).
     *
     * @param keys        the last good key set (empty before the first good fetch)
     * @param freshUntil  when the keys must be fetched again (null: never fetched)
     * @param lastAttempt when the last fetch started, good or not (null: never)
     * @param lastFailure why the last fetch failed, or null if it did not
     */
    private record State(KeySet keys, Instant freshUntil, Instant lastAttempt, String lastFailure) {
        static final State EMPTY = new State(new KeySet(Map.of(), Map.of(), Duration.ZERO), null, null, null);
    }

    private final URI jwksUri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private volatile State state = State.EMPTY;
    /** The fetch in flight, if any: concurrent callers wait for this one instead of starting their own. */
    private final AtomicReference<CompletableFuture<State>> inFlight = new AtomicReference<>();

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

    private Published published(String kid) {
        if (kid == null || kid.isBlank()) {
            throw TokenVerifier.unknownKey("the token has no kid, so no published key can be chosen");
        }
        State current = state;
        Instant now = clock.instant();
        boolean fresh = current.freshUntil() != null && now.isBefore(current.freshUntil());
        Published key = current.keys().keys().get(kid);
        if (key != null && fresh) {
            return key; // the hot path: no lock, no wait
        }
        // Stale keys, or an unknown kid (maybe a rotated key). Join a fetch in flight, or start one, but never more
        // often than the interval: made-up kids must not flood the issuer, nor a JWKS that is down be asked per token.
        // A good key set past its max-age is refetched at once: a withdrawn key must stop verifying.
        boolean expired = current.freshUntil() != null && !fresh && current.lastFailure() == null;
        CompletableFuture<State> fetch = inFlight.get();
        if (fetch == null && (expired || current.lastAttempt() == null
                || !now.isBefore(current.lastAttempt().plus(minRefetchInterval)))) {
            fetch = fetchOnce(current, now);
        }
        if (fetch != null) {
            current = await(fetch);
            key = current.keys().keys().get(kid);
        }
        if (key != null) {
            // Fresh from the fetch, or stale because the refetch failed: a JWKS that is down does not stop the API.
            return key;
        }
        String skipped = current.keys().skipped().get(kid);
        throw TokenVerifier.unknownKey(skipped != null
                ? "the key " + Untrusted.quote(kid) + " published at " + jwksUri + " is not usable: " + skipped
                : "no key with kid " + Untrusted.quote(kid) + " is published at " + jwksUri
                        + (current.lastFailure() == null ? "" : " (the last fetch failed: " + current.lastFailure()
                        + "; next try after " + current.lastAttempt().plus(minRefetchInterval) + ")"));
    }

    /** Starts a fetch unless another caller just did (then shares that one); the I/O runs in this thread, no lock held. */
    private CompletableFuture<State> fetchOnce(State before, Instant now) {
        CompletableFuture<State> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            CompletableFuture<State> theirs = inFlight.get();
            return theirs != null ? theirs : CompletableFuture.completedFuture(state);
        }
        State after;
        try {
            KeySet keys = fetch();
            after = new State(keys, clock.instant().plus(keys.ttl()), now, null);
        } catch (TokenRejected e) {
            // Keep the old keys; the failed attempt counts, so the next try waits for the interval.
            after = new State(before.keys(), before.freshUntil(), now, e.getMessage());
        } catch (RuntimeException | Error e) {
            inFlight.set(null);
            mine.completeExceptionally(e);
            throw e;
        }
        state = after;
        inFlight.set(null);
        mine.complete(after);
        return mine;
    }

    private static State await(CompletableFuture<State> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TokenVerifier.unknownKey("interrupted while waiting for the JWKS");
        } catch (ExecutionException e) {
            throw TokenVerifier.unknownKey("the JWKS fetch failed: " + e.getCause());
        }
    }

    /**
     * How long a fetched key set stays fresh: {@code max-age} from {@code Cache-Control} (RFC 9111 5.2.2.1), within
     * {@link #MIN_CACHE_TTL} … {@link #MAX_CACHE_TTL} (kit policy); {@link #DEFAULT_CACHE_TTL} without a usable one.
     */
    static Duration cacheTtl(List<String> cacheControl) {
        Duration ttl = null;
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return MIN_CACHE_TTL;
                }
                if (d.startsWith("max-age=") && d.substring(8).matches("[0-9]{1,12}")) {
                    ttl = Duration.ofSeconds(Long.parseLong(d.substring(8)));
                }
            }
        }
        if (ttl == null) {
            return DEFAULT_CACHE_TTL;
        }
        return ttl.compareTo(MIN_CACHE_TTL) < 0 ? MIN_CACHE_TTL : ttl.compareTo(MAX_CACHE_TTL) > 0 ? MAX_CACHE_TTL : ttl;
    }

    private KeySet fetch() {
        String body;
        Duration ttl;
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
                ttl = cacheTtl(response.headers().allValues("Cache-Control"));
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
        return new KeySet(Map.copyOf(keys), Map.copyOf(skipped), ttl);
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
