package workshop.simulator.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.exceptions.JedisConnectionException;
import workshop.simulator.redis.RedisUnavailableException.Reason;

/** REDIS_URL: what it may say, and what a learner reads when it names a server that does not work. */
class RedisUrlTest {

    @Test
    void readsEveryPartOfAUrl() {
        RedisUrl url = RedisUrl.parse("rediss://ada:s%40cret@db.example:6380/2");
        assertThat(url).isEqualTo(new RedisUrl(true, "db.example", 6380, "ada", "s@cret", 2));
        assertThat(url.display()).isEqualTo("rediss://ada:***@db.example:6380/2");
        assertThat(url.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "redis://localhost                | localhost | 6379 |      |        | 0 | redis://localhost:6379/0",
            "redis://:pw@127.0.0.1:6379/0     | 127.0.0.1 | 6379 |      | pw     | 0 | redis://:***@127.0.0.1:6379/0",
            "redis://pw@127.0.0.1             | 127.0.0.1 | 6379 |      | pw     | 0 | redis://:***@127.0.0.1:6379/0",
            "redis://default:pw@[::1]:7000/15 | ::1       | 7000 | default | pw  | 15 | redis://default:***@[::1]:7000/15",
            "REDIS://Host.Example/            | Host.Example | 6379 |   |        | 0 | redis://Host.Example:6379/0",
    })
    void defaultsAndShapes(String text, String host, int port, String user, String password, int db, String display) {
        RedisUrl url = RedisUrl.parse(text);
        assertThat(url.host()).isEqualTo(host);
        assertThat(url.port()).isEqualTo(port);
        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.database()).isEqualTo(db);
        assertThat(url.tls()).isFalse();
        assertThat(url.display()).isEqualTo(display);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "http://:pw@localhost:6379   | must start with redis://",
            "localhost:6379              | must start with redis://",
            "redis://:pw@/0              | names no host",
            "redis://:pw@localhost/zero  | database number",
            "redis://:pw@localhost/0?ssl=true | ?options",
            "'   '                       | empty",
            "redis://:p w@localhost      | not a URL",
    })
    void aUrlThatIsNotARedisUrlSaysWhatIsWrongWithoutThePassword(String text, String expected) {
        assertThatThrownBy(() -> RedisUrl.parse(text))
                .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_URL);
                    assertThat(e.getMessage()).contains(expected).contains("REDIS_URL")
                            .doesNotContain(":pw@").doesNotContain("p w");
                });
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndBlankMeansUnset() {
        Properties props = new Properties();
        Map<String, String> env = Map.of("REDIS_URL", "redis://from-env");
        assertThat(RedisUrl.configured(env, props)).contains("redis://from-env");
        props.setProperty("redis.url", "redis://from-property");
        assertThat(RedisUrl.configured(env, props)).contains("redis://from-property");
        assertThat(RedisUrl.configured(Map.of("REDIS_URL", " "), new Properties())).isEmpty();
        assertThat(RedisUrl.configured(Map.of(), new Properties())).isEmpty();
    }

    @Test
    void refusedNamesTheHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int port = closedPort;
        assertThatThrownBy(() -> KitRedis.connect("redis://:secret@127.0.0.1:" + port + "/0"))
                .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                    assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.REFUSED);
                    assertThat(e.getMessage()).contains("connection refused at 127.0.0.1:" + port)
                            .doesNotContain("secret").doesNotContain("\n");
                    assertThat(e.server()).isEqualTo("redis://:***@127.0.0.1:" + port + "/0");
                });
    }

    @Test
    void anUnknownHostIsNamed() {
        // Built, not resolved: a test must not depend on (or wait for) the machine's DNS.
        RedisUrl url = RedisUrl.parse("redis://:secret@redis.nowhere.invalid:6379/0");
        RedisUnavailableException e = KitRedis.explain(url, RedisTimeouts.DEFAULT,
                new JedisConnectionException("Failed to connect", new UnknownHostException("redis.nowhere.invalid")));
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
        assertThat(e.getMessage()).contains("unknown host 'redis.nowhere.invalid'").doesNotContain("secret");
    }

    @Test
    void aWrongPasswordOrNoneAtAllIsAnAuthenticationFailure() {
        try (KitRedis real = KitRedis.embedded()) {
            for (String url : new String[] {"redis://:wrong@127.0.0.1:" + real.port(), "redis://127.0.0.1:" + real.port()}) {
                assertThatThrownBy(() -> KitRedis.connect(url))
                        .as(url)
                        .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
                            assertThat(e.getMessage()).contains("authentication failed at 127.0.0.1:" + real.port())
                                    .doesNotContain("wrong@");
                        });
            }
        }
    }

    @Test
    void tlsToAPlainPortFailsWithABoundedClearError() {
        try (KitRedis real = KitRedis.embedded()) {
            String url = "rediss://:" + real.url().password() + "@127.0.0.1:" + real.port();
            assertThatThrownBy(() -> KitRedis.connect(url, new RedisTimeouts(java.time.Duration.ofMillis(500),
                    java.time.Duration.ofMillis(500))))
                    .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                        assertThat(e.reason()).isIn(Reason.TLS, Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("127.0.0.1:" + real.port())
                                .doesNotContain(real.url().password());
                    });
        }
    }
}
