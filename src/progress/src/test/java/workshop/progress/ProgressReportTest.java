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

class ProgressReportTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @Test
    void theLearnerTableShowsScoreAndTheNextRedStepInTeachingOrder() throws IOException {
        write(root, "katas/01-cookies", "",
                line(Status.FAILED, "C2", "m2", "C2 · session or persistent", "C2 · not implemented"),
                line(Status.PASSED, "C1", "m1", "C1 · parse", ""),
                line(Status.FAILED, "C10", "m10", "C10 · audit", "C10 · not implemented"));

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);

        assertThat(text()).contains("01-cookies", "1/3", "C1✔", "C2✘", "next: C2 · session or persistent",
                "mvn test -Dstep=C2");
        assertThat(failure).contains("C2 in katas/01-cookies");
    }

    @Test
    void aKataWithoutResultsDidNotCompile() throws IOException {
        Files.createDirectories(root.resolve("katas/02-sessions"));
        Files.writeString(root.resolve("katas/02-sessions/pom.xml"), "<project/>");

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);

        assertThat(text()).contains("02-sessions", "did not compile");
        assertThat(failure).contains("does not compile");
    }

    @Test
    void allGreenEndsTheBuildSuccessfully() throws IOException {
        write(root, "katas/01-cookies", "", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        assertThat(new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out)).isNull();
        assertThat(text()).contains("1/1", "all green", "Everything is green");
    }

    @Test
    void aStepThatCouldNotRunIsShownSkippedWithItsReasonAndIsNotDone() throws IOException {
        String noBrowser = "org.opentest4j.TestAbortedException: Assumption failed: skipped: no browser — Install"
                + " Chromium (Debian: sudo apt-get install chromium)";
        write(root, "katas/04-attacks", "",
                line(Status.PASSED, "A1", "m1", "A1 · unverified signature", ""),
                line(Status.ABORTED, "A14", "m14a", "A14 · exploit", noBrowser),
                line(Status.ABORTED, "A14", "m14b", "A14 · defence", noBrowser),
                line(Status.ABORTED, "A15", "m15", "A15 · exploit", noBrowser));

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);

        assertThat(text()).as(text()).contains("1/4", "A1✔", "A14 skipped", "A15 skipped", "skipped: no browser — Install Chromium",
                        "A14, A15 skipped: not done")
                .doesNotContain("A14✘", "next: A14", "Everything is green", "Well done", "TestAbortedException");
        assertThat(failure).as("nothing is red, but a skipped step is not done: the build does not pass either")
                .isEqualTo("A14, A15 skipped: not done until they run here");
    }

    @Test
    void aRedTestInTheKataStillComesBeforeSkippedSteps() throws IOException {
        write(root, "katas/04-attacks", "",
                line(Status.FAILED, "A2", "m2", "A2 · alg none", "A2 · not implemented"),
                line(Status.ABORTED, "A14", "m14", "A14 · exploit", "skipped: no browser — install one"));

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);

        assertThat(text()).contains("0/2", "A2✘", "A14 skipped", "next: A2 · alg none", "skipped: no browser");
        assertThat(failure).contains("A2 in katas/04-attacks");
    }

    @Test
    void aParameterizedTestPassesOnlyWhenEveryInvocationPasses() throws IOException {
        write(root, "katas/01-cookies", "",
                new ResultLine(Status.PASSED, "C1", "id[1]", "T#p", "C1 · never throws ▸ a", ""),
                new ResultLine(Status.FAILED, "C1", "id[2]", "T#p", "C1 · never throws ▸ b", "threw"));
        new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);
        assertThat(text()).contains("0/1", "next: C1 · never throws");
    }

    @Test
    void aFilteredRunCountsTheStepsLeftAndNeverPointsToTheSolutions() throws IOException {
        write(root, "katas/01-cookies", "C1", line(Status.FAILED, "C1", "m1", "C1 · parse", "C1 · not implemented"));
        spec("katas/01-cookies", "C1", "C2", "C3");

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "C1").print(out);

        assertThat(text()).contains("0/1", "C1✘", "2 more steps not run", "mvn test -Dstep=C1")
                .doesNotContain("solutions", "Well done");
        assertThat(failure).isNotNull();
    }

    @Test
    void aFilteredRunThatIsGreenSaysWhichStepIsNext() throws IOException {
        write(root, "katas/01-cookies", "C1", line(Status.PASSED, "C1", "m1", "C1 · parse", ""));
        spec("katas/01-cookies", "C1", "C2", "C3");

        String failure = new LearnerTable(root, ProgressReport.katas(root, "katas"), "C1").print(out);

        assertThat(text()).contains("1/1", "2 more steps not run", "Next: mvn test -Dstep=C2", "2 steps left: C2–C3")
                .doesNotContain("solutions", "Well done", "Everything is green");
        assertThat(failure).isNull();
    }

    @Test
    void theExpectedAndActualLinesComeFirst() {
        String message = "J8 · the verifier accepted a token it must refuse\n"
                + "Why: RFC 8725 §3.1 says so.\nheader: {\"alg\":\"none\"}\npayload: {}\n"
                + "expected: ALGORITHM_NOT_ALLOWED\n but was: EXPIRED\nyour verifier said: expired";
        assertThat(LearnerTable.verdictFirst(message)).startsWith(
                "J8 · the verifier accepted a token it must refuse", "expected: ALGORITHM_NOT_ALLOWED",
                " but was: EXPIRED", "your verifier said: expired", "Why: RFC 8725 §3.1 says so.");
        String longMessage = "headline\n" + "detail\n".repeat(20);
        assertThat(LearnerTable.verdictFirst(longMessage)).hasSize(9).last().asString().contains("13 more lines");
    }

    @Test
    void theTableSaysHowManyHintsEachStepNeeded() throws IOException {
        write(root, "katas/01-cookies", "",
                line(Status.PASSED, "C3", "m3", "C3 · dates", ""),
                line(Status.FAILED, "C4", "m4", "C4 · expiry", "x"));
        Files.createDirectories(root.resolve(".kata"));
        Files.writeString(root.resolve(".kata/hints-opened.tsv"), "C3\t1\nC3\t2\nC4\t1\n");

        new LearnerTable(root, ProgressReport.katas(root, "katas"), "").print(out);

        assertThat(text()).contains("hints used: C3 ✔ (2 hints), C4 ✘ (1 hint)", "hint: mvn test -Dhint=C4");
    }

    @Test
    void theHintCommandShowsOneMoreLevelEachTime() throws IOException {
        Files.createDirectories(root.resolve("katas/01-cookies"));
        Files.writeString(root.resolve("katas/01-cookies/pom.xml"), "<project/>");
        Files.writeString(root.resolve("katas/01-cookies/README.md"), "## Hints\n### C3 · dates\nLook at the year.\n"
                + "<details><summary>Concept</summary>\nRFC 6265 §5.1.1.\n</details>\n"
                + "<details><summary>Near-answer</summary>\nAdd 1900 or 2000.\n</details>\n");
        HintCommand hints = new HintCommand(root, ProgressReport.katas(root, "katas"));

        assertThat(hints.print("c3", out)).isNull();
        assertThat(text()).contains("C3 · hint 1 of 3: Nudge", "Look at the year.", "mvn test -Dhint=C3 shows the concept")
                .doesNotContain("RFC 6265");
        hints.print("C3", out);
        hints.print("C3", out);
        assertThat(text()).contains("hint 2 of 3: Concept", "RFC 6265 §5.1.1.", "hint 3 of 3: Near-answer", "last hint");
        assertThat(hints.print("C33", out)).isNotNull();
        assertThat(text()).contains("No hints for C33");
    }

    /** A kata test source whose display names start with the given step IDs. */
    private void spec(String dir, String... steps) throws IOException {
        Path tests = Files.createDirectories(root.resolve(dir).resolve("src/test/java/k"));
        StringBuilder source = new StringBuilder("class KTest {\n");
        for (String step : steps) {
            source.append("  @DisplayName(\"").append(step).append(" · something\") void t").append(step).append("() {}\n");
        }
        Files.writeString(tests.resolve("KTest.java"), source.append("}\n").toString());
    }

    private String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
