package workshop.progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The learner's view: one row per kata, its score, and the next red step with what to do about it. */
final class LearnerTable {

    private static final int MESSAGE_LINES = 8;
    private static final String RULE = "─".repeat(78);

    private final Path root;
    private final List<String> katas;
    private final String step;

    LearnerTable(Path root, List<String> katas, String step) {
        this.root = root;
        this.katas = katas;
        this.step = step == null ? "" : step.strip();
    }

    /** Prints the table; returns the build's failure sentence, or null when everything that ran is green. */
    String print(PrintStream out) {
        out.println();
        out.println(RULE);
        out.println(" Kata progress" + (step.isEmpty() ? "" : "   (only steps " + step + ": -Dstep=" + step + ")"));
        out.println(RULE);
        String firstRed = null;
        int red = 0;
        for (String kata : katas) {
            KataRun run = KataRun.read(root, kata);
            String name = kata.substring(kata.indexOf('/') + 1);
            if (!run.ran()) {
                red++;
                out.printf(" %-14s  not run: it did not compile. Fix the first [ERROR] line above for %s%n", name, kata);
                firstRed = firstRed == null ? name + " does not compile" : firstRed;
                continue;
            }
            List<KataRun.Test> tests = run.tests();
            if (tests.isEmpty()) {
                out.printf(" %-14s  no step selected by -Dstep=%s%n", name, step);
                continue;
            }
            long passed = run.passed();
            out.printf(" %-14s %3d/%-3d %s%n", name, passed, tests.size(), steps(tests));
            Optional<KataRun.Test> next = run.nextRed();
            if (next.isPresent()) {
                red++;
                KataRun.Test t = next.get();
                out.println("                 next: " + t.title());
                for (String line : t.message().lines().limit(MESSAGE_LINES).toList()) {
                    out.println("                   " + line);
                }
                out.println("                 hints: " + kata + "/README.md (" + t.step() + ")   focus: mvn test -Dstep=" + t.step());
                firstRed = firstRed == null ? t.step() + " in " + kata : firstRed;
            } else {
                out.println("                 all green — compare with solutions/" + name + " and its notes");
            }
        }
        out.println(RULE);
        if (red == 0) {
            out.println(" Everything that ran is green. Well done!");
            out.println(RULE);
            return null;
        }
        out.println(" Red is where a kata starts: make the next step green, then run mvn test again.");
        out.println(" (Scores count test methods; a parameterized test turns green when all its cases pass.)");
        out.println(RULE);
        return red + " kata(s) still have red steps. Next: " + firstRed + " (see the table above).";
    }

    /** A compact per-step summary such as {@code C1✔ C2✔ C3✘}. */
    private static String steps(List<KataRun.Test> tests) {
        return tests.stream()
                .collect(Collectors.groupingBy(KataRun.Test::step, java.util.LinkedHashMap::new,
                        Collectors.reducing(true, KataRun.Test::passed, Boolean::logicalAnd)))
                .entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "?" : e.getKey()) + (e.getValue() ? "✔" : "✘"))
                .collect(Collectors.joining(" "));
    }
}
