package workshop.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
import workshop.scale.SessionProbe.Hop;
import workshop.simulator.cluster.AppCluster;
import workshop.simulator.cluster.Routing;
import workshop.simulator.cluster.ShopClient;

@Order(1)
@DisplayName("X1 · in-memory sessions behind a load balancer")
class X1BalancerTest {

    /** The last n entries of the balancer's log; it records a request just after relaying the answer, so wait for it. */
    private static List<Integer> lastServed(AppCluster cluster, int total, int n) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<Integer> served = cluster.servedBy();
        while (served.size() < total && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            served = cluster.servedBy();
        }
        return served.subList(Math.max(0, served.size() - n), served.size());
    }

    @Test
    @Order(1)
    @DisplayName("X1 · round robin, sessions in memory: the next request lands on another instance and the user is logged out")
    void roundRobinLosesTheUser() {
        try (AppCluster cluster = AppCluster.builder().instances(3).routing(Routing.ROUND_ROBIN).start()) {
            ShopClient ada = cluster.newClient();
            ShopClient.Answer login = ada.login("ada", "lovelace");
            assertThat(login.status()).as("the demo login works").isEqualTo(200);
            int loginInstance = login.servedBy();

            List<Hop> hops = SessionProbe.follow(ada, 3);

            assertThat(hops).extracting(Hop::instance)
                    .as("SessionProbe.follow must record, per GET /me, the instance that served it (ShopClient.Answer.servedBy),"
                            + " in order: the balancer's own log says %s", cluster.routed())
                    .containsExactlyElementsOf(lastServed(cluster, 4, 3));
            Optional<Hop> loss = SessionProbe.firstLoss(hops);
            assertThat(loss).as("with round robin the first GET /me goes to the next instance, which has never seen the"
                    + " session created in instance %d's memory: firstLoss must find that 401 (hops: %s)", loginInstance, hops)
                    .isPresent();
            assertThat(loss.get().instance()).as("the user is lost on an instance other than the one they logged in on")
                    .isNotEqualTo(loginInstance);
            assertThat(loss.get().status()).as("an unknown session is a 401, not a 500").isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    @DisplayName("X1 · sticky sessions keep the user on the instance that holds their session")
    void stickyKeepsTheUser() {
        try (AppCluster cluster = AppCluster.builder().instances(3).routing(Routing.STICKY).start()) {
            ShopClient ada = cluster.newClient();
            int home = ada.login("ada", "lovelace").servedBy();

            List<Hop> hops = SessionProbe.follow(ada, 6);

            assertThat(hops).as("STICKY routing: the balancer's LB_INSTANCE cookie sends every request to instance %d",
                    home).hasSize(6).allSatisfy(hop -> assertThat(hop.instance()).isEqualTo(home));
            assertThat(SessionProbe.firstLoss(hops)).as("the instance holding the session answers every request: no"
                    + " loss (hops: %s)", hops).isEmpty();
        }
    }

    @Test
    @Order(3)
    @DisplayName("X1 · sticky sessions lose the user when their instance dies")
    void stickyLosesTheUserWhenTheInstanceDies() {
        try (AppCluster cluster = AppCluster.builder().instances(3).routing(Routing.STICKY).start()) {
            ShopClient ada = cluster.newClient();
            int home = ada.login("ada", "lovelace").servedBy();
            assertThat(SessionProbe.firstLoss(SessionProbe.follow(ada, 2))).as("alive instance: no loss").isEmpty();

            cluster.kill(home);
            List<Hop> hops = SessionProbe.follow(ada, 2);

            assertThat(SessionProbe.firstLoss(hops)).as("instance %d died with the only copy of the session: the balancer"
                    + " sends the user elsewhere, where nobody knows them. Affinity is not availability (hops: %s)", home, hops)
                    .get().satisfies(hop -> assertThat(hop.instance()).isNotEqualTo(home));
        }
    }

    @Test
    @Order(4)
    @DisplayName("X1 · a probe of zero requests is refused")
    void zeroRequests() {
        try (AppCluster cluster = AppCluster.start()) {
            ExpectThrow.expect(IllegalArgumentException.class, "SessionProbe.follow(client, 0)",
                    () -> SessionProbe.follow(cluster.newClient(), 0),
                    "a probe with no request measures nothing; say so instead of returning an empty list that looks like"
                            + " 'no loss'");
        }
    }
}
