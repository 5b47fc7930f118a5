package workshop.bundle;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code mvn -Pbundle}: builds the learner bundle and prints its zips, their sizes and the time it took.
 * Arguments: the kit's root folder, the output folder, and the local repository to copy artifacts from.
 * Runs in Maven's JVM (exec:java), so {@code maven.home} is the Maven that runs the build.
 */
public final class BundleMain {

    private BundleMain() {
    }

    public static void main(String[] args) {
        Path kit = Path.of(args.length > 0 ? args[0] : ".");
        Path output = Path.of(args.length > 1 ? args[1] : "target/bundle");
        Path source = args.length > 2 && !args[2].isBlank() ? Path.of(args[2]) : null;
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) {
            throw new BundleException("maven.home is not set: run the bundle through Maven (mvn -Pbundle).");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LearnerBundle.Result result = new LearnerBundle(kit, output, Path.of(mavenHome), source, out).build();
        String rule = "─".repeat(78);
        out.println(rule);
        out.println(" Learner bundle");
        out.println(rule);
        out.printf(Locale.ROOT, " %s  %s%n", size(result.learnerZipBytes()), result.learnerZip());
        out.printf(Locale.ROOT, "   offline repository: %d files, %s (before compression)%n", result.repositoryFiles(),
                size(result.repositoryBytes()));
        for (Path zip : result.solutionZips()) {
            out.printf(Locale.ROOT, " %s  %s%n", size(zip.toFile().length()), zip);
        }
        out.printf(Locale.ROOT, " Built in %d min %02d s. Hand out the learner zip; release a solution zip after its module"
                + " (src/bundle/README.md).%n", result.took().toMinutes(), result.took().toSecondsPart());
        out.println(rule);
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%6.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%6.1f kB", bytes / 1024.0);
    }
}
