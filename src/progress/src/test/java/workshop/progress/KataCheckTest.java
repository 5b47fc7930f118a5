package workshop.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.progress.KataResults.line;
import static workshop.progress.KataResults.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.katasupport.ResultLine;
import workshop.katasupport.ResultLine.Status;

/** The maintainer's starter/solution check (not in the learner bundle, like {@link KataCheck}). */
class KataCheckTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @Test
    void theCheckPassesWhenStartersAreRedAndSolutionsGreen() throws IOException {
        write(root, "katas/01-cookies", "", line(Status.FAILED, "C1", "m1", "C1 · parse", "not implemented"));
        write(root, "solutions/01-cookies", "", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        assertThat(check()).isNull();
    }

    @Test
    void theCheckNamesAStepThatPassesOnTheStarter() throws IOException {
        write(root, "katas/01-cookies", "", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        write(root, "solutions/01-cookies", "", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        assertThat(check()).contains("C1 passes on the starter katas/01-cookies");
    }

    @Test
    void aParameterizedTestThatPassesOnTheStarterIsNamedOnceWithItsCases() throws IOException {
        write(root, "katas/01-cookies", "",
                new ResultLine(Status.PASSED, "C8", "id[1]", "T#p", "C8 · path match ▸ /a", ""),
                new ResultLine(Status.PASSED, "C8", "id[2]", "T#p", "C8 · path match ▸ /b", ""),
                new ResultLine(Status.FAILED, "C8", "id[3]", "T#p", "C8 · path match ▸ /c", "x"));
        write(root, "solutions/01-cookies", "",
                new ResultLine(Status.PASSED, "C8", "id[1]", "T#p", "C8 · path match ▸ /a", ""),
                new ResultLine(Status.PASSED, "C8", "id[2]", "T#p", "C8 · path match ▸ /b", ""),
                new ResultLine(Status.PASSED, "C8", "id[3]", "T#p", "C8 · path match ▸ /c", ""));
        assertThat(check()).contains("C8 passes on the starter katas/01-cookies: \"C8 · path match\" (2 of 3 cases)");
        assertThat(text()).containsOnlyOnce("passes on the starter");
    }

    @Test
    void theCheckRejectsSkippedTestsFailingSolutionsAndDifferentSpecs() throws IOException {
        write(root, "katas/01-cookies", "",
                line(Status.SKIPPED, "C1", "m1", "C1 · parse", "disabled"),
                line(Status.FAILED, "C2", "m2", "C2 · only here", "x"));
        write(root, "solutions/01-cookies", "",
                line(Status.FAILED, "C1", "m1", "C1 · parse", "expected 1 but was 2"),
                line(Status.PASSED, "", "m3", "no step id", ""));
        String failure = check();
        assertThat(failure).isNotNull();
        assertThat(text()).contains("skipped on the starter", "failed on the solution", "expected 1 but was 2",
                "has no step ID", "different tests");
    }

    @Test
    void theCheckRefusesAStepFilterAndMissingModules() throws IOException {
        write(root, "katas/01-cookies", "C1", line(Status.FAILED, "C1", "m1", "C1 · parse", "x"));
        Files.createDirectories(root.resolve("katas/02-sessions"));
        Files.writeString(root.resolve("katas/02-sessions/pom.xml"), "<project/>");
        write(root, "solutions/01-cookies", "C1", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        assertThat(new KataCheck(root, ProgressReport.katas(root, "katas"), ProgressReport.katas(root, "solutions"), "C1")
                .print(out)).isNotNull();
        assertThat(text()).contains("without -Dstep", "katas/02-sessions has no solution module");
    }

    private String check() {
        return new KataCheck(root, ProgressReport.katas(root, "katas"), ProgressReport.katas(root, "solutions"), "").print(out);
    }

    private String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
