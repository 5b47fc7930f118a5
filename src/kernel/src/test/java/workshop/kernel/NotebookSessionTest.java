package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A notebook session evaluates cells like IJava")
class NotebookSessionTest {

    private static NotebookSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new NotebookSession(KernelSettings.from(Map.of(), 10_000), Path.of(""));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    @DisplayName("the last expression is the cell's value")
    void lastExpressionIsTheValue() throws Exception {
        CellResult result = session.run("int a = 20;\nint b = 22;\na + b");
        assertThat(result.hasValue()).isTrue();
        assertThat(result.value()).isEqualTo(42);
    }

    @Test
    @DisplayName("a cell ending in a statement or declaration has no value")
    void statementHasNoValue() throws Exception {
        assertThat(session.run("int unused = 1;").hasValue()).isFalse();
        assertThat(session.run("System.out.print(\"\");").hasValue()).isFalse();
    }

    @Test
    @DisplayName("variables, methods, classes and imports persist across cells")
    void statePersists() throws Exception {
        session.run("import java.time.Duration;\nint counter = 41;\nString twice(String s) { return s + s; }\n"
                + "record Point(int x, int y) {}");
        session.run("\n\nimport java.util.stream.Collectors;\ncounter++;");
        assertThat(session.run("counter").value()).isEqualTo(42);
        assertThat(session.run("twice(\"ab\")").value()).isEqualTo("abab");
        assertThat(session.run("new Point(1, 2).x() + Duration.ofSeconds(2).getSeconds()").value()).isEqualTo(3L);
    }

    @Test
    @DisplayName("IJava's default imports are there, java.time is not")
    void defaultImports() throws Exception {
        assertThat(session.run("new ArrayList<String>(List.of(\"x\")).size() + new BigDecimal(\"1\").intValue()").value())
                .isEqualTo(2);
        assertThatThrownBy(() -> session.run("LocalDate.now()")).isInstanceOf(CompilationException.class);
    }

    @Test
    @DisplayName("a cell that starts a long-lived thread (an HttpClient's selector) still ends")
    void aThreadStartedByACellDoesNotKeepItRunning() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 25; i++) {
                assertThat(session.run("var client = java.net.http.HttpClient.newHttpClient();\nclient != null").value())
                        .isEqualTo(true);
                assertThat(session.run("Thread keep = new Thread(() -> { try { Thread.sleep(600_000); }"
                        + " catch (InterruptedException e) { } });\nkeep.setDaemon(true);\nkeep.start();\nkeep.isAlive()")
                        .value()).isEqualTo(true);
            }
        });
    }

    @Test
    @DisplayName("a compile error names the problem and the cell line, and the rest of the cell does not run")
    void compileError() throws Exception {
        session.run("int ranAfterError = 0;");
        assertThatThrownBy(() -> session.run("int ok = 1;\nint bad = undefinedThing + 1;\nranAfterError = 1;"))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("cannot find symbol")
                .satisfies(e -> assertThat(((CellException) e).traceback())
                        .anyMatch(line -> line.startsWith("Cell line 2"))
                        .anyMatch(line -> line.contains("^")));
        assertThat(session.run("ranAfterError").value()).isEqualTo(0);
    }

    @Test
    @DisplayName("an exception becomes an EvalException with a short trace, and the rest of the cell does not run")
    void runtimeError() throws Exception {
        session.run("int after = 0;");
        assertThatThrownBy(() -> session.run("void boom() { throw new IllegalStateException(\"boom\"); }\nboom();\nafter = 1;"))
                .isInstanceOf(EvalException.class)
                .hasMessage("java.lang.IllegalStateException: boom")
                .satisfies(e -> assertThat(((CellException) e).traceback())
                        .noneMatch(line -> line.contains("workshop.kernel") || line.contains("jdk.jshell"))
                        .anyMatch(line -> line.contains("boom (snippet")));
        assertThat(session.run("after").value()).isEqualTo(0);
    }

    @Test
    @DisplayName("an unfinished cell is an IncompleteSourceException")
    void incomplete() {
        assertThatThrownBy(() -> session.run("void half() {\n  int x = 1;"))
                .isInstanceOf(IncompleteSourceException.class);
    }

    @Test
    @DisplayName("System.exit in a cell is refused with a clear error; the session lives on")
    void systemExitIsRefused() throws Exception {
        assertThatThrownBy(() -> session.run("System.exit(3);"))
                .isInstanceOf(EvalException.class)
                .hasMessageContaining("System.exit(3) was not run");
        assertThat(session.run("\"System.exit(0) in a string stays\"").value())
                .isEqualTo("System.exit(0) in a string stays");
        assertThat(session.run("1 + 1").value()).isEqualTo(2);
    }

    @Test
    @DisplayName("a stopped cell ends with an interrupt and the session keeps working")
    void stopEndsARunawayLoop() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
        assertThatThrownBy(() -> session.run("long spins = 0;\nwhile (true) { spins++; }\nint never = 1;"))
                .isInstanceOf(CellInterruptedException.class);
        session.clearStop();
        assertThat(session.run("2 + 2").value()).isEqualTo(4);
    }

    @Test
    @DisplayName("an unknown magic is a clear error")
    void unknownMagic() {
        assertThatThrownBy(() -> session.run("%nosuchmagic x"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("Unknown line magic %nosuchmagic");
    }
}
