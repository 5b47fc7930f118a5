package workshop.scale;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * X5 · signs ES256 access tokens and publishes the verification keys as a JWK Set, with key rotation in three
 * moves: {@link #publishNext()}, then {@link #activateNext()}, then {@link #retire(String)} once no token signed with
 * the old key can still be valid.
 */
public final class TokenIssuer {

    private static final class SigningKey {
        final String kid;
        final KeyPair pair;
        Instant lastExpiry;

        SigningKey(String kid, KeyPair pair) {
            this.kid = kid;
            this.pair = pair;
        }
    }

    private final Clock clock;
    private final String issuer;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final List<SigningKey> published = new ArrayList<>();
    private SigningKey active;
    private int generation;

    /** Starts with one key, published and active. */
    public TokenIssuer(Clock clock, String issuer, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("a token lifetime must be positive, got " + lifetime);
        }
        this.lifetime = lifetime;
        this.active = newKey();
        published.add(active);
    }

    /** The {@code kid} new tokens are signed with. */
    public synchronized String activeKid() {
        return active.kid;
    }

    /** X5 · a signed token for {@code user}: kid, iss, sub, a random jti, iat and exp = now + lifetime. */
    public synchronized String issue(String user) {
        Instant now = clock.instant();
        Instant exp = now.plus(lifetime);
        byte[] jti = new byte[16];
        random.nextBytes(jti);
        active.lastExpiry = exp;
        return Jwts.builder()
                .header().keyId(active.kid).and()
                .issuer(issuer)
                .subject(user)
                .id(Base64.getUrlEncoder().withoutPadding().encodeToString(jti))
                .issuedAt(Date.from(now))
                .expiration(Date.from(exp))
                .signWith(active.pair.getPrivate(), Jwts.SIG.ES256)
                .compact();
    }

    /** X5 · the published public keys as a JWK Set: {@code {"keys":[…]}}. */
    public synchronized String jwksJson() {
        return published.stream()
                .map(k -> Jwks.json((PublicJwk<?>) Jwks.builder().key(k.pair.getPublic()).id(k.kid).build()))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    /** X5 · step 1: a new key appears in the JWK Set; tokens are still signed with the old one. Returns its kid. */
    public synchronized String publishNext() {
        if (published.get(published.size() - 1) != active) {
            throw new IllegalStateException("key " + published.get(published.size() - 1).kid
                    + " is already published and waiting; activate it first");
        }
        SigningKey next = newKey();
        published.add(next);
        return next.kid;
    }

    /** X5 · step 2: sign with the published next key; refused if none was published (verifiers could not know it). */
    public synchronized void activateNext() {
        SigningKey last = published.get(published.size() - 1);
        if (last == active) {
            throw new IllegalStateException("no next key is published: publish it (publishNext) and let every verifier"
                    + " fetch the JWK Set before signing with it, or its tokens fail where the old set is cached");
        }
        active = last;
    }

    /** X5 · step 3: removes a key from the JWK Set; refused while it signs or while a token it signed is still valid. */
    public synchronized void retire(String kid) {
        SigningKey key = published.stream().filter(k -> k.kid.equals(kid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no published key has kid " + kid));
        if (key == active) {
            throw new IllegalStateException("key " + kid + " still signs new tokens; activate its successor first");
        }
        if (key.lastExpiry != null && clock.instant().isBefore(key.lastExpiry)) {
            throw new IllegalStateException("key " + kid + " signed a token valid until " + key.lastExpiry
                    + "; retiring it now would log that user out. Retire it after that");
        }
        published.remove(key);
    }

    private SigningKey newKey() {
        generation++;
        return new SigningKey("k" + generation + "-" + Long.toHexString(random.nextLong() & 0xffffffL),
                Jwts.SIG.ES256.keyPair().build());
    }
}
