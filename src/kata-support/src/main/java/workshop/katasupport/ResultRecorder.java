package workshop.katasupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes one line per finished test to {@code <kata.results>/results.tsv}, for the progress table
 * and for the build's starter/solution check. Does nothing outside a kata module.
 */
public final class ResultRecorder implements TestExecutionListener {

    private TestPlan plan;
    private Path file;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        String dir = System.getProperty("kata.results", "");
        if (dir.isBlank()) {
            return;
        }
        plan = testPlan;
        file = Path.of(dir, "results.tsv");
        if (!Files.exists(file)) {
            write(ResultLine.header(System.getProperty("kata.step", "")), StandardOpenOption.CREATE_NEW);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (file != null && test.isTest()) {
            record(test, ResultLine.Status.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (file == null || !test.isTest()) {
            return;
        }
        ResultLine.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> ResultLine.Status.PASSED;
            case FAILED -> ResultLine.Status.FAILED;
            case ABORTED -> ResultLine.Status.ABORTED;
        };
        String message = result.getThrowable().map(ResultRecorder::describe).orElse("");
        record(test, status, message);
    }

    private void record(TestIdentifier test, ResultLine.Status status, String message) {
        String step = stepOf(test).map(StepId::value).orElse("");
        String method = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(m -> m.getClassName() + "#" + m.getMethodName())
                .orElse("");
        ResultLine line = new ResultLine(status, step, test.getUniqueId(), method, title(test), message);
        write(line.format(), StandardOpenOption.APPEND);
    }

    /** The display name, prefixed by the test method's when this is one invocation of a parameterized test. */
    private String title(TestIdentifier test) {
        Optional<TestIdentifier> parent = plan.getParent(test);
        if (parent.isPresent() && parent.get().getSource().filter(MethodSource.class::isInstance).isPresent()) {
            return parent.get().getDisplayName() + ResultLine.INVOCATION_SEPARATOR + test.getDisplayName();
        }
        return test.getDisplayName();
    }

    private Optional<StepId> stepOf(TestIdentifier test) {
        for (Optional<TestIdentifier> t = Optional.of(test); t.isPresent(); t = plan.getParent(t.get())) {
            Optional<StepId> id = StepId.ofDisplayName(t.get().getDisplayName());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getName();
        }
        return t instanceof AssertionError || t instanceof UnsupportedOperationException
                ? message.strip()
                : t.getClass().getSimpleName() + ": " + message.strip();
    }

    private synchronized void write(String line, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, mode, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the kata result in " + file, e);
        }
    }
}
