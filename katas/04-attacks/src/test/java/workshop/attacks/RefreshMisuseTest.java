package workshop.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;
import workshop.simulator.SimulatorExtension;
import workshop.simulator.legacy.LegacyJwtServer;

@Order(10)
@DisplayName("A10 · refresh token misuse: another client's token, a replayed token")
class RefreshMisuseTest {

    static final MutableClock clock = MutableClock.atWorkshopStart();
    static final String CLIENT = LegacyJwtServer.CLIENT;
    static final String OTHER = LegacyJwtServer.OTHER_CLIENT;

    @RegisterExtension
    static final SimulatorExtension legacy = SimulatorExtension.of(LegacyJwtServer::start, clock);

    /** alice logs in with her own app; the legacy server's answer. */
    static Map<String, Object> aliceLogsIn() {
        Http.Answer answer = Http.postForm(legacy.uri("/a10/login"),
                Map.of("username", LegacyJwtServer.USER, "password", LegacyJwtServer.PASSWORD, "client_id", CLIENT));
        assertThat(answer.status()).as("login\n" + legacy.transcript()).isEqualTo(200);
        return Lab.json(answer.body());
    }

    static RefreshRefused refused(RefreshTokens store, String token, String client, String why) {
        return ExpectThrow.expect(RefreshRefused.class, "store.redeem(token, \"" + client + "\")",
                () -> store.redeem(token, client), why);
    }

    @Test
    @Order(1)
    @DisplayName("A10 · exploit: another client redeems alice's refresh token and gets an access token for alice")
    void anotherClient() {
        String stolen = (String) aliceLogsIn().get("refresh_token");
        Map<String, Object> answer = RefreshAbuse.redeem(legacy.uri("/a10/refresh"), stolen, OTHER);
        String access = (String) answer.get("access_token");
        assertThat(Jwt.payload(access)).as("the partner app now holds an access token for alice: the legacy /a10/refresh"
                + " never checks which client the refresh token was issued to%s", Lab.show(access))
                .containsEntry("sub", LegacyJwtServer.USER).containsEntry("client_id", OTHER);
    }

    @Test
    @Order(2)
    @DisplayName("A10 · exploit: a refresh token used once still works the second time (replay)")
    void replay() {
        String first = (String) aliceLogsIn().get("refresh_token");
        Map<String, Object> legit = RefreshAbuse.redeem(legacy.uri("/a10/refresh"), first, CLIENT);
        assertThat(legit).as("alice's app refreshes").containsKey("refresh_token");
        Map<String, Object> replayed = RefreshAbuse.redeem(legacy.uri("/a10/refresh"), first, CLIENT);
        assertThat(replayed.get("access_token")).as("a copy of the OLD token, stolen from a log or a backup, still gets"
                + " fresh tokens: the legacy server neither rotates nor notices reuse").isNotNull();
    }

    @Test
    @Order(3)
    @DisplayName("A10 · the exploit refuses an endpoint that is not on loopback (NotLoopback)")
    void loopbackOnly() {
        ExpectThrow.expect(NotLoopback.class, "RefreshAbuse.redeem(URI.create(\"https://auth.example/refresh\"), …)",
                () -> RefreshAbuse.redeem(URI.create("https://auth.example/refresh"), "token", OTHER),
                "kit policy: attack code targets only this machine — use Http.postForm, which calls Loopback.require");
    }

    @Test
    @Order(4)
    @DisplayName("A10 · defence: your RefreshTokens binds each token to its client — another client gets WRONG_CLIENT, alice's app a new token")
    void binding() {
        RefreshTokens store = new RefreshTokens();
        String token = store.issue("alice", CLIENT);
        assertThat(token).as("opaque and random: 256 bits in base64url are 43 characters").hasSizeGreaterThanOrEqualTo(43)
                .isNotEqualTo(store.issue("alice", CLIENT));
        RefreshRefused wrong = refused(store, token, OTHER, "RFC 6749 6: the server MUST verify that the refresh token was"
                + " issued to the client that presents it");
        assertThat(wrong.reason()).as("the reason").isEqualTo(RefreshRefused.Reason.WRONG_CLIENT);
        RefreshTokens.Grant grant = store.redeem(token, CLIENT);
        assertThat(grant.user()).as("the legitimate flow still works").isEqualTo("alice");
        assertThat(grant.clientId()).isEqualTo(CLIENT);
        assertThat(grant.refreshToken()).as("rotation: every refresh returns a NEW refresh token (RFC 9700 4.14.2)")
                .isNotEqualTo(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(refused(store, "never-issued", CLIENT, "an unknown token is refused").reason())
                .isEqualTo(RefreshRefused.Reason.UNKNOWN);
    }

    @Test
    @Order(5)
    @DisplayName("A10 · defence: a replayed token is REUSED and revokes its whole family; another login is not affected")
    void reuseDetection() {
        RefreshTokens store = new RefreshTokens();
        String first = store.issue("alice", CLIENT);
        String other = store.issue("alice", CLIENT);
        String second = store.redeem(first, CLIENT).refreshToken();
        assertThat(refused(store, first, CLIENT, "RFC 9700 4.14.2: a used refresh token presented again means it was"
                + " copied; the server cannot tell thief from owner").reason()).isEqualTo(RefreshRefused.Reason.REUSED);
        assertThat(refused(store, second, CLIENT, "so it revokes the whole family — including the newest token, which"
                + " the thief may hold (RFC 9700 4.14.2, refresh token rotation)").reason()).isEqualTo(RefreshRefused.Reason.REVOKED);
        assertThat(store.redeem(other, CLIENT).user()).as("another login (another family) keeps working").isEqualTo("alice");
    }
}
