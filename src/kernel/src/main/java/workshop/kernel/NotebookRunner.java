package workshop.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Executes every notebook of a folder headlessly through real Jupyter ({@code jupyter nbconvert
 * --execute}) with the kit's kernel, and fails naming the notebook, the cell and the error when a
 * cell not tagged {@code raises-exception} fails.
 *
 * <p>Usage: {@code NotebookRunner <notebooks-dir> <target-dir> <kernel.jar> [timeout-seconds] [modes]};
 * {@code modes} is a comma-separated list of {@link EvaluationMode}s, {@code kit} by default. Each
 * mode runs every notebook once: {@code kit} into {@code <target-dir>/executed}, {@code ijava}
 * (the kernel started with {@code WORKSHOP_KERNEL_MODE=ijava}, IJava 1.3's snippet semantics) into
 * {@code <target-dir>/executed-ijava}, so a notebook that would break on a user's own IJava fails too.
 */
public final class NotebookRunner {

    private NotebookRunner() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when Jupyter cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: NotebookRunner <notebooks-dir> <target-dir> <kernel.jar> [timeout-seconds]"
                    + " [modes, e.g. kit,ijava] [only these notebooks, e.g. 03-jwt]");
            System.exit(2);
        }
        Path notebooks = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        Path jar = Path.of(args[2]);
        int timeout = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        List<EvaluationMode> modes;
        try {
            modes = parseModes(args.length > 4 ? args[4] : "kit");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String only = args.length > 5 ? args[5] : "";
        List<String> failures = new ArrayList<>();
        Set<String> failedBefore = new HashSet<>();
        for (EvaluationMode mode : modes) {
            failures.addAll(run(notebooks, target, jar, timeout, mode, failedBefore, only));
        }
        if (!failures.isEmpty()) {
            // stdout, like the progress lines, so the two never interleave.
            System.out.println();
            failures.forEach(failure -> System.out.println("NOTEBOOK FAILED: " + failure));
            System.out.println();
            System.out.flush();
            System.exit(1);
        }
    }

    /**
     * @param text comma-separated mode names, e.g. {@code kit,ijava}
     * @return the modes in order, without repeats
     */
    static List<EvaluationMode> parseModes(String text) {
        List<EvaluationMode> modes = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            EvaluationMode mode = EvaluationMode.parse(name);
            if (!modes.contains(mode)) {
                modes.add(mode);
            }
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("No kernel mode to run the notebooks in; use kit, ijava or kit,ijava.");
        }
        return modes;
    }

    /**
     * @param failedBefore names of notebooks that failed in an earlier mode; this pass adds its own
     * @return one message per failed notebook; empty when all ran cleanly
     */
    static List<String> run(Path notebooks, Path target, Path jar, int timeoutSeconds, EvaluationMode mode,
                            Set<String> failedBefore, String only) throws IOException, InterruptedException {
        JupyterCommand jupyter = JupyterCommand.findOrExit();
        if (!jupyter.has("nbconvert")) {
            System.err.println("Jupyter is installed but nbconvert is missing. " + JupyterCommand.INSTALL_HELP);
            System.exit(3);
        }
        ProjectJupyter local = new ProjectJupyter(target);
        local.installKernel(jar);
        Path executed = Files.createDirectories(target.resolve(
                mode == EvaluationMode.KIT ? "executed" : "executed-" + mode.name().toLowerCase(Locale.ROOT)));
        List<Path> files;
        try (Stream<Path> list = Files.list(notebooks)) {
            files = list.filter(path -> path.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
        List<Path> all = files;
        files = select(files, only);
        if (files.isEmpty() && !all.isEmpty()) {
            System.out.println("No notebook matches -Dnotebook=" + only + ". The notebooks are: "
                    + all.stream().map(p -> p.getFileName().toString().replace(".ipynb", "")).collect(Collectors.joining(", ")));
            System.exit(2);
        }
        List<String> failures = new ArrayList<>();
        long passStart = System.nanoTime();
        System.out.println(mode == EvaluationMode.KIT ? "Notebooks, kit kernel:"
                : "Notebooks, IJava 1.3 snippet semantics (" + EvaluationMode.ENV + "=ijava):");
        for (Path notebook : files) {
            long start = System.nanoTime();
            String failure = runOne(jupyter, local, notebook, executed, timeoutSeconds, mode);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("  %-38s %s (%d ms)%n", notebook.getFileName(), failure == null ? "OK" : "FAILED", millis);
            if (failure != null) {
                String name = notebook.getFileName().toString();
                // The hint only helps when the kit's own kernel ran the notebook cleanly.
                boolean onlyIJava = mode == EvaluationMode.IJAVA && !failedBefore.contains(name);
                failures.add(onlyIJava ? failure + IJAVA_HINT : failure);
                failedBefore.add(name);
            }
        }
        System.out.printf("  %d notebook%s in %d ms%n", files.size(), files.size() == 1 ? "" : "s", (System.nanoTime() - passStart) / 1_000_000);
        if (files.isEmpty()) {
            System.out.println("No notebooks in " + notebooks);
        }
        return failures;
    }

    /**
     * @param only comma-separated notebook names, with or without {@code .ipynb}, or a prefix such as
     *             {@code 03}; blank selects every notebook
     */
    static List<Path> select(List<Path> files, String only) {
        if (only == null || only.isBlank()) {
            return files;
        }
        List<String> wanted = List.of(only.split("[,\\s]+")).stream()
                .map(name -> name.strip().replace(".ipynb", "")).filter(name -> !name.isEmpty()).toList();
        return files.stream().filter(file -> wanted.stream().anyMatch(
                name -> file.getFileName().toString().startsWith(name))).collect(Collectors.toList());
    }

    private static String runOne(JupyterCommand jupyter, ProjectJupyter local, Path notebook, Path executed,
                                 int timeoutSeconds, EvaluationMode mode) throws IOException, InterruptedException {
        String name = notebook.getFileName().toString();
        JsonObject json = new JsonParser().parse(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        String stem = name.substring(0, name.length() - ".ipynb".length());
        Path output = executed.resolve(name);
        Files.deleteIfExists(output);
        // stdin keeps the kernel's working folder the notebook's own, even for an edited copy.
        ProcessBuilder builder = new ProcessBuilder(jupyter.command("nbconvert", "--to", "notebook", "--execute",
                "--stdin", "--output-dir", executed.toString(), "--output", stem,
                "--ExecutePreprocessor.kernel_name=java",
                "--ExecutePreprocessor.timeout=" + timeoutSeconds,
                "--ExecutePreprocessor.allow_errors=True"))
                .directory(notebook.getParent().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        local.isolate(env);
        env.put(EvaluationMode.ENV, mode.name().toLowerCase(Locale.ROOT));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        String log = JupyterCommand.read(process);
        List<String> late = lateImports(name, json.getAsJsonArray("cells"));
        int exit = process.waitFor();
        if (exit != 0 || !Files.exists(output)) {
            return where(name, mode) + ": Jupyter could not execute it (exit " + exit + "): " + tail(log);
        }
        String error = firstUnexpectedError(where(name, mode), new JsonParser().parse(Files.readString(output,
                StandardCharsets.UTF_8)).getAsJsonObject());
        if (error == null && mode == EvaluationMode.IJAVA && !late.isEmpty()) {
            return late.get(0);
        }
        return error;
    }

    private static String where(String name, EvaluationMode mode) {
        return mode == EvaluationMode.KIT ? name : name + " [" + EvaluationMode.ENV + "=ijava]";
    }

    /** What to do when a notebook passes on the kit's kernel but not with IJava's semantics. */
    static final String IJAVA_HINT = "\n      It ran with the kit's own kernel, so on a user's own IJava it breaks like this: IJava hands JShell each"
            + " snippet with its leading newline, and a later import or declaration then makes JShell redefine"
            + " earlier snippets, whose variables restart as null. Put imports on a cell's first lines, and do not"
            + " declare a variable (after the first statement of a cell) with a name an earlier method or class"
            + " uses for a parameter or local. See src/kernel/README.md, section \"IJava mode\".";

    /**
     * Finds {@code import} lines that follow other code in a cell. IJava hands such an import to
     * JShell with its leading newline; an on-demand import there makes JShell redefine earlier
     * snippets and their variables restart as {@code null}. Comments and magics may come first.
     *
     * @param name the notebook's file name
     * @param cells the notebook's cells
     * @return one message per offending cell, naming it, the line and what to do
     */
    static List<String> lateImports(String name, JsonArray cells) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            List<String> lines = source(cell).lines().collect(Collectors.toList());
            boolean code = false;
            for (int line = 0; line < lines.size(); line++) {
                String text = lines.get(line).strip();
                if (text.startsWith("import ")) {
                    if (code) {
                        messages.add(name + ", cell " + (i + 1) + " of " + cells.size() + " (" + firstLine(source(cell))
                                + "): line " + (line + 1) + " '" + text + "' comes after other code. On IJava that"
                                + " import reaches JShell with its leading newline and can reset earlier variables"
                                + " to null; move every import to the cell's first lines.");
                        break;
                    }
                } else if (!text.isEmpty() && !text.startsWith("//") && !text.startsWith("/*")
                        && !text.startsWith("*") && !text.startsWith("%")) {
                    code = true;
                }
            }
        }
        return messages;
    }

    /** @return a message naming the first failing cell, or {@code null} when every cell behaved */
    static String firstUnexpectedError(String name, JsonObject notebook) {
        JsonArray cells = notebook.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            boolean mayRaise = tags(cell).contains("raises-exception");
            JsonObject error = null;
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                if ("error".equals(output.getAsJsonObject().get("output_type").getAsString())) {
                    error = output.getAsJsonObject();
                    break;
                }
            }
            String where = name + ", cell " + (i + 1) + " of " + cells.size() + " (" + firstLine(source(cell)) + ")";
            if (error != null && !mayRaise) {
                String traceback = stream(error.getAsJsonArray("traceback")).map(NotebookRunner::plain)
                        .limit(6).collect(Collectors.joining("\n      "));
                return where + ": " + error.get("ename").getAsString() + ": " + plain(error.get("evalue").getAsString())
                        + (traceback.isBlank() ? "" : "\n      " + traceback);
            }
            if (error == null && mayRaise) {
                return where + ": the cell is tagged raises-exception but ran without an error.";
            }
        }
        return null;
    }

    private static List<String> tags(JsonObject cell) {
        JsonObject metadata = cell.has("metadata") ? cell.getAsJsonObject("metadata") : new JsonObject();
        if (!metadata.has("tags")) {
            return List.of();
        }
        return stream(metadata.getAsJsonArray("tags")).collect(Collectors.toList());
    }

    private static Stream<String> stream(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.getAsString()));
        return values.stream();
    }

    static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source.isJsonArray()) {
            return stream(source.getAsJsonArray()).collect(Collectors.joining());
        }
        return source.getAsString();
    }

    private static String firstLine(String source) {
        return source.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
    }

    private static String plain(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    private static String tail(String log) {
        List<String> lines = log.lines().collect(Collectors.toList());
        return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
