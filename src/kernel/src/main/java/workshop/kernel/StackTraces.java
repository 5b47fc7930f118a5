package workshop.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/** Turns an exception thrown by cell code into lines a learner can read, without kernel internals. */
final class StackTraces {

    private static final int MAX_FRAMES = 12;
    private static final Pattern WRAPPER_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?");
    private static final List<String> HIDDEN_PREFIXES = List.of(
            "workshop.kernel.", "jdk.jshell.", "jdk.internal.", "java.lang.reflect.", "sun.reflect.",
            "java.lang.Thread.", "java.util.concurrent.FutureTask");

    private StackTraces() {
    }

    static workshop.kernel.EvalException toEvalException(JShellException exception) {
        String headline = headline(exception);
        List<String> lines = new ArrayList<>();
        Throwable current = exception;
        boolean first = true;
        while (current != null) {
            lines.add((first ? "" : "Caused by: ") + headline(current));
            appendFrames(current.getStackTrace(), lines);
            current = current.getCause() == current ? null : current.getCause();
            first = false;
        }
        return new workshop.kernel.EvalException(headline, lines);
    }

    private static String headline(Throwable throwable) {
        String type = throwable instanceof EvalException
                ? ((EvalException) throwable).getExceptionClassName()
                : throwable.getClass().getName();
        String message = throwable.getMessage();
        return message == null ? type : type + ": " + message;
    }

    private static void appendFrames(StackTraceElement[] frames, List<String> lines) {
        int shown = 0;
        int hidden = 0;
        for (StackTraceElement frame : frames) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (HIDDEN_PREFIXES.stream().anyMatch(where::startsWith)) {
                continue;
            }
            if (shown == MAX_FRAMES) {
                hidden++;
                continue;
            }
            lines.add("    at " + describe(frame));
            shown++;
        }
        if (hidden > 0) {
            lines.add("    ... " + hidden + " more");
        }
    }

    private static String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String owner = WRAPPER_CLASS.matcher(frame.getClassName()).replaceFirst("");
            String method = frame.getMethodName().equals("do_it$") ? "" : frame.getMethodName();
            String name = owner.isEmpty() ? method : (method.isEmpty() ? owner : owner + "." + method);
            return (name.isEmpty() ? "cell" : name) + " (snippet " + file + ", line " + frame.getLineNumber() + ")";
        }
        return frame.toString();
    }
}
