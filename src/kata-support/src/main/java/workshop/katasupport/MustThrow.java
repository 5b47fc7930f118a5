package workshop.katasupport;

/**
 * For kata tests that expect the learner's code to refuse something with an exception. Unlike
 * AssertJ's {@code assertThatThrownBy}, a failure is one sentence a learner can act on — "your code
 * did not throw" with the value it returned, or the exception it threw instead — and never a stack
 * trace.
 *
 * <pre>{@code
 * InsecureCookieException e = MustThrow.expect(InsecureCookieException.class,
 *         "cookie(\"widget\", \"1\").sameSite(NONE).build()",
 *         () -> SetCookieBuilder.cookie("widget", "1").sameSite(SameSite.NONE).build(),
 *         "browsers drop SameSite=None without Secure (RFC 6265bis 5.7)");
 * }</pre>
 */
public final class MustThrow {

    /** The learner's code under test; it may return a value (shown when it should have thrown). */
    @FunctionalInterface
    public interface Call {
        Object call() throws Throwable;
    }

    private MustThrow() {
    }

    /**
     * Runs {@code call} and returns what it threw if that is an {@code expected} (or a subtype).
     * Otherwise throws an {@link AssertionError} whose one-line message starts with
     * {@code your code did not throw: <what> returned <value>, expected <Expected>} or
     * {@code your code threw <Other> ("<its message>") in <what>, expected <Expected>}, followed by
     * {@code why}. An {@link AssertionError} from inside {@code call} passes through unchanged.
     *
     * @param expected the exception type the learner's code must throw
     * @param what     the call as a learner would write it, e.g. {@code SessionCookies.sessionCookie("a;b")}
     * @param call     the call itself
     * @param why      the rule and its source, ending the message (may be empty)
     */
    public static <T extends Throwable> T expect(Class<T> expected, String what, Call call, String why) {
        Object returned;
        try {
            returned = call.call();
        } catch (Throwable thrown) {
            if (expected.isInstance(thrown)) {
                return expected.cast(thrown);
            }
            if (thrown instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError("your code threw " + OneLine.exception(thrown) + " in " + what + ", expected "
                    + expected.getSimpleName() + ending(why));
        }
        throw new AssertionError("your code did not throw: " + what + " returned " + OneLine.value(returned)
                + ", expected " + expected.getSimpleName() + ending(why));
    }

    private static String ending(String why) {
        if (why == null || why.isBlank()) {
            return ".";
        }
        String sentence = why.strip();
        return ". " + Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1)
                + (sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?") ? "" : ".");
    }
}
