package workshop.scale;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import workshop.simulator.cluster.SessionStore;
import workshop.simulator.cluster.StoredSession;

/**
 * Sessions in Redis, shared by every app instance. Keys, all under the prefix given to the constructor:
 * <ul>
 *   <li>{@code <prefix>session:<id>} a hash: {@code user}, {@code created} and {@code last} (epoch milliseconds of
 *       the app's clock) and one field per attribute; its TTL is the idle timeout (sliding), never beyond the absolute
 *       deadline</li>
 *   <li>{@code <prefix>user:<user>} a set of the user's session IDs (log out everywhere)</li>
 * </ul>
 * X6: a Redis failure surfaces as {@link SessionStoreUnavailableException}, never as an empty answer.
 */
public final class RedisSessionStore implements SessionStore {

    /** Longest attribute value accepted, in characters (kit policy: a session holds references, not documents). */
    public static final int MAX_VALUE_LENGTH = 4096;

    private final RedisClient redis;
    private final String prefix;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;

    /**
     * X2 · refuses a prefix that is blank or does not end in ':', and timeouts unless 0 < idle <= absolute.
     *
     * @param prefix          every key starts with it, e.g. {@code kitRedis.namespace() + "shop:"}; must end in ':'
     * @param idleTimeout     no request for this long ends a session (sliding, the key's TTL)
     * @param absoluteTimeout a session ends this long after it was created, however busy
     */
    public RedisSessionStore(RedisClient redis, String prefix, Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
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

    /** X2 · a new session for {@code user}: a random 128-bit ID, its hash, its TTL; X3 · its entry in the user index. */
    @Override
    public String create(String user) {
        throw new UnsupportedOperationException("X2 · create a session in Redis — see notebooks/05-scale.ipynb, X2");
    }

    /** X2 · the live session (its idle timer restarts), or empty if unknown, expired, ended or malformed. */
    @Override
    public Optional<StoredSession> find(String id) {
        throw new UnsupportedOperationException("X2 · find a session in Redis — see notebooks/05-scale.ipynb, X2");
    }

    /** X2 · sets one attribute of a live session; refuses values over {@link #MAX_VALUE_LENGTH} characters. */
    @Override
    public boolean put(String id, String name, String value) {
        throw new UnsupportedOperationException("X2 · put an attribute — see notebooks/05-scale.ipynb, X2");
    }

    /** X3 · moves a live session to a new ID in one atomic step (attributes, creation time, TTL and index kept). */
    @Override
    public Optional<String> rotate(String id) {
        throw new UnsupportedOperationException("X3 · rotate atomically — see notebooks/05-scale.ipynb, X3");
    }

    /** X2 · ends one session (and X3 · removes it from the user index); false if it was not alive. */
    @Override
    public boolean delete(String id) {
        throw new UnsupportedOperationException("X2 · delete a session — see notebooks/05-scale.ipynb, X2");
    }

    /** X3 · ends every session in the user's index, then the index; returns how many were still alive. */
    /** X3 · the IDs in the user's index (live sessions, and ones that expired since: {@link #find} tells them apart). */
    public java.util.Set<String> sessionsOf(String user) {
        throw new UnsupportedOperationException("X3 · the per-user index — see notebooks/05-scale.ipynb, X3");
    }

    @Override
    public int deleteAllFor(String user) {
        throw new UnsupportedOperationException("X3 · log out everywhere — see notebooks/05-scale.ipynb, X3");
    }
}
