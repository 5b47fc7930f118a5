package workshop.katasupport;

import java.util.function.Supplier;

/**
 * Runs a test's checks and puts the explanation AFTER the failure's own first lines. An assertion library puts a
 * description first ({@code [why] expected: … but was: …}); a long "why" and a token dump would then push the
 * expected / but was lines out of the progress table, which shows only a message's first lines. So the checks
 * carry a one-line verdict, and the why and further sections (e.g. the token under test) are appended here.
 *
 * <p>If the checks throw something other than an assertion failure (the learner's code refused a good input, or
 * crashed), the message says so in the same order. An {@link UnsupportedOperationException} (a starter method not
 * written yet) is passed on as it is: its message names the step to work on.
 */
public final class Explained {

    /** The checks: assertions, and the calls they need. */
    @FunctionalInterface
    public interface Checks {
        void run() throws Throwable;
    }

    private Explained() {
    }

    /** Runs {@code checks}; a failure gets {@code why} and then each of {@code sections} appended. */
    public static void run(String why, Checks checks, String... sections) {
        run(why, checks, () -> String.join("\n", sections));
    }

    /**
     * Runs {@code checks}; a failure gets {@code why} and then the section {@code after} gives appended. {@code after}
     * runs only on failure, after the checks: it can show what they did (e.g. the requests a server received).
     */
    public static void run(String why, Checks checks, Supplier<String> after) {
        try {
            checks.run();
        } catch (UnsupportedOperationException notYet) {
            throw notYet;
        } catch (AssertionError failure) {
            throw withCause(new AssertionError(failure.getMessage() + tail(why, after.get())), failure);
        } catch (Throwable thrown) {
            String verdict = "your code threw " + thrown.getClass().getSimpleName() + ", expected no exception here\n"
                    + "  expected: no exception\n"
                    + "  but was:  " + thrown.getClass().getSimpleName() + ExpectThrow.where(thrown) + "\n"
                    + "  your code said: " + ExpectThrow.shorten(String.valueOf(thrown.getMessage()));
            throw withCause(new AssertionError(verdict + tail(why, after.get())), thrown);
        }
    }

    private static String tail(String why, String sections) {
        StringBuilder out = new StringBuilder();
        if (why != null && !why.isBlank()) {
            out.append('\n').append(why.strip());
        }
        if (sections != null && !sections.isBlank()) {
            out.append('\n').append(sections.strip());
        }
        return out.toString();
    }

    private static AssertionError withCause(AssertionError error, Throwable cause) {
        error.initCause(cause);
        return error;
    }
}
