package workshop.simulator.redis;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import workshop.simulator.redis.RedisUnavailableException.Reason;

/**
 * The Redis of module 05: the shared session store and the JWT deny list. One call gives a connected Jedis client:
 * <pre>{@code
 * try (KitRedis redis = KitRedis.start()) {
 *     redis.client().hset("session:abc", "user", "ada");
 * }
 * }</pre>
 * <b>Which Redis.</b> With {@code REDIS_URL} (or {@code -Dredis.url=…}) set, e.g. {@code redis://:pw@host:6379/0}
 * ({@code rediss://} for TLS), that server: a team's Redis, Valkey, a managed one. Otherwise a real
 * {@code redis-server} started from the embedded-redis jar, nothing to install. A URL that does not work ends in one
 * {@link RedisUnavailableException} whose message names the server and the cause (unknown host, refused, auth failed,
 * timeout), never the password.
 * <p>
 * <b>Why the embedded server is locked down.</b> Any web page open in the learner's browser can send requests to
 * any port on 127.0.0.1; Redis reads an HTTP POST body line by line as commands, so a page can talk to a local Redis
 * (a cross-protocol attack: {@code CONFIG SET dir …} then {@code SAVE} writes files, {@code SLAVEOF} loads data).
 * So the embedded server listens on 127.0.0.1 only (nothing on the network reaches it), runs in protected mode, and
 * requires a password made with {@link java.security.SecureRandom} for each start, which no page can know. Since
 * Redis 3.2.7 it also drops a connection whose first line looks like HTTP ({@code POST}, {@code Host:}). It keeps
 * nothing on disk ({@code save ""}, {@code appendonly no}, an empty working directory that is deleted on close),
 * {@code CONFIG}, {@code MODULE} and {@code REPLICAOF} are disabled, and the process is stopped by {@link #close()}
 * or, failing that, when the JVM exits; a JVM killed with SIGKILL cannot, so the next embedded start (in any JVM)
 * ends the servers whose JVM is gone.
 * <p>
 * <b>Timeouts are part of the API.</b> Every connection and every command is bounded ({@link RedisTimeouts}, 2 s by
 * default; the pool waits no longer than that for a free connection either): a slow or stopped Redis makes a call
 * fail with a {@code JedisConnectionException}, which an app turns into a 503 — it never hangs a test.
 * <p>
 * On Windows the embedded-redis jar ships Redis 5.0 (Linux and macOS get 6.2): commands new in 6.2, such as
 * {@code SET … EXAT} or {@code GETEX}, need a {@code REDIS_URL} there.
 */
public final class KitRedis implements AutoCloseable {

    /** Where the Redis comes from. */
    public enum Kind {
        /** A redis-server process this JVM started and will stop. */
        EMBEDDED,
        /** A server named by REDIS_URL / redis.url; the kit never stops it. */
        EXTERNAL
    }

    private final Kind kind;
    private final RedisUrl url;
    private final RedisTimeouts timeouts;
    private final EmbeddedRedis embedded;
    private final RedisClient client;
    private final String serverVersion;
    private final String namespace = "workshop:" + java.util.HexFormat.of().formatHex(randomBytes()) + ":";

    private KitRedis(Kind kind, RedisUrl url, RedisTimeouts timeouts, EmbeddedRedis embedded, RedisClient client,
                     String serverVersion) {
        this.kind = kind;
        this.url = url;
        this.timeouts = timeouts;
        this.embedded = embedded;
        this.client = client;
        this.serverVersion = serverVersion;
    }

    /** The Redis the kit is configured for: REDIS_URL / redis.url if set, else an embedded one; default timeouts. */
    public static KitRedis start() {
        return start(RedisTimeouts.DEFAULT);
    }

    /** As {@link #start()}, with other timeouts. */
    public static KitRedis start(RedisTimeouts timeouts) {
        Optional<String> configured = RedisUrl.configured(System.getenv(), System.getProperties());
        return configured.isPresent() ? connect(configured.get(), timeouts) : embedded(timeouts);
    }

    /** A new embedded redis-server (whatever REDIS_URL says), default timeouts. */
    public static KitRedis embedded() {
        return embedded(RedisTimeouts.DEFAULT);
    }

    /** A new embedded redis-server on a free loopback port, locked down as the class comment says. */
    public static KitRedis embedded(RedisTimeouts timeouts) {
        Objects.requireNonNull(timeouts, "timeouts");
        // Jedis's ~300 classes take as long to load as the server takes to start: both at once halve a first start.
        java.util.concurrent.CompletableFuture<Void> clientClasses =
                java.util.concurrent.CompletableFuture.runAsync(KitRedis::loadClientClasses);
        EmbeddedRedis server = EmbeddedRedis.start();
        clientClasses.exceptionally(e -> null).join();
        RedisUrl url = new RedisUrl(false, "127.0.0.1", server.port(), null, server.password(), 0);
        RedisClient client = null;
        try {
            client = newClient(url, timeouts);
            String version = checked(client, url, timeouts);
            infoField(client.info("server"), "process_id").map(Long::parseLong).ifPresent(server::notePid);
            return new KitRedis(Kind.EMBEDDED, url, timeouts, server, client, version);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.stop();
            throw e;
        }
    }

    /** The Redis at {@code url} (e.g. {@code redis://:pw@127.0.0.1:6379/0}), checked with a PING before returning. */
    public static KitRedis connect(String url) {
        return connect(url, RedisTimeouts.DEFAULT);
    }

    /** As {@link #connect(String)}, with other timeouts. */
    public static KitRedis connect(String url, RedisTimeouts timeouts) {
        Objects.requireNonNull(timeouts, "timeouts");
        RedisUrl parsed = RedisUrl.parse(url);
        RedisClient client = newClient(parsed, timeouts);
        return new KitRedis(Kind.EXTERNAL, parsed, timeouts, null, client, checked(client, parsed, timeouts));
    }

    /**
     * The shared client: thread-safe, pooled, with this Redis's timeouts. Kata 05's stores take it as their
     * constructor argument. Do not close it; {@link #close()} does.
     */
    public RedisClient client() {
        return client;
    }

    /** Another client to the same server with other timeouts (e.g. a short one to show fail-closed); close it. */
    public RedisClient newClient(RedisTimeouts otherTimeouts) {
        return newClient(url, otherTimeouts);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A key prefix of this start only, e.g. {@code workshop:3f9a0c1d7e2b4a65:}. Put every key under it (a store's own
     * prefix after it: {@code namespace() + "session:"}): tests that share a team's Redis then never see each other's
     * keys, and {@link #close()} deletes exactly these from an external server. Never FLUSHDB someone else's Redis.
     */
    public String namespace() {
        return namespace;
    }

    /** Deletes every key under {@link #namespace()} (SCAN, then DEL in batches); returns how many. */
    public long deleteNamespace() {
        long deleted = 0;
        String cursor = redis.clients.jedis.params.ScanParams.SCAN_POINTER_START;
        redis.clients.jedis.params.ScanParams match = new redis.clients.jedis.params.ScanParams().match(namespace + "*")
                .count(1000);
        do {
            redis.clients.jedis.resps.ScanResult<String> page = client.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                deleted += client.del(page.getResult().toArray(new String[0]));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(redis.clients.jedis.params.ScanParams.SCAN_POINTER_START));
        return deleted;
    }

    /** The server's address for people and logs, e.g. {@code redis://:***@127.0.0.1:41234/0}: never the password. */
    public String displayUrl() {
        return url.display();
    }

    public String host() {
        return url.host();
    }

    public int port() {
        return url.port();
    }

    public RedisTimeouts timeouts() {
        return timeouts;
    }

    /** The server's {@code redis_version}, e.g. "6.2.6". */
    public String serverVersion() {
        return serverVersion;
    }

    /** Whether the embedded server process is running (an external server is assumed to be). */
    public boolean isServerRunning() {
        return embedded == null || embedded.isRunning();
    }

    /**
     * Stops the embedded server but keeps the client, to show what the app does when Redis goes down: every call
     * then fails with a {@code JedisConnectionException} within the connect timeout. Only for the embedded kind: the
     * kit never stops someone else's server.
     */
    public void stopServer() {
        if (embedded == null) {
            throw new UnsupportedOperationException("stopServer() stops only the kit's embedded Redis; this one is "
                    + url.display() + " (from " + RedisUrl.ENV + "): stop it yourself, or unset " + RedisUrl.ENV + ".");
        }
        embedded.stop();
    }

    /** The embedded server's working directory (empty: nothing is persisted); empty for an external server. */
    public Optional<java.nio.file.Path> dataDirectory() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.dataDir());
    }

    /**
     * Closes the client and, for the embedded kind, stops the server process. On an external server it first deletes
     * this start's keys ({@link #namespace()}), if the server still answers.
     */
    @Override
    public void close() {
        try {
            if (embedded == null) {
                try {
                    deleteNamespace();
                } catch (RuntimeException e) {
                    System.err.println("[redis] could not delete the keys under " + namespace + " from "
                            + url.display() + ": " + e.getMessage());
                }
            }
            client.close();
        } finally {
            if (embedded != null && embedded.isRunning()) {
                embedded.stop();
            }
        }
    }

    /** The parsed address, password included: for this package's tests. */
    RedisUrl url() {
        return url;
    }

    /** The embedded server's settings file lines, for this package's tests; empty for an external server. */
    Optional<EmbeddedRedis> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public String toString() {
        return (kind == Kind.EMBEDDED ? "embedded Redis " : "Redis ") + serverVersion + " at " + url.display();
    }

    static RedisClient newClient(RedisUrl url, RedisTimeouts timeouts) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeouts.connectMillis())
                .socketTimeoutMillis(timeouts.socketMillis())
                .blockingSocketTimeoutMillis(timeouts.socketMillis())
                .database(url.database())
                .clientName("workshop-kit")
                // CLIENT SETINFO is Redis 7.2+; older servers (the embedded 6.2) would only log an error for it.
                // No protocol forced: Jedis offers RESP3 with HELLO and falls back to AUTH and RESP2 on a server
                // that does not know HELLO (Redis 5, the embedded Windows build).
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (url.tls()) {
            config.sslOptions(SslOptions.defaults()); // the JDK's trust store, the host name verified
        }
        if (url.user() != null) {
            config.user(url.user());
        }
        if (url.password() != null) {
            config.password(url.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMinIdle(0);
        // A pool with every connection in use waits no longer than a connection would take (default: forever).
        pool.setMaxWait(timeouts.connect());
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        return RedisClient.builder().hostAndPort(new HostAndPort(url.host(), url.port()))
                .clientConfig(config.build()).poolConfig(pool).build();
    }

    /** PINGs the server and reads its version; on failure closes the client and explains the cause. */
    private static String checked(RedisClient client, RedisUrl url, RedisTimeouts timeouts) {
        try {
            client.ping();
            return infoField(client.info("server"), "redis_version").orElse("unknown version");
        } catch (RuntimeException e) {
            client.close();
            throw explain(url, timeouts, e);
        }
    }

    /** Builds and closes a client that never connects (the pool opens connections on first use). */
    private static void loadClientClasses() {
        newClient(new RedisUrl(false, "127.0.0.1", 6379, null, "unused", 0), RedisTimeouts.DEFAULT).close();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** One {@code name:value} line of an INFO answer. */
    static Optional<String> infoField(String info, String name) {
        return info.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
                .findFirst();
    }

    /** A failure to use the server at {@code url} as one sentence a learner can act on. */
    static RedisUnavailableException explain(RedisUrl url, RedisTimeouts timeouts, RuntimeException e) {
        String where = url.display();
        String hostPort = url.host() + ":" + url.port();
        Throwable root = e;
        Reason reason = Reason.OTHER;
        String why = null;
        for (Throwable t : causes(e)) {
            root = t;
            if (t instanceof UnknownHostException) {
                reason = Reason.UNKNOWN_HOST;
                why = "unknown host '" + url.host() + "' (the name does not resolve; check the spelling in "
                        + RedisUrl.ENV + ")";
                break;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                reason = Reason.REFUSED;
                why = "connection refused at " + hostPort + " (nothing listens there: is the server running, is the"
                        + " port right?)";
                break;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                reason = Reason.TIMEOUT;
                why = "no answer from " + hostPort + " within the timeout (connect " + timeouts.connect().toMillis()
                        + " ms, each answer " + timeouts.socket().toMillis() + " ms): a firewall that drops packets,"
                        + " a wrong port that accepts but speaks no Redis, or an overloaded server"
                        + (url.tls() ? "; with rediss://, also a port that speaks plain Redis, not TLS" : "");
                break;
            }
            if (t instanceof SSLException) {
                reason = Reason.TLS;
                why = "the TLS handshake with " + hostPort + " failed (" + t.getMessage() + "); rediss:// needs a TLS"
                        + " port and a certificate this JVM trusts, redis:// a plain one";
                break;
            }
            if (t instanceof JedisAccessControlException || isAuthError(t)) {
                reason = Reason.AUTH_FAILED;
                String m = String.valueOf(t.getMessage());
                String detail = m.startsWith("NOAUTH") || m.contains("without any password")
                        ? "the server requires a password and the URL gives none: redis://:PASSWORD@" + hostPort
                        : m.startsWith("WRONGPASS") || m.startsWith("ERR invalid password")
                        ? "wrong user name or password" : firstLine(m);
                why = "authentication failed at " + hostPort + " (" + detail + "); check the user and password in "
                        + RedisUrl.ENV;
                break;
            }
        }
        if (why == null) {
            why = firstLine(root.getClass().getSimpleName() + ": " + root.getMessage());
        }
        return new RedisUnavailableException(reason, where, "Redis at " + where + " cannot be used: " + why + ".", e);
    }

    /** The exception, its causes and what it suppressed (Jedis keeps each failed address's error there). */
    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(java.util.List.of(e));
        while (!todo.isEmpty() && all.size() < 20) {
            Throwable t = todo.removeFirst();
            if (all.contains(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.addLast(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return all;
    }

    private static boolean isAuthError(Throwable t) {
        if (!(t instanceof JedisDataException) && !(t instanceof JedisException)) {
            return false;
        }
        String m = String.valueOf(t.getMessage());
        return m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.startsWith("ERR invalid password")
                || m.contains("AUTH <password> called without any password");
    }

    private static String firstLine(String s) {
        String text = String.valueOf(s);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
