package workshop.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Usage: {@code NotebookRunner <notebooks-dir> <target-dir> <kernel.jar> [timeout-seconds]};
 * the executed copies land in {@code <target-dir>/executed}.
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
            System.err.println("Usage: NotebookRunner <notebooks-dir> <target-dir> <kernel.jar> [timeout-seconds]");
            System.exit(2);
        }
        Path notebooks = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        Path jar = Path.of(args[2]);
        int timeout = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        List<String> failures = run(notebooks, target, jar, timeout);
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
     * @return one message per failed notebook; empty when all ran cleanly
     */
    static List<String> run(Path notebooks, Path target, Path jar, int timeoutSeconds)
            throws IOException, InterruptedException {
        JupyterCommand jupyter = JupyterCommand.findOrExit();
        if (!jupyter.has("nbconvert")) {
            System.err.println("Jupyter is installed but nbconvert is missing. " + JupyterCommand.INSTALL_HELP);
            System.exit(3);
        }
        ProjectJupyter local = new ProjectJupyter(target);
        local.installKernel(jar);
        Path executed = Files.createDirectories(target.resolve("executed"));
        List<Path> files;
        try (Stream<Path> list = Files.list(notebooks)) {
            files = list.filter(path -> path.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
        List<String> failures = new ArrayList<>();
        for (Path notebook : files) {
            long start = System.nanoTime();
            String failure = runOne(jupyter, local, notebook, executed, timeoutSeconds);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%-40s %s (%d ms)%n", notebook.getFileName(), failure == null ? "OK" : "FAILED", millis);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (files.isEmpty()) {
            System.out.println("No notebooks in " + notebooks);
        }
        return failures;
    }

    private static String runOne(JupyterCommand jupyter, ProjectJupyter local, Path notebook, Path executed,
                                 int timeoutSeconds) throws IOException, InterruptedException {
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
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        String log = JupyterCommand.read(process);
        int exit = process.waitFor();
        if (exit != 0 || !Files.exists(output)) {
            return name + ": Jupyter could not execute it (exit " + exit + "): " + tail(log);
        }
        return firstUnexpectedError(name, new JsonParser().parse(Files.readString(output, StandardCharsets.UTF_8))
                .getAsJsonObject());
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
