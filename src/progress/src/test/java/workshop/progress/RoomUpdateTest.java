package workshop.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.katasupport.HintLog;
import workshop.katasupport.ResultLine;
import workshop.katasupport.ResultLine.Status;
import workshop.room.RoomSettings;
import workshop.room.StepResult;

/** The learner's side of the room in the progress module: nothing without opt-in, exactly the schema with it. */
class RoomUpdateTest {

    @TempDir
    Path root;

    private HttpServer stub;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> codes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/api/results", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            codes.add(ex.getRequestHeaders().getFirst("X-Room-Code"));
            byte[] answer = "{\"accepted\":1,\"version\":1}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        stub.start();
        kata();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    @DisplayName("not opted in: nothing is sent and nothing is printed")
    void noOptIn() {
        assertThat(RoomUpdate.send(root, props())).isEmpty();
        assertThat(bodies).isEmpty();
    }

    @Test
    @DisplayName("opted in with .kata/room.properties: one post, every step with exactly kata, step, status, hints, at")
    void sendsExactlyTheSchema() {
        RoomSettings.of(url(), "abcd2345", "ana").save(root);
        new HintLog(root).record("C2", 1);
        new HintLog(root).record("C2", 2);

        assertThat(RoomUpdate.send(root, props())).contains("Room: sent 5 step results to " + url() + " as ana");

        assertThat(bodies).hasSize(1);
        assertThat(codes).containsExactly("ABCD2345");
        String body = bodies.get(0);
        assertThat(keys(body)).as(body).containsOnly("name", "steps", "kata", "step", "status", "hints", "at");
        assertThat(body).startsWith("{\"name\":\"ana\",\"steps\":[")
                .contains("{\"kata\":\"01-cookies\",\"step\":\"C1\",\"status\":\"passed\",\"hints\":0,\"at\":\"",
                        "\"step\":\"C2\",\"status\":\"failed\",\"hints\":2,",
                        "\"step\":\"C3\",\"status\":\"skipped\",\"hints\":0,",
                        "\"step\":\"C4\",\"status\":\"not-run\",",
                        "\"step\":\"C5\",\"status\":\"failed\",")
                .as("never a failure message, a path or a machine name")
                .doesNotContain("expected", "not implemented", root.toString(), "src/test", "Cookie")
                .doesNotContain(localHostName());
    }

    @Test
    @DisplayName("-D options on the command line opt in for one run; mvn test prints the room's line above the table")
    void lineAboveTheTable() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Map<String, String> props = Map.of("room", url(), "room.code", "ABCD2345", "room.name", "bo", "progress.noExit", "true");
        props.forEach(System::setProperty);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Throwable thrown = catchThrowable(() -> ProgressReport.main(new String[] {root.toString(), "learner", "", ""}));
            assertThat(thrown).as("C2 is red: the build still fails as before").isNotNull();
        } finally {
            System.setOut(original);
            props.keySet().forEach(System::clearProperty);
        }
        String out = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(out).startsWith("Room: sent 5 step results to " + url() + " as bo");
        assertThat(out.indexOf("Kata progress")).isGreaterThan(out.indexOf("Room: sent"));
        assertThat(bodies).hasSize(1);
    }

    @Test
    @DisplayName("nothing answers: one line saying so within a few seconds; the learner's work is not affected")
    void unreachable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long start = System.nanoTime();
        assertThat(RoomUpdate.send(root, props("room", "http://127.0.0.1:" + port, "room.code", "C", "room.name", "ana")))
                .hasValueSatisfying(line -> assertThat(line).startsWith("Room: could not reach http://127.0.0.1:" + port)
                        .endsWith("your work is not affected"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(RoomUpdate.send(root, props("room", url(), "room.name", "ana")))
                .hasValueSatisfying(line -> assertThat(line).contains("-Droom.code", "nothing sent"));
        assertThat(bodies).isEmpty();
    }

    @Test
    @DisplayName("a step is as good as its worst test: failed before skipped before passed; unrun steps are not-run")
    void statuses() {
        List<StepResult> steps = RoomUpdate.collect(root, java.time.Clock.systemUTC());
        assertThat(steps).extracting(StepResult::step).containsExactly("C1", "C2", "C3", "C4", "C5");
        assertThat(steps).extracting(StepResult::status).containsExactly("passed", "failed", "skipped", "not-run", "failed");
        assertThat(steps).extracting(StepResult::kata).containsOnly("01-cookies");
    }

    /** A kata with steps C1–C5 in its tests; results: C1 green, C2 red, C3 could not run, C5 one green one red. */
    private void kata() throws IOException {
        Path module = root.resolve("katas/01-cookies");
        Path tests = Files.createDirectories(module.resolve("src/test/java/k"));
        StringBuilder spec = new StringBuilder("class CookieTest {\n");
        for (String s : List.of("C1", "C2", "C3", "C4", "C5")) {
            spec.append("  @DisplayName(\"").append(s).append(" · step\") void m").append(s).append("() {}\n");
        }
        Files.writeString(tests.resolve("CookieTest.java"), spec + "}\n");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.createDirectories(module.resolve("target/kata-results"));
        List<String> lines = new ArrayList<>(List.of("# step-filter="));
        lines.add(line(Status.PASSED, "C1", "m1", ""));
        lines.add(line(Status.FAILED, "C2", "m2", "expected 3 cookies but was 2 (not implemented)"));
        lines.add(line(Status.ABORTED, "C3", "m3", "skipped: no browser"));
        lines.add(line(Status.PASSED, "C5", "m5a", ""));
        lines.add(line(Status.FAILED, "C5", "m5b", "expected Cookie header"));
        Files.write(module.resolve("target/kata-results/results.tsv"), lines, StandardCharsets.UTF_8);
    }

    private static String line(Status status, String step, String method, String message) {
        return new ResultLine(status, step, "[engine:junit-jupiter]/[method:" + method + "]", "T#" + method,
                step + " · step", message).format();
    }

    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"([A-Za-z]+)\":").matcher(json);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "no-host-name";
        }
    }
}
