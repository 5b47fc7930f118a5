package workshop.progress;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import workshop.katasupport.ResultLine;

/**
 * The maintainer's check: every kata test fails on the starter and passes on the solution, both runs
 * contain the same tests, and every test names its step. A test that passes on a starter is a defect.
 * Run by the {@code solutions} profile only (its own main class, so the learner bundle can leave it out).
 * Arguments: the kit's root folder and the {@code -Dstep} filter (must be empty).
 */
public final class KataCheck {

    private static final String RULE = "─".repeat(78);

    private final Path root;
    private final List<String> katas;
    private final List<String> solutions;
    private final String step;

    KataCheck(Path root, List<String> katas, List<String> solutions, String step) {
        this.root = root;
        this.katas = katas;
        this.solutions = solutions;
        this.step = step == null ? "" : step.strip();
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String step = args.length > 1 ? args[1] : "";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String failure = new KataCheck(root, ProgressReport.katas(root, "katas"), ProgressReport.katas(root, "solutions"),
                step).print(out);
        if (failure != null) {
            throw new ProgressReport.KataProgressException(failure);
        }
    }

    /** Prints the check; returns the build's failure sentence, or null when every kata is sound. */
    String print(PrintStream out) {
        List<String> defects = new ArrayList<>();
        out.println();
        out.println(RULE);
        out.println(" Kata check: starters must be red, solutions green, same tests in both");
        out.println(RULE);
        out.printf(" %-14s %6s   %-22s %-22s%n", "kata", "cases", "starter (all red?)", "solution (all green?)");
        if (!step.isEmpty()) {
            defects.add("The check needs every step, but -Dstep=" + step + " was given: run mvn -Psolutions verify without -Dstep.");
        }
        for (String kata : katas) {
            String name = kata.substring(kata.indexOf('/') + 1);
            String solution = "solutions/" + name;
            if (!solutions.contains(solution)) {
                defects.add(kata + " has no solution module: add " + solution + " (and list it in the root pom's solutions profile).");
                continue;
            }
            check(name, KataRun.read(root, kata), KataRun.read(root, solution), defects, out);
        }
        for (String solution : solutions) {
            if (!katas.contains("katas/" + solution.substring(solution.indexOf('/') + 1))) {
                defects.add(solution + " has no kata module with the same folder name.");
            }
        }
        out.println(RULE);
        if (defects.isEmpty()) {
            out.println(" Every kata test fails on its starter and passes on its solution.");
            out.println(RULE);
            return null;
        }
        out.println(" Defects:");
        defects.forEach(d -> out.println("  ✘ " + d.replace("\n", "\n    ")));
        out.println(RULE);
        return defects.size() + " kata defect(s): " + defects.get(0).lines().findFirst().orElse("");
    }

    private void check(String name, KataRun starter, KataRun solution, List<String> defects, PrintStream out) {
        if (!starter.ran() || !solution.ran()) {
            String which = !starter.ran() ? starter.module() : solution.module();
            defects.add(which + " ran no tests: it probably did not compile (see the [ERROR] lines above).");
            out.printf(" %-14s %6s   %s%n", name, "?", "did not run");
            return;
        }
        for (KataRun run : List.of(starter, solution)) {
            if (!run.stepFilter().isBlank()) {
                defects.add(run.module() + " last ran only steps " + run.stepFilter() + " (-Dstep): run mvn -Psolutions verify without -Dstep.");
            }
        }
        Set<String> starterIds = ids(starter);
        Set<String> solutionIds = ids(solution);
        long red = starter.results().stream().filter(r -> r.status() == ResultLine.Status.FAILED).count();
        long green = solution.results().stream().filter(r -> r.status() == ResultLine.Status.PASSED).count();
        out.printf(" %-14s %6d   %-22s %-22s%n", name, solutionIds.size(),
                red + " red" + (red == starter.results().size() ? " ✔" : " ✘"),
                green + " green" + (green == solution.results().size() ? " ✔" : " ✘"));

        if (solution.results().isEmpty()) {
            defects.add(solution.module() + " ran zero tests: a kata needs a spec.");
        }
        Map<String, List<ResultLine>> starterByMethod = new LinkedHashMap<>();
        for (ResultLine r : starter.results()) {
            starterByMethod.computeIfAbsent(r.method().isEmpty() ? r.uniqueId() : r.method(), k -> new ArrayList<>()).add(r);
        }
        starterByMethod.forEach((method, lines) -> {
            ResultLine first = lines.get(0);
            String cases = lines.size() == 1 ? "" : " (%d of %d cases)";
            long passed = lines.stream().filter(r -> r.status() == ResultLine.Status.PASSED).count();
            long skipped = lines.stream().filter(r -> r.status() == ResultLine.Status.SKIPPED || r.status() == ResultLine.Status.ABORTED).count();
            if (passed > 0) {
                defects.add(first.step() + " passes on the starter " + starter.module() + ": \"" + first.methodTitle() + "\""
                        + cases.formatted(passed, lines.size())
                        + ".\nA kata test must fail until the learner writes the step: the starter does too much, or the test cannot fail.");
            }
            if (skipped > 0) {
                ResultLine r = lines.stream().filter(l -> l.status() == ResultLine.Status.SKIPPED || l.status() == ResultLine.Status.ABORTED)
                        .findFirst().orElseThrow();
                defects.add(first.step() + " was " + r.status().name().toLowerCase() + " on the starter " + starter.module() + ": \""
                        + first.methodTitle() + "\"" + cases.formatted(skipped, lines.size()) + " — a skipped test hides a failure. " + r.message());
            }
        });
        for (ResultLine r : solution.results()) {
            if (r.status() != ResultLine.Status.PASSED) {
                defects.add(r.step() + " " + r.status().name().toLowerCase() + " on the solution " + solution.module() + ": \""
                        + r.title() + "\"\n" + r.message().lines().limit(6).collect(Collectors.joining("\n")));
            }
            if (r.step().isEmpty()) {
                defects.add(solution.module() + ": \"" + r.title() + "\" has no step ID: start its @DisplayName with one, e.g. \"C3 · …\".");
            }
        }
        Set<String> onlyStarter = new LinkedHashSet<>(starterIds);
        onlyStarter.removeAll(solutionIds);
        Set<String> onlySolution = new LinkedHashSet<>(solutionIds);
        onlySolution.removeAll(starterIds);
        if (!onlyStarter.isEmpty() || !onlySolution.isEmpty()) {
            defects.add(name + ": the starter and solution runs contain different tests (they must share one spec). Only on the starter: "
                    + onlyStarter + "; only on the solution: " + onlySolution);
        }
    }

    private static Set<String> ids(KataRun run) {
        return run.results().stream().map(ResultLine::uniqueId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
