package workshop.simulator.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real {@code redis-server} process from the embedded-redis jar (Redis 6.2 on Linux and macOS), owned by this JVM.
 * It listens on 127.0.0.1 only, on a free port, in protected mode, with a password made for this start; it keeps
 * nothing on disk; {@link #stop()} (or the JVM's exit) ends the process.
 */
final class EmbeddedRedis {

    /** The settings that make it safe and forgetful; see {@link KitRedis} for why each one is there. */
    static List<String> settings(String password, Path dataDir) {
        return List.of(
                "protected-mode yes",
                "requirepass " + password,
                "save \"\"",
                "appendonly no",
                "dir \"" + dataDir.toAbsolutePath().toString().replace("\\", "\\\\") + "\"",
                "maxmemory 256mb",
                "maxmemory-policy noeviction",
                "rename-command CONFIG \"\"",
                "rename-command MODULE \"\"",
                "rename-command REPLICAOF \"\"",
                "rename-command SLAVEOF \"\"");
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 3;
    private static final int LOG_LINES = 40;

    private final RedisServer server;
    private final int port;
    private final String password;
    private final Path dataDir;
    private final Deque<String> log;
    private volatile long pid = -1;

    private EmbeddedRedis(RedisServer server, int port, String password, Path dataDir, Deque<String> log) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts a server on a free loopback port; a port taken meanwhile by another process is retried. */
    static EmbeddedRedis start() {
        OrphanReaper.reap();
        RedisUnavailableException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return startOnce(freeLoopbackPort());
            } catch (RedisUnavailableException e) {
                last = e;
                if (!e.getMessage().contains("in use")) {
                    break;
                }
            }
        }
        throw last;
    }

    private static EmbeddedRedis startOnce(int port) {
        String password = newPassword();
        Path dataDir = null;
        Path config = null;
        Deque<String> log = new ArrayDeque<>();
        try {
            dataDir = Files.createTempDirectory("workshop-redis-"); // owner-only on POSIX
            dataDir.toFile().deleteOnExit(); // if stop() is never called; it stays empty
            RedisServerBuilder builder = RedisServer.newRedisServer().executableProvider(EmbeddedRedis::binary)
                    .bind("127.0.0.1").port(port);
            settings(password, dataDir).forEach(builder::setting);
            // The builder writes the settings (password included) to an owner-only temporary file, which is passed
            // as the only argument: the password never appears on a command line that `ps` shows to other users.
            List<String> args = builder.buildCommandArgs();
            config = Path.of(args.get(1));
            RedisServer server = new RedisServer(port, args, false, line -> remember(log, line), line -> remember(log, line));
            server.start();
            Files.deleteIfExists(config); // read once at start; no CONFIG REWRITE here (CONFIG is disabled)
            return new EmbeddedRedis(server, port, password, dataDir, log);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(config);
            deleteTree(dataDir);
            String detail = String.valueOf(e.getCause() != null ? e.getCause().getMessage() + " " + e.getMessage() : e.getMessage());
            String hint = detail.contains("libssl") ? " The bundled binary needs OpenSSL's libssl; install it, or set "
                    + RedisUrl.ENV + " to a Redis you run yourself (e.g. redis://:password@127.0.0.1:6379/0)."
                    : " Set " + RedisUrl.ENV + " to a Redis you run yourself to skip the embedded one.";
            String inUse = detail.contains("Address already in use") ? " Port " + port + " was in use." : "";
            throw new RedisUnavailableException(RedisUnavailableException.Reason.EMBEDDED_START_FAILED,
                    "embedded redis-server on 127.0.0.1:" + port,
                    "The kit's embedded Redis could not start on 127.0.0.1:" + port + " (" + oneLine(detail) + ")."
                            + inUse + hint, e);
        }
    }

    private static File binary;

    /**
     * The redis-server binary for this platform ({@link RedisBinary}), looked up once per JVM.
     */
    private static synchronized File binary() throws IOException {
        if (binary == null || !binary.canExecute()) {
            binary = RedisBinary.get().toFile();
        }
        return binary;
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    /** The server's working directory: it stays empty (no dump.rdb, no appendonly.aof). */
    Path dataDir() {
        return dataDir;
    }

    /** Records the server's PID (from INFO) so that a later start can end it if this JVM dies without stopping it. */
    void notePid(long serverPid) {
        this.pid = serverPid;
        OrphanReaper.remember(serverPid, port, dataDir);
    }

    boolean isRunning() {
        return server.isActive();
    }

    /** The last lines the server printed, for error messages. */
    List<String> recentLog() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Ends the process (SIGTERM, then waits for it) and deletes its working directory. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded redis-server on port " + port + " did not stop cleanly", e);
        } finally {
            deleteTree(dataDir);
            if (pid > 0) {
                OrphanReaper.forget(pid);
            }
        }
    }

    private static void remember(Deque<String> log, String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the embedded Redis", e);
        }
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file, deleted on exit anyway (embedded-redis marks it deleteOnExit)
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[redis] could not delete the temporary directory " + root + ": " + e);
        }
    }
}
