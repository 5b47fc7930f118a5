package workshop.katasupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one line a kata module prints after its tests ran, in place of Surefire's list of failures:
 * how many tests are green and which step is next. The progress table at the end says the rest.
 * Argument: the kata's build folder ({@code target}).
 */
public final class KataSummary {

    private KataSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path module = target.getParent();
        String name = module.getParent().getFileName() + "/" + module.getFileName();
        System.out.println(line(target, name));
    }

    static String line(Path target, String name) throws IOException {
        Path results = target.resolve("kata-results/results.tsv");
        if (crashed(target.resolve("surefire-reports"))) {
            return "✘ " + name + ": the test JVM stopped early (System.exit or a crash?): see "
                    + target.resolve("surefire-reports") + " (*.dump files).";
        }
        if (!Files.exists(results)) {
            return "✘ " + name + ": no test ran (a compile error? See the [ERROR] lines above).";
        }
        List<ResultLine> lines = ResultLine.parseAll(Files.readAllLines(results, StandardCharsets.UTF_8));
        Map<String, Boolean> green = new LinkedHashMap<>();
        Map<String, String> stepOf = new LinkedHashMap<>();
        for (ResultLine r : lines) {
            String key = r.method().isEmpty() ? r.uniqueId() : r.method();
            green.merge(key, r.status() == ResultLine.Status.PASSED, Boolean::logicalAnd);
            stepOf.putIfAbsent(key, r.step());
        }
        long passed = green.values().stream().filter(b -> b).count();
        if (green.isEmpty()) {
            return "· " + name + ": no step selected by -Dstep";
        }
        if (passed == green.size()) {
            return "✔ " + name + ": all " + passed + " tests that ran are green";
        }
        String next = green.entrySet().stream().filter(e -> !e.getValue()).map(e -> stepOf.get(e.getKey()))
                .filter(s -> !s.isEmpty())
                .min(Comparator.comparingInt(s -> new StepId(s).number())).orElse("?");
        return "✘ " + name + ": " + passed + " of " + green.size() + " tests green · next red step " + next
                + " (the progress table at the end says why)";
    }

    private static boolean crashed(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return false;
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".dump"));
        }
    }
}
