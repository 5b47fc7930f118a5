package workshop.progress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs last in the build. Learner mode prints the progress table and ends the build: exit code 1
 * while a step is red, 0 otherwise. Hint mode prints the next hint level of one step. The maintainer's
 * starter/solution check is a separate main class, {@link KataCheck}, run only by the {@code solutions}
 * profile (the learner bundle leaves it out).
 * Arguments: the kit's root folder, the mode ({@code learner}, {@code hint} or {@code off}), the
 * {@code -Dstep} filter (may be empty), and the {@code -Dhint} step (hint mode).
 */
public final class ProgressReport {

    private ProgressReport() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String mode = args.length > 1 ? args[1] : "learner";
        String step = args.length > 2 ? args[2] : "";
        String hint = args.length > 3 ? args[3] : "";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (mode) {
            case "off" -> { }
            case "learner" -> {
                // The room's line goes above the table: the table stays the last thing on screen.
                RoomUpdate.send(root, System.getProperties()).ifPresent(out::println);
                end(new LearnerTable(root, katas(root, "katas"), step).print(out));
            }
            case "hint" -> end(new HintCommand(root, katas(root, "katas")).print(hint, out));
            default -> throw new IllegalArgumentException("Unknown progress mode '" + mode + "': use learner, hint or off.");
        }
    }

    /**
     * Prints the learner's progress table for every kata under {@code root} (as {@code mvn test} does)
     * and returns whether every step that ran is green, with none skipped. For tools that run the katas themselves.
     */
    public static boolean printTable(Path root, String stepFilter, PrintStream out) {
        return new LearnerTable(root, katas(root, "katas"), stepFilter).print(out) == null;
    }

    /** Module folders such as {@code katas/01-cookies}, in name order. */
    static List<String> katas(Path root, String parent) {
        Path dir = root.resolve(parent);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> parent + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the learner's build right after the table: Maven's failure epilogue (reactor summary, stack
     * trace advice, "[Help 1]", "-rf") would only push the table off the screen, and the table already
     * says what to do. Exit code 1 while something is red, 0 otherwise. Under the Maven daemon (mvnd),
     * which must not be stopped, or with {@code -Dprogress.noExit=true} (a tool that embeds Maven), the
     * failure becomes an exception, as in the maintainer's check.
     */
    private static void end(String failure) {
        System.out.flush();
        if (System.getProperty("mvnd.home") != null || Boolean.getBoolean("progress.noExit")) {
            if (failure != null) {
                throw new KataProgressException(failure);
            }
            return;
        }
        System.exit(failure == null ? 0 : 1);
    }

    /** Ends the build with one sentence saying what to do next (the table above says the rest). */
    static final class KataProgressException extends RuntimeException {
        KataProgressException(String message) {
            super(message, null, false, false);
        }
    }
}
