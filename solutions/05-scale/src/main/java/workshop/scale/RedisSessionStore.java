package workshop.scale;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import workshop.simulator.cluster.SessionStore;
import workshop.simulator.cluster.StoredSession;

/**
 * Sessions in Redis, shared by every app instance. Keys, all under the prefix given to the constructor:
 * <ul>
 *   <li>{@code <prefix>session:<id>} a hash: {@code user}, {@code created} and {@code last} (epoch milliseconds of
 *       the app's clock) and one field {@code a:<name>} per attribute; its TTL is the idle timeout (sliding), never
 *       beyond the absolute deadline</li>
 *   <li>{@code <prefix>user:<user>} a set of the user's session IDs (log out everywhere)</li>
 * </ul>
 */
public final class RedisSessionStore implements SessionStore {

    /** Longest attribute value accepted, in characters (kit policy: a session holds references, not documents). */
    public static final int MAX_VALUE_LENGTH = 4096;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** Restarts the idle timer of a session that still exists; never recreates a deleted one. */
    private static final String TOUCH = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'last', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";

    /** Sets one attribute of a session that still exists. */
    private static final String PUT = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1""";

    /** Rotation in one step: the old key becomes the new one (fields and TTL kept), the user index follows. */
    private static final String ROTATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('RENAME', KEYS[1], KEYS[2])
            redis.call('SREM', KEYS[3], ARGV[1])
            redis.call('SADD', KEYS[3], ARGV[2])
            return 1""";

    /** Ends every session in the user's index, then the index; returns how many sessions were still there. */
    private static final String DELETE_ALL = """
            local ended = 0
            for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              ended = ended + redis.call('DEL', ARGV[1] .. id)
            end
            redis.call('DEL', KEYS[1])
            return ended""";

    private final RedisClient redis;
    private final String prefix;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param prefix          every key starts with it, e.g. {@code kitRedis.namespace() + "shop:"}; must end in ':'
     * @param idleTimeout     no request for this long ends a session (sliding, the key's TTL)
     * @param absoluteTimeout a session ends this long after it was created, however busy
     */
    public RedisSessionStore(RedisClient redis, String prefix, Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (prefix == null || prefix.isBlank() || !prefix.endsWith(":")) {
            throw new IllegalArgumentException("the key prefix must be non-blank and end in ':' (e.g. namespace() + \"shop:\"),"
                    + " got '" + prefix + "': a raw session ID as a key would collide with every other key in the database");
        }
        if (idleTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.compareTo(absoluteTimeout) > 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout, got " + idleTimeout + " and "
                    + absoluteTimeout);
        }
        this.prefix = prefix;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** The Redis key of a session's hash. */
    public String sessionKey(String id) {
        return prefix + "session:" + id;
    }

    /** The Redis key of a user's index of session IDs. */
    public String userKey(String user) {
        return prefix + "user:" + user;
    }

    @Override
    public String create(String user) {
        if (user == null || user.isBlank() || user.length() > 64) {
            throw new IllegalArgumentException("a session needs a user name of 1 to 64 characters");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String now = Long.toString(clock.millis());
        return call(() -> {
            redis.hset(sessionKey(id), Map.of("user", user, "created", now, "last", now));
            redis.pexpire(sessionKey(id), idleTimeout.toMillis());
            redis.sadd(userKey(user), id);
            redis.pexpire(userKey(user), absoluteTimeout.toMillis());
            return id;
        });
    }

    @Override
    public Optional<StoredSession> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, String> hash = call(() -> redis.hgetAll(sessionKey(id)));
        Instant created = millis(hash.get("created"));
        Instant last = millis(hash.get("last"));
        String user = hash.get("user");
        if (user == null || created == null || last == null) {
            return Optional.empty();   // unknown, or not a session this store wrote: never "logged in"
        }
        Instant now = clock.instant();
        Instant absoluteEnd = created.plus(absoluteTimeout);
        Instant deadline = min(last.plus(idleTimeout), absoluteEnd);
        if (!now.isBefore(deadline)) {
            delete(id);
            return Optional.empty();
        }
        long ttl = Math.min(idleTimeout.toMillis(), Duration.between(now, absoluteEnd).toMillis());
        Object touched = call(() -> redis.eval(TOUCH, List.of(sessionKey(id)),
                List.of(Long.toString(now.toEpochMilli()), Long.toString(ttl))));
        if (!Long.valueOf(1).equals(touched)) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("a:")) {
                attributes.put(field.substring(2), value);
            }
        });
        return Optional.of(new StoredSession(user, attributes));
    }

    @Override
    public boolean put(String id, String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute names are 1 to 32 of a-z, 0-9, '_', '-' starting with a letter,"
                    + " got '" + name + "'");
        }
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute '" + name + "' is " + (value == null ? "null" : value.length()
                    + " characters") + "; at most " + MAX_VALUE_LENGTH + " are kept (kit policy): the session is unchanged");
        }
        if (find(id).isEmpty()) {
            return false;
        }
        return Long.valueOf(1).equals(call(() -> redis.eval(PUT, List.of(sessionKey(id)), List.of("a:" + name, value))));
    }

    @Override
    public Optional<String> rotate(String id) {
        Optional<StoredSession> session = find(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Object moved = call(() -> redis.eval(ROTATE, List.of(sessionKey(id), sessionKey(next), userKey(session.get().user())),
                List.of(id, next)));
        return Long.valueOf(1).equals(moved) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public boolean delete(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        return call(() -> {
            String user = redis.hget(sessionKey(id), "user");
            boolean deleted = redis.del(sessionKey(id)) == 1;
            if (user != null) {
                redis.srem(userKey(user), id);
            }
            return deleted;
        });
    }

    /** X3 · the IDs in the user's index (live sessions, and ones that expired since: {@link #find} tells them apart). */
    public java.util.Set<String> sessionsOf(String user) {
        return call(() -> redis.smembers(userKey(user)));
    }

    @Override
    public int deleteAllFor(String user) {
        Object ended = call(() -> redis.eval(DELETE_ALL, List.of(userKey(user)), List.of(prefix + "session:")));
        return ((Long) ended).intValue();
    }

    /** X6 · every Redis call: a failure becomes one exception that says what is down, never an empty answer. */
    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new SessionStoreUnavailableException("the session store's Redis did not answer (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); failing closed: nobody counts as logged in until it is back", e);
        }
    }

    private static Instant millis(String text) {
        if (text == null || !text.matches("[0-9]{1,15}")) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(text));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
