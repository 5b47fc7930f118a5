package workshop.progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import workshop.katasupport.HintLog;
import workshop.katasupport.StepId;

/**
 * The learner's view: one row per kata, its score, and the next red step with what to do about it.
 * It is the last thing {@code mvn test} prints, so it ends with the next command to run.
 */
final class LearnerTable {

    private static final int MESSAGE_LINES = 8;
    private static final String RULE = "─".repeat(78);
    private static final String INDENT = "                 ";
    /** The lines of a failure message that say what was expected and what happened, shown first. */
    private static final Pattern VERDICT_LINE = Pattern.compile(
            "(?i)^\\s*(expected|but was|actual|expecting|to (be|contain|equal|have)|your [\\w ]{1,30}"
                    + " (said|returned|threw|did not|sent|gave))\\b.*");

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
        boolean filtered = !step.isEmpty();
        Map<String, Integer> hints = new HintLog(root).opened();
        out.println();
        out.println(RULE);
        out.println(" Kata progress" + (filtered ? "   (only steps " + step + ": -Dstep=" + step + ")" : ""));
        out.println(RULE);
        String firstRed = null;
        String nextCommand = null;
        int red = 0;
        int left = 0;
        List<String> skippedSteps = new ArrayList<>();
        for (String kata : katas) {
            KataRun run = KataRun.read(root, kata);
            String name = kata.substring(kata.indexOf('/') + 1);
            if (!run.ran()) {
                red++;
                out.printf(" %-14s  not run: it did not compile, or its tests could not start.%n", name);
                out.println(INDENT + "The first [ERROR] lines for " + kata + " above say where (file and line).");
                firstRed = firstRed == null ? name + " does not compile" : firstRed;
                continue;
            }
            List<KataRun.Test> tests = run.tests();
            if (tests.isEmpty()) {
                continue;
            }
            List<String> notRun = notRun(kata, tests);
            long passed = run.passed();
            String row = String.format(" %-14s %3d/%-3d ", name, passed, tests.size());
            String steps = steps(tests) + (notRun.isEmpty() ? ""
                    : " · " + notRun.size() + " more step" + (notRun.size() == 1 ? "" : "s") + " not run");
            List<String> lines = wrap(steps, RULE.length() - row.length());
            for (int i = 0; i < lines.size(); i++) {
                out.println((i == 0 ? row : " ".repeat(row.length())) + lines.get(i));
            }
            List<KataRun.Test> skipped = run.skipped();
            if (!skipped.isEmpty()) {
                skippedSteps.addAll(skipped.stream().map(KataRun.Test::step).distinct().toList());
                for (String reason : skipped.stream().map(t -> skipReason(t.message())).distinct().toList()) {
                    for (String line : wrap(reason.isBlank() ? "skipped: it could not run here" : reason,
                            RULE.length() - INDENT.length())) {
                        out.println(INDENT + line);
                    }
                }
            }
            String used = hintsUsed(tests, hints);
            if (!used.isEmpty()) {
                out.println(INDENT + "hints used: " + used);
            }
            Optional<KataRun.Test> next = run.nextRed();
            if (next.isPresent()) {
                red++;
                KataRun.Test t = next.get();
                out.println(INDENT + "next: " + t.title());
                for (String line : verdictFirst(t.message())) {
                    out.println(INDENT + "  " + line);
                }
                out.println(INDENT + "hint: mvn test -Dhint=" + t.step() + "   focus: mvn test -Dstep=" + t.step());
                firstRed = firstRed == null ? t.step() + " in " + kata : firstRed;
                nextCommand = nextCommand == null ? "mvn test -Dstep=" + t.step() : nextCommand;
            } else if (!skipped.isEmpty()) {
                out.println(INDENT + "what ran is green; " + range(skipped.stream().map(KataRun.Test::step).distinct()
                        .toList()) + " skipped: not done until they run (see above).");
            } else if (!notRun.isEmpty()) {
                left += notRun.size();
                out.println(INDENT + "what ran is green. Next: mvn test -Dstep=" + notRun.get(0)
                        + "   (" + notRun.size() + " step" + (notRun.size() == 1 ? "" : "s") + " left: "
                        + range(notRun) + ")");
                nextCommand = nextCommand == null ? "mvn test -Dstep=" + notRun.get(0) : nextCommand;
            } else {
                out.println(INDENT + "all green: the whole kata is done. Compare with solutions/" + name + " and its notes.");
            }
        }
        out.println(RULE);
        if (red == 0 && !skippedSteps.isEmpty()) {
            out.println(" Every step that ran is green; " + String.join(", ", skippedSteps) + " skipped: not done"
                    + " until they run here (see the reason above).");
            out.println(RULE);
            // Not a pass: the exit code says so too, for scripts that only read it.
            return String.join(", ", skippedSteps) + " skipped: not done until they run here";
        }
        if (red == 0 && left == 0) {
            out.println(" Everything is green. Well done!");
            out.println(RULE);
            return null;
        }
        if (red == 0) {
            out.println(" Every step you selected is green; " + left + " step" + (left == 1 ? "" : "s")
                    + " not run yet. Next: " + nextCommand + " (or mvn test for all).");
            out.println(RULE);
            return null;
        }
        out.println(" Red is where a kata starts: make " + firstRed.split(" ")[0] + " green, then run "
                + (filtered ? nextCommand : "mvn test") + " again.");
        out.println(" Or let mvn -Pwatch re-run it on every save.");
        out.println(RULE);
        return red + " kata(s) still have red steps. Next: " + firstRed + " (see the table above).";
    }

    /** The steps of the kata that this run did not select (a -Dstep filter), in teaching order. */
    private List<String> notRun(String kata, List<KataRun.Test> tests) {
        if (step.isEmpty()) {
            return List.of();
        }
        List<String> ran = tests.stream().map(KataRun.Test::step).distinct().toList();
        return KataSteps.of(root.resolve(kata)).stream().filter(s -> !ran.contains(s)).toList();
    }

    /** {@code C3 ✔ (2 hints), C5 ✘ (1 hint)} for the steps of this run whose hints were opened. */
    private static String hintsUsed(List<KataRun.Test> tests, Map<String, Integer> opened) {
        List<String> used = new ArrayList<>();
        byStep(tests).forEach((s, green) -> {
            int n = opened.getOrDefault(s, 0);
            if (n > 0) {
                used.add(s + " " + (green ? "✔" : "✘") + " (" + n + " hint" + (n == 1 ? "" : "s") + ")");
            }
        });
        return String.join(", ", used);
    }

    /** The message's first line, then the lines that say expected/actual, then the rest, within the limit. */
    static List<String> verdictFirst(String message) {
        List<String> lines = message.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(lines.get(0));
        lines.stream().skip(1).filter(l -> VERDICT_LINE.matcher(l).matches()).forEach(ordered::add);
        lines.stream().skip(1).filter(l -> !VERDICT_LINE.matcher(l).matches()).forEach(ordered::add);
        if (ordered.size() <= MESSAGE_LINES) {
            return ordered;
        }
        List<String> shown = new ArrayList<>(ordered.subList(0, MESSAGE_LINES));
        shown.add("… (" + (ordered.size() - MESSAGE_LINES) + " more lines: mvn -Pwatch shows the whole message)");
        return shown;
    }

    /** The first line of an aborted test's message, without JUnit's "TestAbortedException: Assumption failed: ". */
    static String skipReason(String message) {
        String first = message.lines().findFirst().orElse("");
        int at = first.indexOf("skipped:");
        if (at >= 0) {
            return first.substring(at);
        }
        return first.replaceFirst("^\\S*TestAbortedException: (Assumption failed: )?", "skipped: ");
    }

    /** Splits a row of words into lines of at most {@code width} characters (a longer word gets its own line). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String range(List<String> steps) {
        return steps.size() == 1 ? steps.get(0) : steps.get(0) + "–" + steps.get(steps.size() - 1);
    }

    private static Map<String, Boolean> byStep(List<KataRun.Test> tests) {
        return tests.stream().collect(Collectors.groupingBy(KataRun.Test::step, LinkedHashMap::new,
                Collectors.reducing(true, KataRun.Test::passed, Boolean::logicalAnd)));
    }

    /**
     * A compact per-step summary such as {@code C1✔ C2✔ C3✘ C4 skipped}: a step is skipped when none of its tests
     * failed and some could not run (a red test anywhere in the step makes it ✘).
     */
    private static String steps(List<KataRun.Test> tests) {
        Map<String, Boolean> failed = tests.stream().collect(Collectors.groupingBy(KataRun.Test::step,
                LinkedHashMap::new, Collectors.reducing(false, t -> !t.passed() && !t.skipped(), Boolean::logicalOr)));
        Map<String, Boolean> skipped = tests.stream().collect(Collectors.groupingBy(KataRun.Test::step,
                LinkedHashMap::new, Collectors.reducing(false, KataRun.Test::skipped, Boolean::logicalOr)));
        return byStep(tests).entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "?" : e.getKey()) + (e.getValue() ? "✔"
                        : !failed.get(e.getKey()) && skipped.get(e.getKey()) ? " skipped" : "✘"))
                .collect(Collectors.joining(" "));
    }

    /** Used by the step ordering of {@link KataSteps}. */
    static int number(String step) {
        return step.isEmpty() ? Integer.MAX_VALUE : new StepId(step).number();
    }
}
