package workshop.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import workshop.kernel.runtime.NotebookBridge;
import workshop.kernel.runtime.NotebookFunctions;

/**
 * The Jupyter kernel: basekernel speaks the wire protocol, a {@link NotebookSession} runs the
 * cells, each on its own thread via {@link CellThreads}.
 */
public final class JavaKernel extends BaseKernel implements NotebookBridge {

    private static final String RED = "\u001b[31;1m";
    private static final String RESET = "\u001b[0m";

    private final KernelSettings settings;
    private final CompletableFuture<NotebookSession> session;
    private final CellThreads cells;

    /**
     * Starts JShell in the background so the kernel answers Jupyter's first messages at once.
     *
     * @param settings the kernel settings
     * @param workingDirectory the notebook's folder
     */
    public JavaKernel(KernelSettings settings, Path workingDirectory) {
        super(StandardCharsets.UTF_8);
        this.settings = settings;
        Text.registerAll(renderer);
        Image.registerAll(renderer);
        NotebookFunctions.install(this);
        this.session = CompletableFuture.supplyAsync(() -> {
            try {
                return new NotebookSession(settings, workingDirectory);
            } catch (CellException e) {
                throw new StartupFailure(e);
            }
        });
        this.cells = new CellThreads(() -> session.thenAccept(NotebookSession::stop));
    }

    private NotebookSession session() throws Exception {
        try {
            return session.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof StartupFailure ? e.getCause().getCause() : e.getCause();
            throw cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "java", "script");
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (workshop kernel, IJava-compatible"
                + (settings.mode() == EvaluationMode.IJAVA ? "; IJava 1.3 snippet semantics" : "") + ")";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        NotebookSession notebook = session();
        notebook.clearStop();
        PrintStream out = System.out;
        PrintStream err = System.err;
        OutputLimit limit = new OutputLimit(settings.maxOutputBytes());
        System.setOut(limit.wrap(out));
        System.setErr(limit.wrap(err));
        try {
            CellResult result = cells.run(() -> notebook.run(code), settings.timeout());
            return result.hasValue() ? display(result.value()) : null;
        } finally {
            limit.close();
            System.setOut(out);
            System.setErr(err);
        }
    }

    private DisplayData display(Object value) {
        if (value == null) {
            return new DisplayData("null");
        }
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        DisplayData data = renderer.render(value);
        Object text = data.getData(Text.PLAIN);
        long max = settings.maxOutputBytes();
        // A huge value (e.g. a 10 MB string) would freeze the browser just like huge printed output.
        if (text instanceof String && ((String) text).length() > max) {
            data.putText(((String) text).substring(0, (int) max) + "\n[value truncated: its text is "
                    + ((String) text).length() + " characters; showing the first " + max + ".]");
        }
        return data;
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        JShellEvaluator.Completions completions = session().evaluator().complete(CellParser.blankMagics(code), at);
        return completions.names().isEmpty() ? null
                : new ReplacementOptions(completions.names(), completions.start(), completions.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        String documentation = session().evaluator().documentation(CellParser.blankMagics(code), at);
        return documentation.isBlank() ? null : new DisplayData(documentation);
    }

    @Override
    public String isComplete(String code) {
        try {
            Completeness completeness = session().evaluator().completeness(CellParser.blankMagics(code));
            switch (completeness) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                case EMPTY:
                    return IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                default:
                    return IS_COMPLETE_BAD;
            }
        } catch (Exception e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public void interrupt() {
        cells.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        cells.interrupt();
        session.thenAccept(NotebookSession::close);
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException) {
            List<String> lines = new ArrayList<>(((CellException) e).traceback());
            if (!lines.isEmpty()) {
                lines.set(0, RED + lines.get(0) + RESET);
            }
            return lines;
        }
        return super.formatError(e);
    }

    // NotebookBridge: what the cell helpers display(), render() and eval() call.

    @Override
    public Renderer renderer() {
        return renderer;
    }

    @Override
    public void updateDisplay(String id, DisplayData data) {
        getIO().display.updateDisplay(id, data);
    }

    @Override
    public Object evalCell(String code) throws Exception {
        CellResult result = session().run(code);
        return result.hasValue() ? result.value() : null;
    }

    /** Carries a startup failure out of the background start. */
    private static final class StartupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupFailure(CellException cause) {
            super(cause);
        }
    }
}
