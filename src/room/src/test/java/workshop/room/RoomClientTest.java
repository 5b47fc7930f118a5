package workshop.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.simulator.MutableClock;

/** The learner's side: the opt-in, the one-time join and leave, and the post (exactly the schema, short timeouts). */
class RoomClientTest {

    @TempDir
    Path kit;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    @DisplayName("no -Droom and no .kata/room.properties: not opted in")
    void noOptIn() {
        assertThat(RoomSettings.load(kit, props())).isEmpty();
        assertThat(RoomSettings.load(kit, props("room.code", "ABCD2345", "room.name", "ana")))
                .as("a code and a name without the room's address are no opt-in").isEmpty();
    }

    @Test
    @DisplayName("join writes .kata/room.properties, later runs read it, -D options win, leave deletes it")
    void joinAndLeave() {
        String joined = RoomJoin.join(kit, RoomSettings.of("http://10.0.0.5:7878/", "abcd-2345", "  Zoë  "));
        assertThat(joined).contains("joined http://10.0.0.5:7878 as Zoë", "mvn -Proom-leave");
        assertThat(RoomSettings.file(kit)).exists();
        assertThat(RoomSettings.load(kit, props())).contains(
                new RoomSettings(URI.create("http://10.0.0.5:7878"), "ABCD2345", "Zoë"));
        assertThat(RoomSettings.load(kit, props("room", "http://127.0.0.1:7878", "room.code", "X", "room.name", "bo")))
                .contains(new RoomSettings(URI.create("http://127.0.0.1:7878"), "X", "bo"));
        assertThat(RoomJoin.leave(kit)).startsWith("Room: left.");
        assertThat(RoomSettings.file(kit)).doesNotExist();
        assertThat(RoomSettings.load(kit, props())).isEmpty();
        assertThat(RoomJoin.leave(kit)).contains("had not joined");
    }

    @Test
    @DisplayName("an incomplete or wrong opt-in says which part is missing")
    void incomplete() {
        assertThatThrownBy(() -> RoomSettings.load(kit, props("room", "http://h:7878", "room.name", "ana")))
                .hasMessageContaining("-Droom.code");
        assertThatThrownBy(() -> RoomSettings.load(kit, props("room", "http://h:7878", "room.code", "C")))
                .hasMessageContaining("-Droom.name");
        assertThatThrownBy(() -> RoomSettings.of("file:///etc/passwd", "C", "n")).hasMessageContaining("http://HOST:7878");
    }

    @Test
    @DisplayName("the post carries the name and, per step, exactly kata, step, status, hints and at: nothing else")
    void schema() throws Exception {
        String body = RoomClient.json("ana \"the\" \\ coder\u0007", List.of(
                new StepResult("01-cookies", "C1", "passed", 2, Instant.parse("2026-05-04T09:30:12.345Z"))));
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(fields(json)).containsExactly("name", "steps");
        assertThat(json.get("name").asText()).isEqualTo("ana \"the\" \\ coder\u0007");
        assertThat(fields(json.get("steps").get(0))).containsExactlyElementsOf(StepResult.FIELDS);
        assertThat(json.get("steps").get(0).get("at").asText()).isEqualTo("2026-05-04T09:30:12Z");
        assertThat(json.get("steps").get(0).get("hints").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("sent: one line naming the count, the room and the name; the server's schema accepts it")
    void sendsToTheRoom() {
        MutableClock clock = new MutableClock(RoomFixture.start());
        try (RoomServer server = RoomFixture.start(clock, 10, Duration.ofMillis(100))) {
            RoomSettings me = RoomSettings.of("http://127.0.0.1:" + server.port(), RoomFixture.CODE, "ana");
            RoomClient.Sent sent = new RoomClient().send(me, List.of(
                    new StepResult("01-cookies", "C1", "passed", 0, Instant.now()),
                    new StepResult("01-cookies", "C2", "failed", 1, Instant.now())));
            assertThat(sent.ok()).isTrue();
            assertThat(sent.line()).isEqualTo("Room: sent 2 step results to http://127.0.0.1:" + server.port() + " as ana");
            assertThat(server.room().cell("ana", "C2")).contains(new Room.Cell("failed", 1));

            RoomClient.Sent wrong = new RoomClient().send(RoomSettings.of(me.url().toString(), "WRONG123", "ana"),
                    List.of(new StepResult("01-cookies", "C1", "passed", 0, Instant.now())));
            assertThat(wrong.ok()).isFalse();
            assertThat(wrong.line()).startsWith("Room: " + me.url() + " refused the results: Wrong room code")
                    .endsWith("; your work is not affected");
        }
    }

    @Test
    @DisplayName("no server there: one line saying so, quickly, and nothing thrown")
    void unreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long start = System.nanoTime();
        RoomClient.Sent sent = new RoomClient().send(RoomSettings.of("http://127.0.0.1:" + port, "C", "ana"),
                List.of(new StepResult("01-cookies", "C1", "passed", 0, Instant.now())));
        assertThat(sent.ok()).isFalse();
        assertThat(sent.line()).startsWith("Room: could not reach http://127.0.0.1:" + port + ": ")
                .endsWith("; your work is not affected");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RoomClient.TIMEOUT.multipliedBy(3));

        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            RoomClient.Sent slow = new RoomClient().send(RoomSettings.of("http://127.0.0.1:" + silent.getLocalPort(), "C", "a"),
                    List.of(new StepResult("01-cookies", "C1", "passed", 0, Instant.now())));
            assertThat(slow.line()).contains("no answer within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(RoomClient.TIMEOUT.multipliedBy(3));
        }
    }

    @Test
    @DisplayName("room codes: 8 characters from an alphabet without look-alikes; keys long and random")
    void secrets() {
        String code = RoomSecrets.newCode();
        assertThat(code).hasSize(8).matches("[" + RoomSecrets.ALPHABET + "]{8}");
        assertThat(RoomSecrets.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(RoomSecrets.newKey()).hasSize(43).isNotEqualTo(RoomSecrets.newKey());
        assertThat(RoomSecrets.normaliseCode(" abcd-2345 ")).isEqualTo("ABCD2345");
        assertThat(RoomSecrets.matches("ABCD2345", "ABCD2345")).isTrue();
        assertThat(RoomSecrets.matches("ABCD2345", "ABCD2344")).isFalse();
        assertThat(RoomSecrets.matches("ABCD2345", null)).isFalse();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

}
