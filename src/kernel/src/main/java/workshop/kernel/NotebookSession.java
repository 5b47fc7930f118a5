package workshop.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One notebook's Java state: a JShell with the default imports and notebook helpers, plus the
 * magics. {@link #run} executes a whole cell; it is what the kernel runs on each cell thread.
 */
public final class NotebookSession implements AutoCloseable {

    /** IJava's default imports: notebooks import java.time, java.util.stream etc. themselves. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import static workshop.kernel.runtime.NotebookFunctions.*;");

    private final JShellEvaluator evaluator;
    private final KernelMagics magics;
    private final EvaluationMode mode;

    /**
     * Starts JShell, adds the default imports, then applies {@code IJAVA_CLASSPATH} and the startup scripts.
     *
     * @param settings the kernel settings
     * @param workingDirectory the folder relative paths in magics start from
     * @throws CellException when a startup classpath entry or script fails
     */
    public NotebookSession(KernelSettings settings, Path workingDirectory) throws CellException {
        this.mode = settings.mode();
        this.evaluator = new JShellEvaluator(settings.compilerOptions(), mode);
        this.magics = new KernelMagics(workingDirectory, evaluator, this::run);
        evaluator.eval(String.join("\n", DEFAULT_IMPORTS), 1);
        try {
            for (String glob : settings.classpathGlobs()) {
                magics.addGlobs(List.of(glob), false);
            }
            for (String glob : settings.startupScriptGlobs()) {
                for (Path script : Globs.resolve(workingDirectory, glob)) {
                    run(Files.readString(script, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new MagicException("Cannot read a startup script or classpath entry: " + e.getMessage());
        }
        if (!settings.startupScript().isBlank()) {
            run(settings.startupScript());
        }
    }

    /**
     * Runs a cell: Java snippets and magics in order, stopping at the first failure.
     *
     * @param cell the cell source
     * @return the value of the last expression, if the cell ends with one
     * @throws CellException when a part of the cell fails
     */
    public CellResult run(String cell) throws CellException {
        CellResult result = CellResult.NONE;
        List<CellParser.Part> parts = mode == EvaluationMode.IJAVA ? CellParser.parseAsIJava(cell) : CellParser.parse(cell);
        for (CellParser.Part part : parts) {
            if (part instanceof CellParser.Code code) {
                result = evaluator.eval(code.source(), code.firstLine());
            } else if (part instanceof CellParser.LineMagic magic) {
                result = magicResult(() -> magics.runLineMagic(magic.name(), magic.args()));
            } else if (part instanceof CellParser.CellMagic magic) {
                result = magicResult(() -> magics.runCellMagic(magic.name(), magic.args(), magic.body()));
            }
        }
        return result;
    }

    private interface MagicCall {
        Object call() throws Exception;
    }

    private static CellResult magicResult(MagicCall call) throws CellException {
        try {
            Object value = call.call();
            return value == null ? CellResult.NONE : CellResult.of(value);
        } catch (CellException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Stops the running cell, if any. Safe to call from another thread. */
    public void stop() {
        evaluator.stop();
    }

    /** Clears an earlier stop request before the next cell. */
    public void clearStop() {
        evaluator.clearStop();
    }

    /** @return the evaluator, for completion and inspection */
    public JShellEvaluator evaluator() {
        return evaluator;
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
