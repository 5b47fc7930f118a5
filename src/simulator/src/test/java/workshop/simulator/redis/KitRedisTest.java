package workshop.simulator.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** The embedded Redis: a real server, locked down for a laptop where every web page is a local client. */
class KitRedisTest {

    private static KitRedis redis;

    @BeforeAll
    static void start() {
        redis = KitRedis.embedded();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void startsARealRedisAndGivesAConnectedClient() {
        RedisClient client = redis.client();
        client.hset("session:test", "user", "ada");
        assertThat(client.hget("session:test", "user")).isEqualTo("ada");
        assertThat(redis.kind()).isEqualTo(KitRedis.Kind.EMBEDDED);
        assertThat(redis.serverVersion()).as("the embedded-redis jar ships Redis 6.2 for Linux and macOS").startsWith("6.2");
        assertThat(redis.host()).isEqualTo("127.0.0.1");
        assertThat(redis.port()).isPositive();
        assertThat(redis.isServerRunning()).isTrue();
    }

    @Test
    void theDisplayedAddressNeverShowsThePassword() {
        String password = redis.url().password();
        assertThat(password).as("a random password of 32 bytes").hasSizeGreaterThanOrEqualTo(43);
        assertThat(redis.displayUrl()).isEqualTo("redis://:***@127.0.0.1:" + redis.port() + "/0").doesNotContain(password);
        assertThat(redis.toString()).doesNotContain(password);
        assertThat(redis.url().toString()).doesNotContain(password);
    }

    @Test
    void eachStartHasItsOwnPasswordAndPort() {
        try (KitRedis other = KitRedis.embedded()) {
            assertThat(other.url().password()).isNotEqualTo(redis.url().password());
            assertThat(other.port()).isNotEqualTo(redis.port());
            other.client().set("only-here", "1");
            assertThat(redis.client().exists("only-here")).as("two servers share nothing").isFalse();
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws IOException {
        String answer = rawExchange("PING\r\nSET planted 1\r\n");
        assertThat(answer).as("a client without the password (a web page, another user's process) gets NOAUTH")
                .startsWith("-NOAUTH");
        assertThat(redis.client().exists("planted")).isFalse();
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        String answer = rawExchange("AUTH not-the-password\r\n");
        assertThat(answer).startsWith("-WRONGPASS");
    }

    @Test
    void anHttpRequestFromAWebPageIsDropped() throws IOException {
        // What a page's fetch('http://127.0.0.1:<port>/', {method: 'POST', body: 'CONFIG SET dir /tmp'}) sends.
        String answer = rawExchange("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + redis.port()
                + "\r\nContent-Type: text/plain\r\nContent-Length: 19\r\n\r\nCONFIG SET dir /tmp\r\n");
        assertThat(answer).doesNotContain("+OK");
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        List<String> listeners = linuxListeners(redis.port());
        if (listeners != null) {
            assertThat(listeners).as("the sockets listening on port %d (from /proc/net/tcp*)", redis.port())
                    .isNotEmpty().allMatch(a -> a.equals("0100007F"), "127.0.0.1 (0100007F) only");
        }
        // Elsewhere the setting is what can be checked without sending traffic to the machine's other addresses.
        assertThat(redis.embeddedServer().orElseThrow().isRunning()).isTrue();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            assertThat(s.isConnected()).isTrue();
        }
    }

    @Test
    void dangerousAdminCommandsAreDisabled() {
        RedisClient client = redis.client();
        for (String command : List.of("CONFIG", "MODULE", "REPLICAOF", "SLAVEOF")) {
            assertThatThrownBy(() -> client.executeCommand(new CommandArguments(() -> command.getBytes(StandardCharsets.US_ASCII)).add("GET").add("dir")))
                    .as(command).isInstanceOf(JedisDataException.class).hasMessageContaining("unknown command");
        }
    }

    @Test
    void keepsNothingOnDisk() {
        assertThat(EmbeddedRedis.settings("pw", Path.of("x"))).contains("save \"\"", "appendonly no", "protected-mode yes");
        try (KitRedis own = KitRedis.embedded()) {
            for (int i = 0; i < 100; i++) {
                own.client().hset("session:" + i, "user", "ada");
            }
            assertThat(own.client().info("persistence")).contains("aof_enabled:0");
            Path dir = own.dataDirectory().orElseThrow();
            own.stopServer();   // SIGTERM: a server with a save rule would write dump.rdb now
            assertThat(dir).doesNotExist();
        }
    }

    @Test
    void closeEndsTheProcess() {
        KitRedis own = KitRedis.embedded();
        long pid = Long.parseLong(infoField(own.client().info("server"), "process_id"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.isAlive()).isTrue();
        own.close();
        assertThat(process.isAlive()).as("redis-server pid %d must be gone after close()", pid).isFalse();
        assertThat(own.isServerRunning()).isFalse();
    }

    @Test
    void aStoppedServerFailsCallsFastInsteadOfHanging() {
        KitRedis own = KitRedis.embedded(new RedisTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)));
        try {
            own.client().set("k", "v");
            own.stopServer();
            long start = System.nanoTime();
            assertThatThrownBy(() -> own.client().get("k")).isInstanceOf(JedisConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            own.close();
        }
    }

    @Test
    void stopServerRefusesToStopAnExternalServer() {
        String url = "redis://:" + redis.url().password() + "@127.0.0.1:" + redis.port() + "/1";
        try (KitRedis external = KitRedis.connect(url)) {
            assertThat(external.kind()).isEqualTo(KitRedis.Kind.EXTERNAL);
            assertThatThrownBy(external::stopServer).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("REDIS_URL").hasMessageNotContaining(redis.url().password());
            assertThat(external.dataDirectory()).isEmpty();
        }
        assertThat(redis.isServerRunning()).isTrue();
    }

    @Test
    void aServerLeftBehindByAKilledJvmIsEndedByTheNextStart() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), OrphanChild.class.getName())
                .redirectErrorStream(true).start();
        long redisPid;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("REDIS-PID ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child JVM started its Redis").isNotNull();
            redisPid = Long.parseLong(line.substring("REDIS-PID ".length()).strip());
            child.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook runs
        }
        ProcessHandle orphan = ProcessHandle.of(redisPid).orElseThrow();
        assertThat(orphan.isAlive()).as("a JVM killed with SIGKILL cannot stop its redis-server").isTrue();
        assertThat(OrphanReaper.reap()).isGreaterThanOrEqualTo(1);
        orphan.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(orphan.isAlive()).isFalse();
        assertThat(redis.isServerRunning()).as("this JVM's own server is left alone").isTrue();
        assertThat(redis.client().ping()).isEqualTo("PONG");
    }

    @Test
    void eachStartHasItsOwnNamespaceAndCloseClearsItFromAnExternalServer() {
        String url = "redis://:" + redis.url().password() + "@127.0.0.1:" + redis.port() + "/2";
        KitRedis external = KitRedis.connect(url);
        String ns = external.namespace();
        assertThat(ns).matches("workshop:[0-9a-f]{16}:").isNotEqualTo(redis.namespace());
        for (int i = 0; i < 2500; i++) {
            external.client().set(ns + "session:" + i, "x");
        }
        external.client().set("team:data", "keep me");
        external.close();
        try (KitRedis again = KitRedis.connect(url)) {
            assertThat(again.client().keys(ns + "*")).as("close() deleted this start's keys").isEmpty();
            assertThat(again.client().get("team:data")).as("and nothing else").isEqualTo("keep me");
            again.client().del("team:data");
        }
    }

    private static String rawExchange(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), redis.port()), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                return "(connection reset: " + e.getMessage() + ")";
            }
            return n < 0 ? "(closed)" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    static String infoField(String info, String name) {
        return info.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
                .findFirst().orElseThrow();
    }

    /** The local addresses (hex, as the kernel prints them) of sockets listening on {@code port}; null off Linux. */
    static List<String> linuxListeners(int port) throws IOException {
        Path v4 = Path.of("/proc/net/tcp");
        if (!Files.isReadable(v4)) {
            return null;
        }
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> found = new ArrayList<>();
        for (Path table : List.of(v4, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(table)) {
                lines.skip(1).map(String::strip).map(l -> l.split("\\s+")).forEach(f -> {
                    String[] local = f[1].split(":");
                    if (local[1].equals(hexPort) && f[3].equals("0A")) { // 0A = LISTEN
                        found.add(local[0]);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RedisTimeouts quick = new RedisTimeouts(Duration.ofMillis(300), Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(() -> KitRedis.connect("redis://:pw@127.0.0.1:" + silent.getLocalPort() + "/0", quick))
                    .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RedisUnavailableException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("127.0.0.1:" + silent.getLocalPort(), "300 ms")
                                .doesNotContain(":pw@");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the timeouts, not forever")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
