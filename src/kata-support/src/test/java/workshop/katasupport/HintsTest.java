package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintsTest {

    @TempDir
    Path kata;

    @Test
    void theNudgeIsShownAndTheDeeperLevelsAreFolded() throws IOException {
        Files.writeString(kata.resolve("README.md"), """
                # Kata
                ## Steps
                ### C1 · not a hint
                table
                ## Hints
                Intro text.

                ### C1 · parse
                Find the first `;`.

                <details><summary>Concept</summary>

                The pair comes first.
                </details>
                <details><summary>Near-answer</summary>

                Split at the first `=`.
                </details>

                ### C2
                Look at the last one.
                <details><summary>Concept</summary>
                Last wins.
                </details>

                ## Questions
                ### C1 · not a hint either
                """);
        Hints hints = Hints.load(kata);

        assertThat(hints.steps()).containsExactly("C1", "C2");
        assertThat(hints.of("c1")).extracting(Hints.Hint::name).containsExactly("Nudge", "Concept", "Near-answer");
        assertThat(hints.level("C1", 1).orElseThrow().text()).isEqualTo("Find the first `;`.");
        assertThat(hints.level("C1", 3).orElseThrow().text()).isEqualTo("Split at the first `=`.");
        assertThat(hints.level("C1", 3).orElseThrow().levels()).isEqualTo(3);
        assertThat(hints.level("C2", 1).orElseThrow().text()).isEqualTo("Look at the last one.");
        assertThat(hints.level("C2", 3)).isEmpty();
        assertThat(hints.of("C9")).isEmpty();
    }

    @Test
    void theLogRevealsOneLevelAtATimeAndRemembersIt() throws IOException {
        Files.writeString(kata.resolve("README.md"), "## Hints\n### C1\nnudge\n"
                + "<details><summary>Concept</summary>\nconcept\n</details>\n"
                + "<details><summary>Near-answer</summary>\nanswer\n</details>\n");
        Hints hints = Hints.load(kata);
        HintLog log = new HintLog(kata);

        assertThat(log.opened("C1")).isZero();
        assertThat(log.revealNext(hints, "C1").orElseThrow().text()).isEqualTo("nudge");
        assertThat(log.revealNext(hints, "c1").orElseThrow().text()).isEqualTo("concept");
        assertThat(new HintLog(kata).opened("C1")).isEqualTo(2);
        assertThat(log.revealNext(hints, "C1").orElseThrow().name()).isEqualTo("Near-answer");
        assertThat(log.revealNext(hints, "C1").orElseThrow().level()).isEqualTo(3);
        assertThat(log.revealNext(hints, "C7")).isEmpty();
        assertThat(log.opened()).containsEntry("C1", 3);
    }
}
