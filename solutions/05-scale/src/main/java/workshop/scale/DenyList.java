package workshop.scale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * X4 · revoked JWT IDs ({@code jti}) in Redis, shared by every instance: key {@code <prefix>deny:<jti>}, which expires
 * when the token would have expired anyway (a revoked token needs remembering only while it could still be accepted).
 */
public final class DenyList {

    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final RedisClient redis;
    private final String prefix;
    private final Clock clock;

    /** @param prefix every key starts with it, e.g. {@code kitRedis.namespace() + "jwt:"}; must end in ':' */
    public DenyList(RedisClient redis, String prefix, Clock clock) {
        if (prefix == null || prefix.isBlank() || !prefix.endsWith(":")) {
            throw new IllegalArgumentException("the key prefix must be non-blank and end in ':', got '" + prefix + "'");
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = prefix;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Redis key of one revoked {@code jti}. */
    public String key(String jti) {
        return prefix + "deny:" + jti;
    }

    /**
     * X4 · revokes the token with this {@code jti} until {@code expiresAt} (its {@code exp}). Returns true if it is
     * now on the list, false if it was already there (the first entry is kept) or the token has expired anyway.
     */
    public boolean revoke(String jti, Instant expiresAt) {
        check(jti);
        Objects.requireNonNull(expiresAt, "expiresAt");
        // The remaining life by the app's clock: Redis's own clock would expire a test clock's exp at once (EXAT).
        long remaining = Duration.between(clock.instant(), expiresAt).toMillis();
        if (remaining <= 0) {
            return false;
        }
        try {
            return "OK".equals(redis.set(key(jti), "1", SetParams.setParams().px(remaining).nx()));
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    /** X4 · true if this {@code jti} is on the list (an unknown jti is simply not revoked). */
    public boolean isRevoked(String jti) {
        check(jti);
        try {
            return redis.exists(key(jti));
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    /** X6 · the deny list cannot be read: nobody can tell whether a token was revoked, so the check fails closed. */
    private static SessionStoreUnavailableException unavailable(JedisException e) {
        return new SessionStoreUnavailableException("the deny list's Redis did not answer (" + e.getClass().getSimpleName()
                + ": " + e.getMessage() + "); failing closed: no token is accepted until it is back", e);
    }

    private static void check(String jti) {
        if (jti == null || !JTI.matcher(jti).matches()) {
            throw new IllegalArgumentException("a jti is 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-' (kit policy),"
                    + " got " + (jti == null ? "none" : "'" + jti.substring(0, Math.min(jti.length(), 40)) + "'")
                    + "; nothing was stored");
        }
    }
}
