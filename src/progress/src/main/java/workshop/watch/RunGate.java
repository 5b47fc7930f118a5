package workshop.watch;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets watch mode stop a test run between two tests: when a file is saved while the rest of a kata runs,
 * or when a test hung and its run was given up, every test that has not started yet is skipped.
 *
 * <p>Registered through the ServiceLoader, but JUnit only loads it where extension auto-detection is on
 * and includes this class: in watch mode's own runs ({@link KataRunner}), never in {@code mvn test}.
 */
public final class RunGate implements ExecutionCondition {

    /** The configuration parameter that names a watch-mode run. */
    static final String RUN = "workshop.watch.run";

    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    /** A new run whose tests may start until {@link #close(String)}. */
    static String open() {
        String id = UUID.randomUUID().toString();
        OPEN.add(id);
        return id;
    }

    /** From now on the run's tests that have not started are skipped. */
    static void close(String id) {
        OPEN.remove(id);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> run = context.getConfigurationParameter(RUN);
        if (run.isEmpty() || OPEN.contains(run.get())) {
            return ConditionEvaluationResult.enabled("watch mode runs it");
        }
        return ConditionEvaluationResult.disabled("watch mode stopped this run (a file was saved, or a test hung)");
    }
}
