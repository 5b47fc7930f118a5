package workshop.kernel;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's settings, read from IJava's environment variables.
 *
 * @param classpathGlobs {@code IJAVA_CLASSPATH}: globs added before the first cell
 * @param compilerOptions {@code IJAVA_COMPILER_OPTS}: extra javac options
 * @param startupScriptGlobs {@code IJAVA_STARTUP_SCRIPTS_PATH}: .jsh files run at start
 * @param startupScript {@code IJAVA_STARTUP_SCRIPT}: code run at start
 * @param timeout {@code IJAVA_TIMEOUT}: how long a cell may run; empty means no limit
 * @param maxOutputBytes how much one cell may print before the rest is dropped
 * @param mode {@code WORKSHOP_KERNEL_MODE}: the kit's evaluation or IJava's (see {@link EvaluationMode})
 */
public record KernelSettings(List<String> classpathGlobs, List<String> compilerOptions,
                             List<String> startupScriptGlobs, String startupScript,
                             Optional<Duration> timeout, long maxOutputBytes, EvaluationMode mode) {

    /** Output beyond this per cell is dropped with a note, so a runaway loop cannot flood the browser. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 1_000_000;

    /** @return the settings of this process, from its environment and {@code -Dworkshop.kernel.maxOutputBytes} */
    public static KernelSettings fromEnvironment() {
        return from(System.getenv(), Long.getLong("workshop.kernel.maxOutputBytes", DEFAULT_MAX_OUTPUT_BYTES));
    }

    /**
     * @param env environment variables
     * @param maxOutputBytes the per-cell output limit
     * @return the settings they describe
     */
    public static KernelSettings from(Map<String, String> env, long maxOutputBytes) {
        return new KernelSettings(
                pathList(env.get("IJAVA_CLASSPATH")),
                words(env.get("IJAVA_COMPILER_OPTS")),
                pathList(env.get("IJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                parseTimeout(env.get("IJAVA_TIMEOUT")),
                maxOutputBytes,
                EvaluationMode.parse(env.get(EvaluationMode.ENV)));
    }

    /**
     * Parses IJava's timeout format: milliseconds ({@code 30000}) or an amount and a
     * {@link TimeUnit} name ({@code 30 SECONDS}); below 1 means no limit.
     *
     * @param text the value, may be {@code null}
     * @return the limit, empty for none
     */
    public static Optional<Duration> parseTimeout(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] words = text.strip().split("\\s+");
        try {
            long amount = Long.parseLong(words[0]);
            TimeUnit unit = words.length > 1 ? TimeUnit.valueOf(words[1].toUpperCase()) : TimeUnit.MILLISECONDS;
            return amount < 1 ? Optional.empty() : Optional.of(Duration.ofNanos(unit.toNanos(amount)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT='" + text + "' is not a timeout; use milliseconds"
                    + " (30000) or an amount and unit (30 SECONDS); below 1 means no limit.", e);
        }
    }

    private static List<String> pathList(String value) {
        return value == null || value.isBlank() ? List.of()
                : List.of(value.split(File.pathSeparator)).stream().filter(s -> !s.isBlank()).toList();
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }
}
