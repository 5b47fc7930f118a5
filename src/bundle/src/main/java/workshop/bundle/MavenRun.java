package workshop.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One nested Maven run: the given Maven installation, in a folder, with its output in a log file and an empty
 * input (watch mode quits when its input ends). The parent build's Maven variables do not leak into it.
 */
public final class MavenRun {

    /** Variables of the parent build that would change the nested one (options, arguments, its repository). */
    private static final List<String> PARENT_VARIABLES = List.of("MAVEN_OPTS", "MAVEN_ARGS", "MAVEN_CONFIG",
            "MAVEN_DEBUG_OPTS", "MAVEN_BATCH_ECHO", "MAVEN_BATCH_PAUSE", "MAVEN_SKIP_RC", "MAVEN_TERMINATE_CMD",
            "MVNW_REPOURL", "MVNW_VERBOSE", "MAVEN_REPO_LOCAL");

    /** What a run printed and how it ended. */
    public record Outcome(List<String> command, int exitCode, String output, Path log, Duration took, boolean stopped) {
    }

    private final Path mavenHome;
    private final Path directory;
    private final List<String> prefix = new ArrayList<>();
    private final Map<String, String> environment;

    public MavenRun(Path mavenHome, Path directory) {
        this.mavenHome = mavenHome;
        this.directory = directory;
        ProcessBuilder probe = new ProcessBuilder();
        this.environment = new java.util.HashMap<>(probe.environment());
        PARENT_VARIABLES.forEach(environment::remove);
    }

    /** Runs Maven inside another command, e.g. a new network namespace: {@code unshare -rn sh -c ...}. */
    public MavenRun wrappedIn(List<String> command) {
        prefix.addAll(command);
        return this;
    }

    public MavenRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The {@code mvn} launcher of the Maven installation ({@code mvn.cmd} on Windows). */
    public Path launcher() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    }

    /**
     * Runs {@code mvn args}; a run still going after {@code stopAfter} is ended (with its child processes) and
     * reported as stopped; {@code null} waits for it.
     */
    public Outcome run(List<String> args, Path log, Duration stopAfter) {
        List<String> command = new ArrayList<>(prefix);
        command.add(launcher().toString());
        command.addAll(args);
        long start = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            Path empty = Files.createTempFile(log.getParent(), "stdin", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(empty.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean stopped = false;
            if (stopAfter == null) {
                process.waitFor();
            } else if (!process.waitFor(stopAfter.toMillis(), TimeUnit.MILLISECONDS)) {
                stopped = true;
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                }
            }
            Files.deleteIfExists(empty);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Outcome(command, process.exitValue(), output, log, Duration.ofNanos(System.nanoTime() - start),
                    stopped);
        } catch (IOException e) {
            throw new BundleException("Could not run " + String.join(" ", command) + " in " + directory + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Lines of a Maven output that say an artifact or plugin could not be resolved (empty when none). */
    public static List<String> resolutionErrors(String output) {
        List<String> errors = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String l = line.toLowerCase(java.util.Locale.ROOT);
            if (l.contains("[error]") && (l.contains("could not resolve") || l.contains("could not be resolved")
                    || l.contains("cannot access") || l.contains("failed to read artifact descriptor")
                    || l.contains("could not transfer") || l.contains("unresolvable") || l.contains("non-resolvable")
                    || l.contains("offline mode and the artifact") || l.contains("no plugin found for prefix"))) {
                errors.add(line.strip());
            }
        }
        return errors;
    }
}
