package workshop.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workshop.katasupport.ResultLine;
import workshop.katasupport.StepId;

/**
 * The recorded results of one kata module's test run (starter or solution), or the fact that it did
 * not run (usually a compile error).
 *
 * @param module     the module folder relative to the kit's root, e.g. {@code katas/01-cookies}
 * @param ran        whether a results file exists
 * @param stepFilter the {@code -Dstep} filter the run used ("" for all steps)
 * @param results    one line per test or test invocation, in execution order
 */
record KataRun(String module, boolean ran, String stepFilter, List<ResultLine> results) {

    static KataRun read(Path root, String module) {
        Path file = root.resolve(module).resolve("target/kata-results/results.tsv");
        if (!Files.exists(file)) {
            return new KataRun(module, false, "", List.of());
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String filter = lines.isEmpty() ? "" : Optional.ofNullable(ResultLine.stepFilterOf(lines.get(0))).orElse("");
            return new KataRun(module, true, filter, ResultLine.parseAll(lines));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /**
     * A test method and how it went; a parameterized test passes only if every invocation passed. It is skipped when
     * it did not pass and nothing in it failed: aborted by an assumption (e.g. "skipped: no browser"), or disabled.
     * A skipped test is not done, and not red either: {@code message} says why it could not run.
     */
    record Test(String key, String step, String title, boolean passed, boolean skipped, String message) {

        Test(String key, String step, String title, boolean passed, String message) {
            this(key, step, title, passed, false, message);
        }
    }

    /** The tests grouped by method, sorted by step number (teaching order), then by run order. */
    List<Test> tests() {
        Map<String, List<ResultLine>> byMethod = new LinkedHashMap<>();
        for (ResultLine r : results) {
            String key = r.method().isEmpty() ? r.uniqueId() : r.method();
            byMethod.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Test> tests = new ArrayList<>();
        byMethod.forEach((key, lines) -> {
            Optional<ResultLine> failed = lines.stream().filter(l -> l.status() == ResultLine.Status.FAILED).findFirst();
            Optional<ResultLine> red = failed.or(() -> lines.stream()
                    .filter(l -> l.status() != ResultLine.Status.PASSED).findFirst());
            ResultLine shown = red.orElse(lines.get(0));
            String title = lines.size() == 1 ? shown.title() : shown.methodTitle();
            tests.add(new Test(key, shown.step(), title, red.isEmpty(), red.isPresent() && failed.isEmpty(),
                    red.map(ResultLine::message).orElse("")));
        });
        tests.sort(Comparator.comparingInt((Test t) -> stepNumber(t.step())));
        return tests;
    }

    long passed() {
        return tests().stream().filter(Test::passed).count();
    }

    /** The first test in teaching order that failed (a skipped test is not red: it could not run). */
    Optional<Test> nextRed() {
        return tests().stream().filter(t -> !t.passed() && !t.skipped()).findFirst();
    }

    /** The tests that could not run, in teaching order. */
    List<Test> skipped() {
        return tests().stream().filter(Test::skipped).toList();
    }

    private static int stepNumber(String step) {
        return step.isEmpty() ? Integer.MAX_VALUE : new StepId(step).number();
    }
}
