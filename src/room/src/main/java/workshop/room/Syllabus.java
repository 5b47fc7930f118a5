package workshop.room;

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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kit's katas and their step IDs in teaching order: the only katas and steps the room accepts, and the
 * dashboard's columns. Read from the tests' {@code @DisplayName("C3 · …")}, as the progress table does.
 */
public record Syllabus(Map<String, List<String>> steps) {

    public static final Pattern KATA = Pattern.compile("[0-9]{2}-[a-z]+");
    public static final Pattern STEP = Pattern.compile("[A-Z][0-9]{1,2}");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"\\s*([A-Z][0-9]{1,2})\\s*·");

    public Syllabus {
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** The katas under {@code kitRoot/katas}, in folder order, each with its steps in teaching order. */
    public static Syllabus of(Path kitRoot) {
        Path katas = kitRoot.resolve("katas");
        Map<String, List<String>> steps = new LinkedHashMap<>();
        if (!Files.isDirectory(katas)) {
            return new Syllabus(steps);
        }
        try (Stream<Path> dirs = Files.list(katas)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (KATA.matcher(name).matches()) {
                    steps.put(name, stepsIn(dir.resolve("src/test/java")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the katas in " + katas, e);
        }
        return new Syllabus(steps);
    }

    private static List<String> stepsIn(Path tests) throws IOException {
        TreeSet<String> found = new TreeSet<>(Comparator.comparingInt(Syllabus::number).thenComparing(s -> s));
        if (Files.isDirectory(tests)) {
            try (Stream<Path> files = Files.walk(tests)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = DISPLAY_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    static int number(String step) {
        return Integer.parseInt(step.substring(1));
    }

    public boolean hasKata(String kata) {
        return steps.containsKey(kata);
    }

    public boolean hasStep(String kata, String step) {
        return steps.getOrDefault(kata, List.of()).contains(step);
    }

    /** The kata a step belongs to. */
    public Optional<String> kataOf(String step) {
        return steps.entrySet().stream().filter(e -> e.getValue().contains(step)).map(Map.Entry::getKey).findFirst();
    }

    /** Every step of every kata, in teaching order. */
    public List<String> allSteps() {
        List<String> all = new ArrayList<>();
        steps.values().forEach(all::addAll);
        return all;
    }
}
