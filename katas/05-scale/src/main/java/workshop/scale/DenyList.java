package workshop.scale;

import java.time.Clock;
import java.time.Instant;
import redis.clients.jedis.RedisClient;

/**
 * X4 · revoked JWT IDs ({@code jti}) in Redis, shared by every instance: key {@code <prefix>deny:<jti>}, which expires
 * when the token would have expired anyway. X6: a Redis failure surfaces as {@link SessionStoreUnavailableException}.
 */
public final class DenyList {

    private final RedisClient redis;
    private final String prefix;
    private final Clock clock;

    /** @param prefix every key starts with it, e.g. {@code kitRedis.namespace() + "jwt:"}; must end in ':' */
    public DenyList(RedisClient redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** The Redis key of one revoked {@code jti}. */
    public String key(String jti) {
        return prefix + "deny:" + jti;
    }

    /**
     * X4 · revokes the token with this {@code jti} until {@code expiresAt} (its {@code exp}). Returns true if it is
     * now on the list, false if it was already there (the first entry is kept) or the token has expired anyway.
     * A malformed jti is refused with an {@link IllegalArgumentException}.
     */
    public boolean revoke(String jti, Instant expiresAt) {
        throw new UnsupportedOperationException("X4 · revoke a jti until its exp — see notebooks/05-scale.ipynb, X4");
    }

    /** X4 · true if this {@code jti} is on the list (an unknown jti is simply not revoked). */
    public boolean isRevoked(String jti) {
        throw new UnsupportedOperationException("X4 · look a jti up — see notebooks/05-scale.ipynb, X4");
    }
}
