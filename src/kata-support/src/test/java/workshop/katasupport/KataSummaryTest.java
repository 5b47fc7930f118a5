package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KataSummaryTest {

    @TempDir
    Path target;

    @Test
    void oneLineWithTheScoreAndTheNextRedStepInTeachingOrder() throws IOException {
        results(new ResultLine(ResultLine.Status.PASSED, "C1", "u1", "T#a", "C1 · a", ""),
                new ResultLine(ResultLine.Status.FAILED, "C10", "u2", "T#b", "C10 · b", "x"),
                new ResultLine(ResultLine.Status.FAILED, "C3", "u3", "T#c", "C3 · c ▸ 1", "y"),
                new ResultLine(ResultLine.Status.PASSED, "C3", "u4", "T#c", "C3 · c ▸ 2", ""));
        assertThat(KataSummary.line(target, "katas/01-cookies"))
                .isEqualTo("✘ katas/01-cookies: 1 of 3 tests green · next red step C3 (the progress table at the end says why)");
    }

    @Test
    void greenAndNotRunAreSaidToo() throws IOException {
        assertThat(KataSummary.line(target, "k")).contains("no test ran", "compile error");
        results(new ResultLine(ResultLine.Status.PASSED, "C1", "u1", "T#a", "C1 · a", ""));
        assertThat(KataSummary.line(target, "k")).isEqualTo("✔ k: all 1 tests that ran are green");
        Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(target.resolve("surefire-reports/2026-jvmRun1.dump"), "crash");
        assertThat(KataSummary.line(target, "k")).contains("the test JVM stopped early");
    }

    private void results(ResultLine... lines) throws IOException {
        Path file = Files.createDirectories(target.resolve("kata-results")).resolve("results.tsv");
        List<String> text = new java.util.ArrayList<>(List.of(ResultLine.header("")));
        for (ResultLine line : lines) {
            text.add(line.format());
        }
        Files.write(file, text, StandardCharsets.UTF_8);
    }
}
