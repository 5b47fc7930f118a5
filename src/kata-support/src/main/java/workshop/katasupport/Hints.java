package workshop.katasupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kata's hints, in levels, read from its README: under {@code ## Hints}, each {@code ### C3 · title}
 * section starts with the nudge (level 1, shown), followed by folded levels, one
 * {@code <details><summary>Concept</summary> … </details>} block each (concept, then near-answer).
 * {@link HintLog} remembers how many levels a learner has opened.
 */
public final class Hints {

    /** One hint level of a step, e.g. level 2 of 3, "Concept". */
    public record Hint(String step, int level, int levels, String name, String text) {
    }

    private static final Pattern STEP_HEADING = Pattern.compile("^([A-Z][0-9]+)\\b.*");

    private final Map<String, List<Hint>> byStep;

    private Hints(Map<String, List<Hint>> byStep) {
        this.byStep = byStep;
    }

    /** The hints of the kata in {@code kataDir} (its README.md); no README gives no hints. */
    public static Hints load(Path kataDir) {
        Map<String, List<Hint>> byStep = new LinkedHashMap<>();
        sections(read(kataDir.resolve("README.md")), "## Hints", "### ").forEach((step, text) -> {
            List<String[]> levels = levels(text);
            List<Hint> hints = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                hints.add(new Hint(step, i + 1, levels.size(), levels.get(i)[0], levels.get(i)[1]));
            }
            if (!hints.isEmpty()) {
                byStep.put(step, List.copyOf(hints));
            }
        });
        return new Hints(byStep);
    }

    /** The levels of one step, nudge first; empty if the step has no hints. */
    public List<Hint> of(String step) {
        return byStep.getOrDefault(step.strip().toUpperCase(Locale.ROOT), List.of());
    }

    /** Level {@code level} (1-based) of a step. */
    public Optional<Hint> level(String step, int level) {
        List<Hint> hints = of(step);
        return level >= 1 && level <= hints.size() ? Optional.of(hints.get(level - 1)) : Optional.empty();
    }

    /** The steps that have hints, in file order. */
    public List<String> steps() {
        return List.copyOf(byStep.keySet());
    }

    /**
     * The sections of {@code text} below headings that start with {@code prefix} and a step ID, keyed by
     * that ID; only inside the part that starts at the heading {@code within} (the whole text if null).
     */
    static Map<String, String> sections(String text, String within, String prefix) {
        List<String> lines = text.lines().toList();
        int start = 0;
        int end = lines.size();
        if (within != null) {
            start = indexOf(lines, within, 0);
            if (start < 0) {
                return Map.of();
            }
            String level = within.substring(0, within.indexOf(' ') + 1);
            int next = start + 1;
            while (next < lines.size() && !lines.get(next).startsWith(level)) {
                next++;
            }
            end = next;
            start++;
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String step = null;
        StringBuilder body = new StringBuilder();
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            boolean heading = line.startsWith(prefix) && !line.startsWith(prefix + "#");
            boolean higher = line.startsWith("#") && !line.startsWith(prefix.strip());
            if (heading || higher) {
                if (step != null) {
                    sections.put(step, body.toString().strip());
                }
                Matcher m = STEP_HEADING.matcher(heading ? line.substring(prefix.length()).strip() : "");
                step = m.matches() ? m.group(1) : null;
                body.setLength(0);
            } else if (step != null) {
                body.append(line).append('\n');
            }
        }
        if (step != null) {
            sections.put(step, body.toString().strip());
        }
        return sections;
    }

    private static final Pattern FOLDED = Pattern.compile(
            "<details>\\s*<summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);

    /** The nudge (the text before the first folded block), then each folded block, in order. */
    private static List<String[]> levels(String text) {
        List<String[]> levels = new ArrayList<>();
        Matcher m = FOLDED.matcher(text);
        int nudgeEnd = m.find() ? m.start() : text.length();
        String nudge = text.substring(0, nudgeEnd).strip();
        if (!nudge.isEmpty()) {
            levels.add(new String[] {"Nudge", nudge});
        }
        for (m.reset(); m.find(); ) {
            levels.add(new String[] {m.group(1).replaceAll("<[^>]*>", "").strip(), m.group(2).strip()});
        }
        return levels;
    }

    private static int indexOf(List<String> lines, String heading, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading) || lines.get(i).startsWith(heading + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the hints in " + file, e);
        }
    }
}
