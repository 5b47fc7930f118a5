package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kernel's guards against runaway cells")
class GuardsTest {

    @Test
    @DisplayName("System.exit and Runtime exit/halt are rewritten, strings and comments are not")
    void exitRewrite() {
        assertThat(ExitGuardRewriter.rewrite("if (x) System.exit(1);"))
                .isEqualTo("if (x) workshop.kernel.runtime.ExitGuard.exit(1);");
        assertThat(ExitGuardRewriter.rewrite("Runtime.getRuntime().halt(2);"))
                .isEqualTo("workshop.kernel.runtime.ExitGuard.exit(2);");
        assertThat(ExitGuardRewriter.rewrite("String s = \"System.exit(0)\"; // System.exit(0)"))
                .isEqualTo("String s = \"System.exit(0)\"; // System.exit(0)");
    }

    @Test
    @DisplayName("output past the budget is dropped with one note")
    void outputLimit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputLimit limit = new OutputLimit(100)) {
            PrintStream out = limit.wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 1000; i++) {
                out.println("line " + i);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("line 0").contains("[output truncated");
        assertThat(text.split("output truncated", -1)).hasSize(2);
        assertThat(text.length()).isLessThan(400);
    }

    @Test
    @DisplayName("a time limit stops a cell, and the next cell runs")
    void timeLimit() throws Exception {
        Thread[] cell = new Thread[1];
        CellThreads threads = new CellThreads(() -> cell[0].interrupt());
        assertThatThrownBy(() -> threads.run(() -> {
            cell[0] = Thread.currentThread();
            Thread.sleep(10_000);
            return CellResult.NONE;
        }, Optional.of(Duration.ofMillis(200))))
                .isInstanceOf(CellInterruptedException.class)
                .hasMessageContaining("time limit");
        assertThat(threads.run(() -> CellResult.of(1), Optional.empty()).value()).isEqualTo(1);
    }

    @Test
    @DisplayName("a cell that ignores being stopped gives the kernel back after a grace period, with a clear error")
    void ignoredStop() throws Exception {
        CellThreads threads = new CellThreads(() -> { });
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            threads.interrupt();
        });
        interrupter.start();
        long start = System.nanoTime();
        assertThatThrownBy(() -> threads.run(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        }, Optional.empty()))
                .isInstanceOf(CellInterruptedException.class)
                .hasMessageContaining("restart it");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CellThreads.GRACE.plusSeconds(5));
        assertThatThrownBy(() -> threads.run(() -> CellResult.NONE, Optional.empty()))
                .hasMessageContaining("Restart the kernel");
    }
}
