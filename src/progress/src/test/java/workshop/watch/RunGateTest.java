package workshop.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The gate watch mode closes to stop a run between two tests, found the way watch mode's runs find it. */
class RunGateTest {

    /** Run by the tests below, never on its own (Surefire leaves nested classes alone). */
    static class Sample {
        @Test
        void passes() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }

    @Test
    void anOpenRunRunsItsTests() {
        String run = RunGate.open();
        try {
            TestExecutionSummary summary = run(run, true);
            assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        } finally {
            RunGate.close(run);
        }
    }

    @Test
    void aClosedRunSkipsWhatHasNotStarted() {
        String run = RunGate.open();
        RunGate.close(run);
        TestExecutionSummary summary = run(run, true);
        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getContainersSkippedCount() + summary.getTestsSkippedCount()).isPositive();
    }

    @Test
    void withoutAutoDetectionAsInMavenTheGateIsNotThere() {
        String run = RunGate.open();
        RunGate.close(run);
        assertThat(run(run, false).getTestsSucceededCount()).isEqualTo(1);
    }

    private static TestExecutionSummary run(String gate, boolean autoDetection) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Sample.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", String.valueOf(autoDetection))
                .configurationParameter("junit.jupiter.extensions.autodetection.include", RunGate.class.getName())
                .configurationParameter(RunGate.RUN, gate)
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }
}
