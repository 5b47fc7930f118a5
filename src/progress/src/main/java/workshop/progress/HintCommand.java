package workshop.progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workshop.katasupport.HintLog;
import workshop.katasupport.Hints;
import workshop.katasupport.StepId;

/** {@code mvn test -Dhint=C3}: shows the next hint level of one step, and remembers that it was shown. */
final class HintCommand {

    private static final String RULE = "─".repeat(78);

    private final Path root;
    private final List<String> katas;

    HintCommand(Path root, List<String> katas) {
        this.root = root;
        this.katas = katas;
    }

    /** Prints the hint; returns a failure sentence when the step has no hints, else null. */
    String print(String step, PrintStream out) {
        String wanted = step == null ? "" : step.strip().toUpperCase(Locale.ROOT);
        Optional<StepId> id = StepId.ofDisplayName(wanted + " ·");
        if (id.isEmpty()) {
            out.println(" -Dhint needs one step ID, such as -Dhint=C3 (the table of mvn test names the next red step).");
            return "no step given to -Dhint";
        }
        for (String kata : katas) {
            Hints hints = Hints.load(root.resolve(kata));
            if (hints.of(wanted).isEmpty()) {
                continue;
            }
            Hints.Hint hint = new HintLog(root).revealNext(hints, wanted).orElseThrow();
            out.println();
            out.println(RULE);
            out.printf(" %s · hint %d of %d: %s%n", wanted, hint.level(), hint.levels(), hint.name());
            out.println(RULE);
            hint.text().lines().forEach(line -> out.println(" " + line));
            out.println(RULE);
            if (hint.level() < hint.levels()) {
                String nextName = hints.level(wanted, hint.level() + 1).orElseThrow().name().toLowerCase(Locale.ROOT);
                out.println(" Try it: mvn test -Dstep=" + wanted + ". Still stuck? mvn test -Dhint=" + wanted
                        + " shows the " + nextName + ".");
            } else {
                out.println(" That was the last hint. Try it: mvn test -Dstep=" + wanted
                        + " (the notebook section " + wanted + " shows it running).");
            }
            out.println(RULE);
            return null;
        }
        out.println(" No hints for " + wanted + ": no kata README has a \"### " + wanted + "\" hint. Step IDs look like"
                + " C3, S5 or J2; mvn test names the next red one.");
        return "no hints for " + wanted;
    }
}
