package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainedTest {

    private static List<String> lines(Throwable failure) {
        return failure.getMessage().lines().toList();
    }

    @Test
    void passingChecksPassQuietly() {
        assertThatCode(() -> Explained.run("why", () -> assertThat(1 + 1).isEqualTo(2), "dump")).doesNotThrowAnyException();
    }

    @Test
    void theVerdictAndExpectedLinesComeFirstThenWhyThenTheSections() {
        Throwable failure = catchThrowable(() -> Explained.run("RFC 7519 4.1.2: sub says whom the token is about",
                () -> assertThat("bob").as("verify(token).subject()").isEqualTo("alice"),
                "token under test:\n  payload {\"sub\":\"alice\"}"));
        List<String> lines = lines(failure);
        assertThat(lines.get(0)).startsWith("[verify(token).subject()]");
        assertThat(failure.getMessage()).containsSubsequence("expected: \"alice\"", "but was: \"bob\"",
                "RFC 7519 4.1.2: sub says whom the token is about", "token under test:", "payload {\"sub\":\"alice\"}");
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    }

    @Test
    void anExceptionFromTheCodeUnderTestIsAVerdictToo() {
        Throwable failure = catchThrowable(() -> Explained.run("a good token is accepted", () -> {
            throw new IllegalStateException("WRONG_TYPE: typ is missing");
        }, "token under test: …"));
        assertThat(lines(failure)).startsWith(
                "your code threw IllegalStateException, expected no exception here",
                "  expected: no exception");
        assertThat(lines(failure).get(2)).startsWith("  but was:  IllegalStateException (at ");
        assertThat(lines(failure).subList(3, 6)).containsExactly("  your code said: WRONG_TYPE: typ is missing",
                "a good token is accepted", "token under test: …");
    }

    @Test
    void aLateSectionShowsWhatTheChecksDid() {
        List<String> requests = new java.util.ArrayList<>();
        Throwable failure = catchThrowable(() -> Explained.run("fetch once", () -> {
            requests.add("GET /jwks.json");
            requests.add("GET /jwks.json");
            assertThat(requests).as("JWKS fetches").hasSize(1);
        }, () -> "requests: " + requests));
        assertThat(failure.getMessage()).endsWith("fetch once\nrequests: [GET /jwks.json, GET /jwks.json]");
    }

    @Test
    void aStarterThatIsNotWrittenYetIsPassedOnAsItIs() {
        UnsupportedOperationException notYet = new UnsupportedOperationException("J2 · decode — see notebooks/03-jwt.ipynb, J2");
        assertThat(catchThrowable(() -> Explained.run("why", () -> {
            throw notYet;
        }))).isSameAs(notYet);
    }
}
