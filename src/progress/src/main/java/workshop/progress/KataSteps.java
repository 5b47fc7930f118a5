package workshop.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every step ID of a kata, read from its tests' {@code @DisplayName("C3 · …")}, in teaching order. */
final class KataSteps {

    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"\\s*([A-Z][0-9]+)\\s*·");

    private KataSteps() {
    }

    static List<String> of(Path kataDir) {
        Path tests = kataDir.resolve("src/test/java");
        TreeSet<String> steps = new TreeSet<>(Comparator.comparingInt(LearnerTable::number).thenComparing(s -> s));
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = DISPLAY_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    steps.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tests in " + tests, e);
        }
        return List.copyOf(steps);
    }
}
