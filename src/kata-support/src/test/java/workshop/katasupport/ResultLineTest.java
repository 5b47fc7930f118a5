package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void aLineSurvivesTabsNewlinesAndBackslashes() {
        ResultLine line = new ResultLine(ResultLine.Status.FAILED, "C3", "[engine:x]/[method:y()]", "a.B#y",
                "C3 · a\ttab", "expected:\n  \"a\\b\"\r\nbut was: \\t");
        assertThat(ResultLine.parse(line.format())).isEqualTo(line);
        assertThat(line.format()).doesNotContain("\n");
    }

    @Test
    void theHeaderCarriesTheStepFilter() {
        String header = ResultLine.header("C3,C4");
        assertThat(ResultLine.stepFilterOf(header)).isEqualTo("C3,C4");
        assertThat(ResultLine.parseAll(List.of(header))).isEmpty();
        assertThat(ResultLine.stepFilterOf("PASSED\tC1")).isNull();
    }

    @Test
    void aDamagedLineIsReportedClearly() {
        assertThatThrownBy(() -> ResultLine.parse("PASSED\tC1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 tab-separated fields");
    }
}
