package workshop.katasupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a call must throw, with a failure message a learner reads top-down: the verdict first ("your code did not
 * throw", "your code threw the wrong exception", …), then the {@code expected:} / {@code but was:} lines, then why the
 * rule exists, then any further sections (such as the token under test). The progress table shows only a message's
 * first lines, so the useful ones come first.
 *
 * <pre>
 * TokenRejected e = ExpectThrow.of(TokenRejected.class).as("TokenRejected(BAD_SIGNATURE)")
 *         .where(r -&gt; r.reason() == BAD_SIGNATURE ? null : "TokenRejected(" + r.reason() + ")")
 *         .because("the payload was edited after signing")
 *         .from(() -&gt; verifier.verify(token));
 * </pre>
 *
 * <p>An {@link UnsupportedOperationException} (a starter method not written yet) is passed on as it is, unless it is
 * the expected type: its message names the step to work on.
 */
public final class ExpectThrow<T extends Throwable> {

    /** A call that returns a value (shown when it should have thrown). */
    @FunctionalInterface
    public interface Call {
        Object call() throws Throwable;
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface Run {
        void run() throws Throwable;
    }

    /** The most characters of a returned value or an exception message a failure shows. */
    static final int MAX_SHOWN = 300;

    private final Class<T> type;
    private String expected;
    private String what = "";
    private Function<? super T, String> mismatch = thrown -> null;
    private String why = "";
    private final List<Supplier<String>> sections = new ArrayList<>();

    private ExpectThrow(Class<T> type) {
        this.type = Objects.requireNonNull(type);
        this.expected = type.getSimpleName();
    }

    /** Expects an exception of {@code type} (or a subclass). */
    public static <T extends Throwable> ExpectThrow<T> of(Class<T> type) {
        return new ExpectThrow<>(type);
    }

    /**
     * The short form: {@code call} (written {@code what} in the message) must throw {@code type}, because {@code why}.
     * Returns what it threw.
     */
    public static <T extends Throwable> T expect(Class<T> type, String what, Call call, String why) {
        return of(type).calling(what).because(why).from(call);
    }

    /** How the expected outcome is named in the message, e.g. {@code TokenRejected(BAD_SIGNATURE)}; default: the type's name. */
    public ExpectThrow<T> as(String expected) {
        this.expected = Objects.requireNonNull(expected);
        return this;
    }

    /** The call as a learner would write it, e.g. {@code new SessionStore(clock, idle 0, absolute 8 h)}, named in the verdict. */
    public ExpectThrow<T> calling(String what) {
        this.what = what == null ? "" : " in " + what.strip();
        return this;
    }

    /**
     * A further check on the thrown exception: {@code null} if it is the right one, otherwise how to name what was
     * thrown instead (the "but was" line), e.g. {@code TokenRejected(MALFORMED)}.
     */
    public ExpectThrow<T> where(Function<? super T, String> mismatch) {
        this.mismatch = Objects.requireNonNull(mismatch);
        return this;
    }

    /** Why the rule exists (a sentence a learner can act on, with its source); shown after the expected / but was lines. */
    public ExpectThrow<T> because(String why) {
        this.why = why == null ? "" : why.strip();
        return this;
    }

    /** A further section shown last, e.g. the token under test as an inspector decodes it. */
    public ExpectThrow<T> showing(String section) {
        return showing(() -> section);
    }

    /** A further section, computed only if the expectation fails, after the call: it can show what the call did. */
    public ExpectThrow<T> showing(Supplier<String> section) {
        sections.add(Objects.requireNonNull(section));
        return this;
    }

    /** Runs {@code call} and returns what it threw, if that is the expected exception; otherwise fails with the message. */
    public T from(Call call) {
        Object result;
        try {
            result = call.call();
        } catch (Throwable thrown) {
            return check(thrown);
        }
        throw new AssertionError(message("your code did not throw" + what + ": expected " + expected,
                "no exception — it returned " + OneLine.value(result), null));
    }

    /** Runs {@code run} and returns what it threw, if that is the expected exception; otherwise fails with the message. */
    public T from(Run run) {
        try {
            run.run();
        } catch (Throwable thrown) {
            return check(thrown);
        }
        throw new AssertionError(message("your code did not throw" + what + ": expected " + expected,
                "no exception — it returned normally", null));
    }

    private T check(Throwable thrown) {
        if (!type.isInstance(thrown)) {
            if (thrown instanceof UnsupportedOperationException notYet) {
                throw notYet;
            }
            if (thrown instanceof AssertionError failed) {
                throw failed;
            }
            AssertionError failure = new AssertionError(message("your code threw the wrong exception" + what + ": expected " + expected,
                    name(thrown) + where(thrown), "your code said: " + shorten(String.valueOf(thrown.getMessage()))));
            failure.initCause(thrown);
            throw failure;
        }
        T right = type.cast(thrown);
        String instead = mismatch.apply(right);
        if (instead != null) {
            AssertionError failure = new AssertionError(message("your code threw " + instead + ", not " + expected,
                    instead, "your code said: " + shorten(String.valueOf(thrown.getMessage()))));
            failure.initCause(thrown);
            throw failure;
        }
        return right;
    }

    private String message(String verdict, String butWas, String said) {
        StringBuilder out = new StringBuilder(verdict).append('\n');
        out.append("  expected: ").append(expected).append('\n');
        out.append("  but was:  ").append(butWas);
        if (said != null) {
            out.append('\n').append("  ").append(said);
        }
        if (!why.isEmpty()) {
            out.append('\n').append(why);
        }
        for (Supplier<String> section : sections) {
            String text = section.get();
            if (text != null && !text.isBlank()) {
                out.append('\n').append(text.stripTrailing());
            }
        }
        return out.toString();
    }

    /** {@code SimpleName} of a throwable, with its message on the next lines of the report. */
    private static String name(Throwable thrown) {
        return thrown.getClass().getSimpleName().isEmpty() ? thrown.getClass().getName() : thrown.getClass().getSimpleName();
    }

    /** Where the throwable came from: its first frame outside the JDK, e.g. " (at workshop.jwt.Json.object(Json.java:21))". */
    static String where(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String c = frame.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun."))) {
                return " (at " + frame + ")";
            }
        }
        return "";
    }

    static String shorten(String text) {
        return OneLine.text(text, MAX_SHOWN);
    }
}
