package workshop.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates Java source with an in-process JShell, snippet by snippet, keeping declarations
 * between calls. Not thread-safe: one cell at a time, as Jupyter sends them.
 */
public final class JShellEvaluator implements AutoCloseable {

    private final JShell shell;
    private final CapturingExecutionControlProvider provider = new CapturingExecutionControlProvider();
    private final EvaluationMode mode;
    private volatile boolean stopRequested;

    /**
     * @param compilerOptions extra javac options (from {@code IJAVA_COMPILER_OPTS})
     */
    public JShellEvaluator(List<String> compilerOptions) {
        this(compilerOptions, EvaluationMode.KIT);
    }

    /**
     * @param compilerOptions extra javac options (from {@code IJAVA_COMPILER_OPTS})
     * @param mode whether snippets are stripped (the kit) or handed over as IJava does
     */
    public JShellEvaluator(List<String> compilerOptions, EvaluationMode mode) {
        this.mode = mode;
        this.shell = JShell.builder()
                .executionEngine(provider, null)
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        // Makes the notebook helpers (display, render, ...) visible to the compiler.
        addToClasspath(KernelFiles.kernelCodeLocation());
    }

    /** @param path a jar or class folder to add for both compiling and running cells */
    public void addToClasspath(Path path) {
        shell.addToClasspath(path.toAbsolutePath().toString());
    }

    /** Asks the running snippet to stop; the current {@link #eval} then fails with an interrupt. */
    public void stop() {
        stopRequested = true;
        shell.stop();
    }

    /** Forgets an earlier stop request, before a new cell starts. */
    public void clearStop() {
        stopRequested = false;
        provider.control().clearStop();
    }

    /**
     * Evaluates every snippet of {@code code} in order and stops at the first failure.
     *
     * @param code Java source, possibly several statements and declarations
     * @param firstLine the cell line {@code code} starts on (1-based), for error messages
     * @return the value of the last snippet if it is an expression
     * @throws CellException when a snippet does not compile, throws, or the source is unfinished
     */
    public CellResult eval(String code, int firstLine) throws CellException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        CellResult last = CellResult.NONE;
        String remaining = code;
        try {
            while (!remaining.isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                Completeness completeness = info.completeness();
                if (completeness == Completeness.EMPTY) {
                    break;
                }
                if (completeness == Completeness.DEFINITELY_INCOMPLETE
                        || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                    throw new IncompleteSourceException(remaining.strip());
                }
                int consumed = code.length() - remaining.length();
                String source;
                int snippetLine;
                if (mode == EvaluationMode.IJAVA) {
                    // IJava's CodeEvaluator passes analyzeCompletion's source as it is, leading
                    // newlines and all; error lines then count from the source's first character.
                    source = ExitGuardRewriter.rewrite(info.source());
                    snippetLine = firstLine + countLines(code, consumed);
                } else {
                    // Pitfall: leading newlines make JShell recompile earlier snippets and reset variables.
                    source = ExitGuardRewriter.rewrite(info.source().strip());
                    snippetLine = firstLine + countLines(code, consumed + leadingWhitespace(remaining));
                }
                remaining = info.remaining();
                checkStop();
                last = evalSnippet(source, snippetLine);
                checkStop();
            }
            return last;
        } finally {
            provider.control().forgetValues();
        }
    }

    private void checkStop() throws CellInterruptedException {
        if (stopRequested) {
            throw new CellInterruptedException("Interrupted: the cell was stopped; the rest of the cell did not run.");
        }
    }

    private CellResult evalSnippet(String source, int line) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        checkStop();
        CellResult result = CellResult.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            switch (event.status()) {
                case REJECTED:
                    throw compilationError(snippet, line);
                case RECOVERABLE_NOT_DEFINED:
                    throw unresolved(snippet, line);
                default:
                    break;
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
            if (isExpression(snippet)) {
                result = CellResult.of(provider.control().takeValue(event.value()));
            }
        }
        return result;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet instanceof ExpressionSnippet
                || (snippet instanceof VarSnippet
                        && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private CompilationException compilationError(Snippet snippet, int line) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            diags = shell.diagnostics(snippet).collect(Collectors.toList());
        }
        String source = snippet.source();
        List<String> lines = new ArrayList<>();
        String first = "The code does not compile.";
        for (Diag diag : diags) {
            // JShell's wrapper classes have no name a learner would recognise.
            String message = diag.getMessage(Locale.ENGLISH).replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
            if (lines.isEmpty()) {
                first = message.lines().findFirst().orElse(message);
            }
            int position = (int) Math.max(0, Math.min(source.length(), diag.getStartPosition()));
            int lineInSnippet = countLines(source, position);
            lines.add("Cell line " + (line + lineInSnippet) + ": " + message.replace("\n", "\n    "));
            lines.addAll(pointAt(source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
        }
        if (lines.isEmpty()) {
            lines.add("The code does not compile: " + source);
        }
        return new CompilationException(first, lines);
    }

    private CompilationException unresolved(Snippet snippet, int line) {
        Set<String> names = new LinkedHashSet<>();
        if (snippet instanceof jdk.jshell.DeclarationSnippet) {
            shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).forEach(names::add);
        }
        String message = names.isEmpty()
                ? "This declaration depends on something that is not declared yet."
                : "Cannot find " + String.join(", ", names) + " (declare it first, or add its jar with %jars).";
        int declarationLine = line + countLines(snippet.source(), leadingWhitespace(snippet.source()));
        return new CompilationException(message,
                List.of("Cell line " + declarationLine + ": " + message, "    " + firstLineOf(snippet.source())));
    }

    private static EvalException runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException unresolved = (UnresolvedReferenceException) exception;
            String message = "Cannot run '" + firstLineOf(unresolved.getSnippet().source())
                    + "': it uses something that is not declared yet.";
            return new EvalException(message, List.of(message));
        }
        return StackTraces.toEvalException(exception);
    }

    /**
     * Suggests completions at {@code cursor}.
     *
     * @param code the cell text, magic lines blanked out
     * @param cursor the caret position in {@code code}
     * @return the suggestions and the range of {@code code} they replace
     */
    public Completions complete(String code, int cursor) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int start = snippetStart(analysis, code, cursor);
        int[] anchor = new int[1];
        List<String> names = analysis.completionSuggestions(code.substring(start), cursor - start, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completions(names, start + anchor[0], cursor);
    }

    /**
     * Finds documentation for the code at {@code cursor}.
     *
     * @param code the cell text
     * @param cursor the caret position
     * @return signatures and Javadoc, possibly empty
     */
    public String documentation(String code, int cursor) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int start = snippetStart(analysis, code, cursor);
        return analysis.documentation(code.substring(start), cursor - start, true).stream()
                .map(doc -> doc.signature() + (doc.javadoc() == null ? "" : "\n" + doc.javadoc()))
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * @param code the cell text, magic lines blanked out
     * @return the JShell completeness of the whole text
     */
    public Completeness completeness(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() != Completeness.COMPLETE && info.completeness() != Completeness.COMPLETE_WITH_SEMI) {
                return remaining.isBlank() ? Completeness.COMPLETE : info.completeness();
            }
            remaining = info.remaining();
            if (remaining.isBlank()) {
                return Completeness.COMPLETE;
            }
        }
    }

    private static int snippetStart(SourceCodeAnalysis analysis, String code, int cursor) {
        int start = 0;
        while (start < cursor) {
            String rest = code.substring(start, cursor);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            boolean complete = info.completeness() == Completeness.COMPLETE
                    || info.completeness() == Completeness.COMPLETE_WITH_SEMI;
            if (!complete || info.remaining().isBlank()) {
                break;
            }
            start += rest.length() - info.remaining().length();
        }
        while (start < cursor && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        return start;
    }

    private static List<String> pointAt(String source, int start, int end) {
        if (start < 0 || start > source.length()) {
            return List.of();
        }
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String text = source.substring(lineStart, lineEnd);
        int width = Math.max(1, Math.min(lineEnd, Math.max(end, start + 1)) - start);
        return List.of("    " + text, "    " + " ".repeat(start - lineStart) + "^".repeat(width));
    }

    private static String firstLineOf(String source) {
        return source.lines().findFirst().orElse("").strip();
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int countLines(String text, int end) {
        int lines = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Override
    public void close() {
        shell.close();
    }

    /**
     * Completion candidates.
     *
     * @param names the texts that may replace the range
     * @param start the first replaced character
     * @param end the end of the replaced range (the cursor)
     */
    public record Completions(List<String> names, int start, int end) {
    }
}
