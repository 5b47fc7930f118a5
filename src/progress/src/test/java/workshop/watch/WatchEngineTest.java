package workshop.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.katasupport.Hints;
import workshop.katasupport.ResultLine;
import workshop.room.RoomSettings;

/**
 * The watch engine on a copy of kata 01 in a temporary kit: no terminal, keys sent as lines, the screen
 * captured, a fixed clock, and this JVM's class path as the kata's libraries. Every wait is bounded and
 * waits for an event, never for a fixed time.
 */
class WatchEngineTest {

    private static final Path KIT = Path.of(System.getProperty("basedir", ".")).resolve("../..").toAbsolutePath().normalize();
    private static final String PARSER = "src/main/java/workshop/cookies/SetCookieParser.java";
    private static final String SHOWN_PARSER = "katas/01-cookies/" + PARSER;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path root;

    private Path kata;
    private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
    private final List<EngineEvent> seen = new ArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private WatchEngine engine;

    @BeforeEach
    void copyKata01() throws IOException {
        kata = root.resolve("katas/01-cookies");
        for (String name : List.of("README.md", "pom.xml", "src")) {
            copy(KIT.resolve("katas/01-cookies").resolve(name), kata.resolve(name));
        }
    }

    @AfterEach
    void stopEngine() throws InterruptedException {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aSaveOfTheSolutionTurnsTheRedStepGreenWithoutARestart() throws Exception {
        start(Duration.ofSeconds(30));

        EngineEvent.Verdict red = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(red.green()).isFalse();
        assertThat(red.screen()).contains("01-cookies · step C1 (1 of 19)", "09:30:00",
                "✘ C1 · the name and value come before the first ';'", "C1 · parse a Set-Cookie header",
                "[···················] 0/19 steps green", "Hints for C1: 0 of", WatchEngine.KEYS);
        await(EngineEvent.KataChecked.class, c -> c.kata().equals("01-cookies"));
        List<ResultLine> recorded = results();
        assertThat(Files.readAllLines(kata.resolve("target/kata-results/results.tsv")).get(0))
                .as("the header the kit's ResultRecorder writes for a run of every step").isEqualTo("# step-filter=");
        assertThat(recorded).filteredOn(r -> r.step().equals("C1")).hasSize(5)
                .allMatch(r -> r.status() == ResultLine.Status.FAILED);
        assertThat(recorded).extracting(ResultLine::step).contains("C2", "C19");

        // C1 needs the solution's parser and the ASCII helper it uses.
        for (String file : List.of(PARSER, "src/main/java/workshop/cookies/Ascii.java")) {
            Files.copy(KIT.resolve("solutions/01-cookies").resolve(file), kata.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }

        EngineEvent.Verdict green = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(green.green()).isTrue();
        assertThat(green.screen()).contains("✔ C1 is green: 5 tests passed", "[#··················] 1/19 steps green");
        EngineEvent.MovedOn moved = await(EngineEvent.MovedOn.class, m -> true);
        assertThat(moved.from() + "→" + moved.to()).isEqualTo("C1→C2");
        EngineEvent.Verdict next = await(EngineEvent.Verdict.class, v -> v.step().equals("C2"));
        assertThat(next.screen()).contains("✔ C1 is green: on to C2, the next red step.", "✘ C2 · ");
        assertThat(results()).filteredOn(r -> r.step().equals("C1")).hasSize(5)
                .allMatch(r -> r.status() == ResultLine.Status.PASSED);
    }

    @Test
    void withTheLearnersOptInEachRunOfTheWholeKataSendsItsStepResultsToTheRoom() throws Exception {
        BlockingQueue<String> posts = new LinkedBlockingQueue<>();
        HttpServer room = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        room.createContext("/api/results", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        room.start();
        try {
            RoomSettings.of("http://127.0.0.1:" + room.getAddress().getPort(), "ABCD2345", "ana").save(root);
            start(Duration.ofSeconds(30));
            await(EngineEvent.KataChecked.class, c -> c.kata().equals("01-cookies"));
            String post = posts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(post).as("a post after the kata's run").isNotNull();
            assertThat(post).startsWith("{\"name\":\"ana\",\"steps\":[")
                    .contains("{\"kata\":\"01-cookies\",\"step\":\"C1\",\"status\":\"failed\",\"hints\":0,")
                    .contains("\"step\":\"C19\"");
        } finally {
            room.stop(0);
        }
    }

    @Test
    void aKataThatDoesNotCompileShowsOnlyTheCompilersMessages() throws Exception {
        Path parser = kata.resolve(PARSER);
        String starter = Files.readString(parser);
        String broken = starter.replace("\"C1 · parse a Set-Cookie header — see notebooks/01-cookies.ipynb, C1\");",
                "\"C1 · parse a Set-Cookie header — see notebooks/01-cookies.ipynb, C1\")");
        assertThat(broken).as("the starter line this test breaks").isNotEqualTo(starter);
        Files.writeString(parser, broken);
        int line = lineOf(broken, "throw new UnsupportedOperationException");
        start(Duration.ofSeconds(30));

        EngineEvent.CompileFailed failed = await(EngineEvent.CompileFailed.class, f -> true);
        List<String> lines = failed.compilerOutput().lines().toList();
        assertThat(lines.get(0)).isEqualTo(SHOWN_PARSER + ":" + line + ": error: ';' expected");
        assertThat(lines.get(1)).contains("throw new UnsupportedOperationException(");
        assertThat(lines.get(2)).matches(" *\\^");
        assertThat(lines).hasSize(4).last().isEqualTo("1 error");
        assertThat(failed.screen()).as("the compiler's messages, then the keys: nothing else")
                .isEqualTo(failed.compilerOutput() + "\n\n" + WatchEngine.KEYS + "\n");
        assertThat(Files.exists(kata.resolve("target/kata-results/results.tsv"))).as("no results for code that does not compile").isFalse();

        Files.writeString(parser, starter);
        EngineEvent.Verdict verdict = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(verdict.green()).isFalse();
        assertThat(verdict.screen()).contains("✘ C1 · the name and value come before the first ';'");
    }

    @Test
    void theKeysRevealHintsMoveOnJumpShowTheTableAndQuit() throws Exception {
        start(Duration.ofSeconds(30));
        await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        await(EngineEvent.Idle.class, i -> true);
        Hints hints = Hints.load(kata);

        engine.command("h");
        EngineEvent.HintShown first = await(EngineEvent.HintShown.class, h -> true);
        assertThat(first.level()).isEqualTo(1);
        assertThat(first.name()).isEqualTo("Nudge");
        assertThat(first.text()).isEqualTo(hints.level("C1", 1).orElseThrow().text());
        engine.command("h");
        EngineEvent.HintShown second = await(EngineEvent.HintShown.class, h -> true);
        assertThat(second.level()).isEqualTo(2);
        assertThat(second.name()).as("the README's second level of C1").isEqualTo(hints.level("C1", 2).orElseThrow().name());
        assertThat(screen()).contains("Hint for C1, level 2 of " + hints.of("C1").size() + ": " + second.name());
        assertThat(Files.readAllLines(root.resolve(".kata/hints-opened.tsv"))).containsExactly("C1\t1", "C1\t2");

        engine.command("n");
        EngineEvent.Verdict c2 = await(EngineEvent.Verdict.class, v -> true);
        assertThat(c2.step()).isEqualTo("C2");
        assertThat(c2.screen()).contains("Hints for C2: 0 of");

        engine.command("c5");
        assertThat(await(EngineEvent.Verdict.class, v -> true).step()).isEqualTo("C5");

        engine.command("xyz");
        assertThat(await(EngineEvent.Note.class, n -> true).line()).startsWith("Keys: h hint · n next step");

        engine.command("a");
        EngineEvent.TableShown table = await(EngineEvent.TableShown.class, t -> true);
        assertThat(table.allGreen()).isFalse();
        assertThat(screen()).contains("Kata progress", "01-cookies       0/80");

        engine.command("q");
        await(EngineEvent.Stopped.class, s -> true);
        assertThat(screen()).endsWith("Watch mode stopped.\n");
    }

    @Test
    void anExceptionInTheLearnersCodeIsOneClearFailureWithItsLine() throws Exception {
        start(Duration.ofSeconds(30));
        await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        Path parser = kata.resolve(PARSER);
        String code = Files.readString(parser).replace(
                "throw new UnsupportedOperationException(\"C1 · parse a Set-Cookie header — see notebooks/01-cookies.ipynb, C1\");",
                "System.out.println(\"parsing \" + header);\n"
                        + "        String name = header.isEmpty() ? \"\" : null;\n"
                        + "        return Optional.of(new SetCookie(name.strip(), \"\", java.util.List.of()));");
        Files.writeString(parser, code);

        EngineEvent.Verdict verdict = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(verdict.green()).isFalse();
        assertThat(verdict.screen()).contains("NullPointerException", "at " + SHOWN_PARSER + ":" + lineOf(code, "name.strip()")
                + " (SetCookieParser.parse)").doesNotContain("\tat ", "at java.", "at org.junit");
        assertThat(verdict.screen()).as("what the code printed while the step ran")
                .contains("Printed while C1 ran", "   | parsing theme=dark; Path=/");
    }

    @Test
    void aTestThatHangsIsNamedAndTheNextSaveRunsAgain() throws Exception {
        start(Duration.ofSeconds(5));
        await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        Path parser = kata.resolve(PARSER);
        String starter = Files.readString(parser);
        // A wait that never ends (interruptible, so the given-up thread does not keep a processor busy).
        Files.writeString(parser, starter.replace(
                "throw new UnsupportedOperationException(\"C1 · parse a Set-Cookie header — see notebooks/01-cookies.ipynb, C1\");",
                "try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { }\n"
                        + "        return Optional.empty();"));

        EngineEvent.Verdict hung = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(hung.green()).isFalse();
        assertThat(hung.screen()).contains("✘ C1 · the name and value come before the first ';'", "did not finish within 5 s",
                "An endless loop, or a wait for something that never comes?");

        Files.writeString(parser, starter);
        EngineEvent.Verdict again = await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        assertThat(again.screen()).contains("C1 · parse a Set-Cookie header").doesNotContain("did not finish");
    }

    @Test
    void aDeletedFileIsNamedAboveTheCompilersMessages() throws Exception {
        start(Duration.ofSeconds(30));
        await(EngineEvent.Verdict.class, v -> v.step().equals("C1"));
        Files.delete(kata.resolve(PARSER));

        EngineEvent.CompileFailed failed = await(EngineEvent.CompileFailed.class, f -> true);
        assertThat(failed.screen()).startsWith("Deleted: " + SHOWN_PARSER + "\n");
        assertThat(failed.compilerOutput()).contains("error: cannot find symbol", "SetCookieParser");
    }

    // ───────────────────────────────────────────── helpers

    private void start(Duration timeout) {
        engine = WatchEngine.builder(root)
                .out(new PrintStream(screen, true, StandardCharsets.UTF_8))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .dependencies(Dependencies.ofThisJvm())
                .pollInterval(Duration.ofMillis(50))
                .testTimeout(timeout)
                .listener(events::add)
                .build();
        engine.start();
    }

    /** The next event of {@code type} that matches (earlier ones are passed over), within a bounded wait. */
    private <T extends EngineEvent> T await(Class<T> type, Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            EngineEvent event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            seen.add(event);
            if (type.isInstance(event) && wanted.test(type.cast(event))) {
                return type.cast(event);
            }
        }
        return fail("No %s from the watch engine within %s. Events: %s%nScreen:%n%s", type.getSimpleName(), WAIT,
                seen.stream().map(e -> e.getClass().getSimpleName()).toList(), screen());
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private List<ResultLine> results() throws IOException {
        return ResultLine.parseAll(Files.readAllLines(kata.resolve("target/kata-results/results.tsv"), StandardCharsets.UTF_8));
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(part);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }
}
