package workshop.katasupport;

import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs only the steps named by the {@code kata.step} system property (set from {@code -Dstep=C3}).
 * A test belongs to the step named at the start of its own or an enclosing display name.
 */
public final class StepFilter implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String filter = System.getProperty("kata.step", "");
        // A parameterized test is a container at discovery time (its invocations come later): filter it too.
        boolean testMethod = descriptor.isTest() || descriptor.getSource().filter(MethodSource.class::isInstance).isPresent();
        if (filter.isBlank() || !testMethod) {
            return FilterResult.included("no step filter");
        }
        Optional<StepId> step = stepOf(descriptor);
        if (step.isPresent() && step.get().isSelectedBy(filter)) {
            return FilterResult.included("step " + step.get() + " is selected by -Dstep=" + filter);
        }
        return FilterResult.excluded("not selected by -Dstep=" + filter);
    }

    static Optional<StepId> stepOf(TestDescriptor descriptor) {
        for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            Optional<StepId> id = StepId.ofDisplayName(d.get().getDisplayName());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }
}
