package workshop.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import workshop.katasupport.Hints;

/** The kit's own katas: every step a test names has its three hint levels in the kata README. */
class KitHintsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyStepHasANudgeAConceptAndANearAnswer() {
        List<String> katas = ProgressReport.katas(ROOT, "katas");
        assertThat(katas).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String kata : katas) {
            Hints hints = Hints.load(ROOT.resolve(kata));
            List<String> steps = KataSteps.of(ROOT.resolve(kata));
            assertThat(steps).as(kata + " has steps").isNotEmpty();
            for (String step : steps) {
                List<String> levels = hints.of(step).stream().map(Hints.Hint::name).toList();
                if (!levels.equals(List.of("Nudge", "Concept", "Near-answer"))) {
                    problems.add(kata + " " + step + ": " + levels);
                }
            }
            List<String> extra = new ArrayList<>(hints.steps());
            extra.removeAll(steps);
            extra.forEach(step -> problems.add(kata + " has hints for " + step + ", which no test names"));
        }
        assertThat(problems).as("hint levels per step (want [Nudge, Concept, Near-answer])").isEmpty();
    }
}
