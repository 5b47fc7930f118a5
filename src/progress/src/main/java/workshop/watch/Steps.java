package workshop.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workshop.katasupport.ResultLine;
import workshop.katasupport.StepId;

/** Step IDs and what the recorded results say about them. */
final class Steps {

    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"\\s*([A-Z][0-9]+)\\s*·");
    private static final Pattern ID = Pattern.compile("[A-Za-z][0-9]{1,3}");

    private Steps() {
    }

    static boolean isStepId(String text) {
        return ID.matcher(text).matches();
    }

    /** Teaching order: by module letter, then by number (C2 before C10). */
    static List<String> ordered(Collection<String> steps) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(steps));
        sorted.removeIf(s -> !isStepId(s));
        sorted.sort(Comparator.comparing((String s) -> new StepId(s).module()).thenComparingInt(s -> new StepId(s).number()));
        return sorted;
    }

    /** The steps named in the kata's test sources ({@code @DisplayName("C3 · …")}), for a kata that has not run yet. */
    static Set<String> inSources(Path testSources) {
        Set<String> steps = new LinkedHashSet<>();
        for (Path file : KataCompiler.javaFiles(testSources)) {
            try {
                Matcher m = DISPLAY_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    steps.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return steps;
    }

    static List<ResultLine> of(List<ResultLine> results, String step) {
        return results.stream().filter(r -> r.step().equals(step)).toList();
    }

    /** A step is green when it ran and every one of its tests (every invocation) passed. */
    static boolean isGreen(List<ResultLine> results, String step) {
        List<ResultLine> lines = of(results, step);
        return !lines.isEmpty() && lines.stream().allMatch(r -> r.status() == ResultLine.Status.PASSED);
    }

    /** {@code known} with {@code step}'s lines replaced by {@code fresh}. */
    static List<ResultLine> merge(List<ResultLine> known, String step, List<ResultLine> fresh) {
        List<ResultLine> merged = new ArrayList<>(known.stream().filter(r -> !r.step().equals(step)).toList());
        merged.addAll(fresh);
        return List.copyOf(merged);
    }

    /** {@code [######·········] 6/19 steps green}: one mark per step. */
    static String bar(int green, int total) {
        return "[" + "#".repeat(green) + "·".repeat(Math.max(0, total - green)) + "] " + green + "/" + total + " steps green";
    }

    static List<ResultLine> read(Path resultsFile) {
        if (!Files.isRegularFile(resultsFile)) {
            return List.of();
        }
        try {
            return ResultLine.parseAll(Files.readAllLines(resultsFile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
