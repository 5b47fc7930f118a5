package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepIdTest {

    @Test
    void readsTheStepIdAtTheStartOfADisplayName() {
        assertThat(StepId.ofDisplayName("C3 · domain matching")).contains(new StepId("C3"));
        assertThat(StepId.ofDisplayName("  J12 ·  exp equal to now is expired")).contains(new StepId("J12"));
    }

    @Test
    void aDisplayNameWithoutStepIdHasNone() {
        assertThat(StepId.ofDisplayName("parses cookies")).isEmpty();
        assertThat(StepId.ofDisplayName("C3 domain matching")).as("the separator is required").isEmpty();
        assertThat(StepId.ofDisplayName(null)).isEmpty();
    }

    @Test
    void aFilterSelectsAModuleOrExactSteps() {
        StepId c3 = new StepId("C3");
        assertThat(c3.isSelectedBy("")).isTrue();
        assertThat(c3.isSelectedBy("C")).isTrue();
        assertThat(c3.isSelectedBy("c3")).isTrue();
        assertThat(c3.isSelectedBy("C1,C3")).isTrue();
        assertThat(c3.isSelectedBy("C31")).as("C31 is another step").isFalse();
        assertThat(new StepId("C31").isSelectedBy("C3")).as("C3 must not select C31").isFalse();
        assertThat(c3.isSelectedBy("S")).isFalse();
    }
}
