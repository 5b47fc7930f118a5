package workshop.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workshop.simulator.MutableClock;
import workshop.simulator.SessionSite;

/** Three shop instances behind a balancer: what happens to sessions when requests move between instances. */
class AppClusterTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();

    @Test
    void roundRobinSendsEachRequestToTheNextInstance() {
        try (AppCluster cluster = AppCluster.builder().clock(clock).start()) {
            ShopClient client = cluster.newClient();
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/").status()).isEqualTo(200);
            }
            assertThat(cluster.servedBy()).containsExactly(1, 2, 3, 1);
            assertThat(cluster.routed()).extracting(Routed::path).containsOnly("/");
        }
    }

    @Test
    void inMemorySessionsBreakWhenTheNextRequestLandsOnAnotherInstance() {
        try (AppCluster cluster = AppCluster.builder().clock(clock).start()) {
            ShopClient ada = cluster.newClient();
            ShopClient.Answer login = ada.login("ada", "lovelace");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.servedBy()).isEqualTo(1);
            assertThat(ada.cookie(SessionSite.COOKIE)).isPresent();
            ShopClient.Answer me = ada.get("/me");
            assertThat(me.servedBy()).as("the second request landed on instance 2").isEqualTo(2);
            assertThat(me.status()).as("instance 2 never saw the session that instance 1 keeps in its memory")
                    .isEqualTo(401);
            assertThat(me.body()).contains("instance 2 does not know this session");
        }
    }

    @Test
    void aKilledInstanceIsSkippedAndARestartedOneHasForgottenItsSessions() throws IOException {
        try (AppCluster cluster = AppCluster.builder().instances(3).clock(clock).start()) {
            ShopClient client = cluster.newClient();
            cluster.kill(2);
            assertThat(cluster.isAlive(2)).isFalse();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), cluster.instanceUri(2).getPort()).close())
                    .as("a killed instance's port stops answering").isInstanceOf(IOException.class);
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/").status()).isEqualTo(200);
            }
            assertThat(cluster.servedBy()).containsExactly(1, 3, 1, 3);
            assertThat(cluster.routed().get(1).note()).isEqualTo("instance 2 is down, skipped");

            cluster.restart(2);
            cluster.clearRouted();
            ShopClient.Answer login = client.login("ada", "lovelace");   // lands on instance 1 (next in turn)
            assertThat(login.servedBy()).isEqualTo(1);
            assertThat(client.get("/").servedBy()).as("the restarted instance is back in the rotation").isEqualTo(2);
            int port = cluster.instanceUri(1).getPort();
            cluster.kill(1);
            cluster.restart(1);
            assertThat(cluster.instanceUri(1).getPort()).as("restart keeps the port").isEqualTo(port);
            assertThat(cluster.store(1)).isInstanceOf(InMemorySessionStore.class);
            assertThat(((InMemorySessionStore) cluster.store(1)).size()).as("a restarted process has empty memory").isZero();
        }
    }

    @Test
    void stickySessionsWorkUntilTheInstanceDies() {
        try (AppCluster cluster = AppCluster.builder().routing(Routing.STICKY).clock(clock).start()) {
            ShopClient ada = cluster.newClient();
            assertThat(ada.login("ada", "lovelace").servedBy()).isEqualTo(1);
            assertThat(ada.cookie("LB_INSTANCE")).as("the balancer's affinity cookie").contains("instance-1");
            assertThat(ada.post("/cart", "item=tea").status()).isEqualTo(200);
            assertThat(ada.get("/me").body()).isEqualTo("ada\n");
            assertThat(cluster.servedBy()).containsExactly(1, 1, 1);

            ShopClient bob = cluster.newClient();
            assertThat(bob.get("/").servedBy()).as("a new user still goes round-robin").isEqualTo(2);

            cluster.kill(1);
            ShopClient.Answer after = ada.get("/me");
            assertThat(after.servedBy()).as("rerouted to the next live instance").isEqualTo(3);
            assertThat(after.status()).as("the session lived in instance 1's memory, which is gone").isEqualTo(401);
            assertThat(ada.cookie("LB_INSTANCE")).contains("instance-3");
            assertThat(cluster.routed().get(cluster.routed().size() - 1).note())
                    .contains("instance 1 (from the LB_INSTANCE cookie) is down");
        }
    }

    @Test
    void strictStickinessAnswers503WhenTheUsersInstanceIsDown() {
        try (AppCluster cluster = AppCluster.builder().routing(Routing.STICKY_STRICT).clock(clock).start()) {
            ShopClient ada = cluster.newClient();
            ada.login("ada", "lovelace");
            cluster.kill(1);
            ShopClient.Answer answer = ada.get("/me");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.servedBy()).isZero();
            assertThat(answer.body()).contains("your instance (1) is down");
        }
    }

    @Test
    void aSharedStoreServesTheSessionFromEveryInstanceAndLogsOutEverywhere() {
        InMemorySessionStore shared = new InMemorySessionStore(clock);
        try (AppCluster cluster = AppCluster.builder().sharedSessions(shared).clock(clock).start()) {
            ShopClient laptop = cluster.newClient();
            ShopClient phone = cluster.newClient();
            laptop.login("ada", "lovelace");
            phone.login("ada", "lovelace");
            assertThat(laptop.post("/cart", "item=tea").status()).isEqualTo(200);
            ShopClient.Answer cart = laptop.get("/cart");
            assertThat(cart.status()).isEqualTo(200);
            assertThat(cart.body()).isEqualTo("tea\n");
            assertThat(cluster.servedBy()).containsExactly(1, 2, 3, 1);

            String before = laptop.cookie(SessionSite.COOKIE).orElseThrow();
            assertThat(laptop.login("ada", "lovelace").status()).isEqualTo(200);
            String after = laptop.cookie(SessionSite.COOKIE).orElseThrow();
            assertThat(after).as("a login rotates the session ID").isNotEqualTo(before);
            assertThat(shared.find(before)).as("the old ID is dead").isEmpty();
            assertThat(laptop.get("/cart").body()).as("rotation keeps the cart").isEqualTo("tea\n");

            ShopClient.Answer everywhere = phone.post("/logout-everywhere", "");
            assertThat(everywhere.body()).contains("2 sessions of ada ended");
            assertThat(laptop.get("/me").status()).isEqualTo(401);
            assertThat(phone.cookie(SessionSite.COOKIE)).as("the logout deleted the cookie").isEmpty();
        }
    }

    @Test
    void aStoreThatFailsMeans503WithAReasonNeverLoggedIn() {
        SessionStore broken = new SessionStore() {
            private RuntimeException down() {
                return new IllegalStateException("connection refused");
            }

            @Override public String create(String user) { throw down(); }
            @Override public Optional<StoredSession> find(String id) { throw down(); }
            @Override public boolean put(String id, String n, String v) { throw down(); }
            @Override public Optional<String> rotate(String id) { throw down(); }
            @Override public boolean delete(String id) { throw down(); }
            @Override public int deleteAllFor(String user) { throw down(); }
        };
        try (AppCluster cluster = AppCluster.builder().sharedSessions(broken).tokens(t -> {
            throw new IllegalStateException("deny list unreachable");
        }).clock(clock).start()) {
            ShopClient ada = cluster.newClient();
            ada.setCookie(SessionSite.COOKIE, "AAAAAAAAAAAAAAAAAAAAAA");
            for (ShopClient.Answer a : List.of(ada.login("ada", "lovelace"), ada.get("/me"),
                    ada.post("/cart", "item=tea"), ada.getWithToken("/api/me", "x.y.z"))) {
                assertThat(a.status()).as("fail closed: %s", a).isEqualTo(503);
                assertThat(a.body()).contains("fails closed").doesNotContain("ada\n").doesNotContain("Logged in");
                assertThat(a.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(ada.cookie(SessionSite.COOKIE)).contains("AAAAAAAAAAAAAAAAAAAAAA");
        }
    }

    @Test
    void aTokenCheckDecidesTheBearerPage() {
        try (AppCluster cluster = AppCluster.builder().tokens(t -> t.equals("good") ? Optional.of("grace") : Optional.empty())
                .clock(clock).start()) {
            ShopClient client = cluster.newClient();
            assertThat(client.getWithToken("/api/me", "good").body()).isEqualTo("grace\n");
            assertThat(client.getWithToken("/api/me", "revoked").status()).isEqualTo(401);
            assertThat(client.get("/api/me").status()).isEqualTo(401);
        }
    }

    @Test
    void whenEveryInstanceIsDownTheBalancerSaysSo() {
        try (AppCluster cluster = AppCluster.builder().instances(2).clock(clock).start()) {
            cluster.kill(1);
            cluster.kill(2);
            ShopClient.Answer a = cluster.newClient().get("/");
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.body()).contains("no app instance is alive");
            assertThat(cluster.lastServedBy()).isZero();
        }
    }

    @Test
    void foreignHostsAndLargeBodiesAreRefused() throws IOException {
        try (AppCluster cluster = AppCluster.builder().instances(1).clock(clock).start()) {
            for (int port : new int[] {cluster.baseUri().getPort(), cluster.instanceUri(1).getPort()}) {
                assertThat(raw(port, "GET /me HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"))
                        .as("DNS rebinding: a page's own host name in Host").startsWith("HTTP/1.1 403");
                assertThat(raw(port, "GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n"))
                        .startsWith("HTTP/1.1 200");
            }
            ShopClient client = cluster.newClient();
            assertThat(client.post("/cart", "item=" + "x".repeat(20_000)).status()).isEqualTo(413);
        }
    }

    @Test
    void concurrentRequestsAreSpreadEvenly() throws Exception {
        try (AppCluster cluster = AppCluster.builder().clock(clock).start()) {
            java.util.concurrent.ExecutorService users = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<ShopClient.Answer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    answers.add(users.submit(() -> cluster.newClient().get("/")));
                }
                for (var a : answers) {
                    assertThat(a.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
                }
            } finally {
                users.shutdownNow();
            }
            assertThat(cluster.servedBy()).hasSize(30);
            for (int n = 1; n <= 3; n++) {
                int instance = n;
                assertThat(cluster.servedBy().stream().filter(i -> i == instance).count())
                        .as("round-robin gives each instance its turn, also under concurrency").isEqualTo(10);
            }
        }
    }

    @Test
    void instancesAreNumberedFromOne() {
        try (AppCluster cluster = AppCluster.builder().instances(2).clock(clock).start()) {
            assertThatThrownBy(() -> cluster.kill(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 2");
            assertThat(cluster.toString()).contains("instances 1, 2");
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder statusLine = new StringBuilder();   // the status line only: no wait for the close
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            return statusLine.toString();
        }
    }
}
