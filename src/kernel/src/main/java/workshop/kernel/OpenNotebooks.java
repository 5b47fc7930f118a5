package workshop.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Opens the notebooks: installs the kit's "Java" kernel into the project-local Jupyter folder and
 * starts JupyterLab (or, if only that is installed, the classic Notebook) on the notebooks folder.
 * With {@code --headless-check} it instead checks, without a browser, that the Jupyter server
 * starts the kernel and runs a cell over websocket, as a browser would.
 *
 * <p>Usage: {@code OpenNotebooks <notebooks-dir> <target-dir> <kernel.jar> [--no-browser] [--headless-check]};
 * {@code --no-browser} starts the server without opening a browser tab (remote or headless machines).
 */
public final class OpenNotebooks {

    private OpenNotebooks() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when Jupyter cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: OpenNotebooks <notebooks-dir> <target-dir> <kernel.jar> [--no-browser] [--headless-check]");
            System.exit(2);
        }
        Path notebooks = Path.of(args[0]).toAbsolutePath().normalize();
        ProjectJupyter local = new ProjectJupyter(Path.of(args[1]));
        Path jar = Path.of(args[2]);
        List<String> options = List.of(args).subList(3, args.length).stream().filter(option -> !option.isBlank()).toList();
        for (String option : options) {
            if (!option.equals("--headless-check") && !option.equals("--no-browser")) {
                System.err.println("Unknown option " + option + "; known: --no-browser, --headless-check");
                System.exit(2);
            }
        }
        JupyterCommand jupyter = JupyterCommand.findOrExit();
        local.installKernel(jar);
        System.exit(options.contains("--headless-check")
                ? headlessCheck(jupyter, local, notebooks, Path.of(args[1]))
                : open(jupyter, local, notebooks, options.contains("--no-browser")));
    }

    private static int open(JupyterCommand jupyter, ProjectJupyter local, Path notebooks, boolean noBrowser)
            throws IOException, InterruptedException {
        List<String> command;
        if (jupyter.has("lab")) {
            command = jupyter.command("lab", "--notebook-dir=" + notebooks);
        } else if (jupyter.has("notebook")) {
            command = jupyter.command("notebook", "--notebook-dir=" + notebooks);
        } else {
            System.err.println("Jupyter is installed, but neither JupyterLab nor the classic Notebook is. "
                    + JupyterCommand.INSTALL_HELP);
            return 3;
        }
        System.out.println();
        System.out.println("Opening Jupyter on " + notebooks + " with the \"Java\" kernel. Stop it with Ctrl+C.");
        System.out.println();
        if (noBrowser) {
            command.add("--no-browser");
        }
        if ("root".equals(System.getProperty("user.name")) && !System.getProperty("os.name", "").startsWith("Windows")) {
            // Jupyter refuses to run as root without it (containers, CI machines).
            command.add("--allow-root");
            System.out.println("You are root, so Jupyter gets --allow-root (it refuses root otherwise): code in the"
                    + " notebooks runs as root. On your own machine, run mvn -Pjupyter as a normal user.");
            System.out.println();
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(notebooks.toFile()).inheritIO();
        local.addKernelPath(builder.environment());
        Process process = builder.start();
        // If Maven is stopped, stop Jupyter with it rather than leaving a server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process.waitFor();
    }

    private static int headlessCheck(JupyterCommand jupyter, ProjectJupyter local, Path notebooks, Path target)
            throws IOException, InterruptedException {
        if (!jupyter.has("notebook")) {
            System.err.println("The server check needs the classic Jupyter Notebook server. " + JupyterCommand.INSTALL_HELP);
            return 3;
        }
        Path script = target.resolve("server_check.py");
        try (InputStream in = OpenNotebooks.class.getResourceAsStream("server_check.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(python(jupyter), script.toString(),
                jupyter.executable().toString(), notebooks.toString()).inheritIO();
        local.isolate(builder.environment());
        return builder.start().waitFor();
    }

    /** The Python that runs Jupyter itself (from its launcher's first line), so tornado is there. */
    static String python(JupyterCommand jupyter) {
        String override = System.getenv("PYTHON");
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            String first = Files.readAllLines(jupyter.executable(), StandardCharsets.UTF_8).get(0);
            if (first.startsWith("#!")) {
                String interpreter = first.substring(2).strip().split("\\s+")[0];
                if (Files.isExecutable(Path.of(interpreter))) {
                    return interpreter;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A binary launcher (Windows .exe): fall back to the usual name.
        }
        return System.getProperty("os.name", "").toLowerCase().contains("win") ? "python" : "python3";
    }
}
