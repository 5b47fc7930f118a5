package workshop.katasupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which hint levels a learner has opened, per step: {@code .kata/hints-opened.tsv} in the kit's root
 * (one line per opened level: step, level). Kept out of {@code target/} so that {@code mvn clean} and
 * new test runs never lose it; listed in {@code .gitignore}.
 */
public final class HintLog {

    private final Path file;

    public HintLog(Path kitRoot) {
        this.file = kitRoot.resolve(".kata").resolve("hints-opened.tsv");
    }

    /** How many levels of each step have been opened. */
    public Map<String, Integer> opened() {
        Map<String, Integer> opened = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return opened;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length >= 2 && f[1].matches("[0-9]{1,2}")) {
                    opened.merge(f[0], Integer.parseInt(f[1]), Math::max);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return opened;
    }

    public int opened(String step) {
        return opened().getOrDefault(normalise(step), 0);
    }

    /** Records that {@code level} of {@code step} has been shown. */
    public void record(String step, int level) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, normalise(step) + "\t" + level + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the hint in " + file, e);
        }
    }

    /**
     * Shows the next level of a step's hints and records it; once every level is open, shows the last
     * one again. Empty if the step has no hints.
     */
    public Optional<Hints.Hint> revealNext(Hints hints, String step) {
        int levels = hints.of(step).size();
        if (levels == 0) {
            return Optional.empty();
        }
        int next = Math.min(opened(step) + 1, levels);
        record(step, next);
        return hints.level(step, next);
    }

    private static String normalise(String step) {
        return step.strip().toUpperCase(Locale.ROOT);
    }
}
