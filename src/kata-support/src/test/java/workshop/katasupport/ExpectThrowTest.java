package workshop.katasupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectThrowTest {

    /** A typed refusal with a reason, like the katas' own exceptions. */
    static final class Refused extends RuntimeException {
        final String reason;

        Refused(String reason, String message) {
            super(reason + ": " + message);
            this.reason = reason;
        }
    }

    private static ExpectThrow<Refused> badSignature() {
        return ExpectThrow.of(Refused.class).as("Refused(BAD_SIGNATURE)")
                .where(r -> r.reason.equals("BAD_SIGNATURE") ? null : "Refused(" + r.reason + ")")
                .because("the payload was edited after signing (RFC 7515 5.2)")
                .showing("token under test:\n  header {\"alg\":\"HS256\"}");
    }

    private static List<String> lines(Throwable failure) {
        return failure.getMessage().lines().toList();
    }

    @Test
    void theRightExceptionIsReturned() {
        Refused refused = badSignature().from(() -> {
            throw new Refused("BAD_SIGNATURE", "no match");
        });
        assertThat(refused.reason).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void noExceptionSaysYourCodeDidNotThrowAndShowsWhatItReturned() {
        Throwable failure = catchThrowable(() -> badSignature().from(() -> Map.of("sub", "admin")));
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(lines(failure)).startsWith(
                "your code did not throw: expected Refused(BAD_SIGNATURE)",
                "  expected: Refused(BAD_SIGNATURE)",
                "  but was:  no exception — it returned {sub=admin}",
                "the payload was edited after signing (RFC 7515 5.2)",
                "token under test:");
        assertThat(failure.getMessage()).doesNotContain("Expecting actual not to be null");
    }

    @Test
    void aVoidCallThatReturnsSaysSo() {
        Throwable failure = catchThrowable(() -> ExpectThrow.of(IllegalArgumentException.class).from(() -> { }));
        assertThat(lines(failure)).startsWith("your code did not throw: expected IllegalArgumentException",
                "  expected: IllegalArgumentException", "  but was:  no exception — it returned normally");
    }

    @Test
    void theWrongTypeIsNamedWithWhereItCameFromAndWhatItSaid() {
        Throwable failure = catchThrowable(() -> badSignature().from(() -> Integer.parseInt("x")));
        assertThat(lines(failure).get(0)).isEqualTo("your code threw the wrong exception: expected Refused(BAD_SIGNATURE)");
        assertThat(lines(failure).get(1)).isEqualTo("  expected: Refused(BAD_SIGNATURE)");
        assertThat(lines(failure).get(2)).startsWith("  but was:  NumberFormatException (at ");
        assertThat(lines(failure).get(3)).isEqualTo("  your code said: For input string: \"x\"");
        assertThat(failure.getCause()).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theRightTypeWithTheWrongDetailNamesBoth() {
        Throwable failure = catchThrowable(() -> badSignature().from(() -> {
            throw new Refused("MALFORMED", "the header is not JSON");
        }));
        assertThat(lines(failure)).startsWith(
                "your code threw Refused(MALFORMED), not Refused(BAD_SIGNATURE)",
                "  expected: Refused(BAD_SIGNATURE)",
                "  but was:  Refused(MALFORMED)",
                "  your code said: MALFORMED: the header is not JSON",
                "the payload was edited after signing (RFC 7515 5.2)");
    }

    @Test
    void aStarterThatIsNotWrittenYetIsPassedOnAsItIs() {
        UnsupportedOperationException notYet = new UnsupportedOperationException("J6 · verify by hand — see notebooks/03-jwt.ipynb, J6");
        Throwable thrown = catchThrowable(() -> badSignature().from(() -> {
            throw notYet;
        }));
        assertThat(thrown).isSameAs(notYet);
    }

    @Test
    void aLateSectionIsComputedAfterTheCall() {
        List<String> sent = new java.util.ArrayList<>();
        Throwable failure = catchThrowable(() -> ExpectThrow.of(IllegalStateException.class)
                .showing(() -> "requests: " + sent)
                .from(() -> sent.add("POST /token")));
        assertThat(failure.getMessage()).endsWith("requests: [POST /token]");
    }

    @Test
    void theShortFormNamesTheCallAndHandsBackWhatWasThrown() {
        IllegalArgumentException e = ExpectThrow.expect(IllegalArgumentException.class, "check(\"a;b\")", () -> {
            throw new IllegalArgumentException("no ';' in a cookie value");
        }, "a ';' would start an attribute");
        assertThat(e).hasMessage("no ';' in a cookie value");
        assertThat(ExpectThrow.expect(IllegalArgumentException.class, "parse", () -> Long.parseLong("x"), ""))
                .as("a subtype of the expected exception counts").isInstanceOf(NumberFormatException.class);

        Throwable failure = catchThrowable(() -> ExpectThrow.expect(IllegalStateException.class,
                "cookie(\"widget\", \"1\").sameSite(NONE).build()", () -> "widget=1; SameSite=None",
                "browsers drop SameSite=None without Secure (RFC 6265bis 5.7)"));
        assertThat(failure.getMessage()).startsWith(
                "your code did not throw in cookie(\"widget\", \"1\").sameSite(NONE).build(): expected IllegalStateException\n"
                        + "  expected: IllegalStateException\n"
                        + "  but was:  no exception — it returned \"widget=1; SameSite=None\"\n"
                        + "browsers drop SameSite=None without Secure");
        assertThat(catchThrowable(() -> ExpectThrow.expect(IllegalStateException.class, "new Store()", Object::new, "")))
                .hasMessageContaining("it returned an Object");
    }

    @Test
    void anAssertionOrANotYetWrittenStepFromInsideTheCallPassesThrough() {
        AssertionError inner = new AssertionError("C1 first: could not parse");
        assertThat(catchThrowable(() -> ExpectThrow.expect(IllegalStateException.class, "x", () -> {
            throw inner;
        }, ""))).isSameAs(inner);
        UnsupportedOperationException notYet = new UnsupportedOperationException("C16 · refuse insecure cookies");
        assertThat(catchThrowable(() -> ExpectThrow.expect(IllegalStateException.class, "build()", () -> {
            throw notYet;
        }, ""))).isSameAs(notYet);
    }

    @Test
    void longReturnedValuesAreCut() {
        Throwable failure = catchThrowable(() -> ExpectThrow.of(IllegalStateException.class).from(() -> "x".repeat(1000)));
        assertThat(failure.getMessage()).contains("…(1000 chars)").hasSizeLessThan(ExpectThrow.MAX_SHOWN + 200);
    }
}
