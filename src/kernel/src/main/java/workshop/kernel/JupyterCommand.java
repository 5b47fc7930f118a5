package workshop.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds a working {@code jupyter} command: {@code $JUPYTER} if set, else the one on the PATH, else
 * the usual system places. A pyenv shim that cannot run Jupyter is skipped for Debian's
 * {@code /usr/bin/jupyter}.
 */
public final class JupyterCommand {

    /** What to tell someone who has no Jupyter. */
    public static final String INSTALL_HELP = "Jupyter was not found. The notebooks need Jupyter (JupyterLab or the"
            + " classic Notebook) and Python 3. Install it, then run the command again: on Debian/Ubuntu"
            + " `sudo apt install jupyter-notebook jupyter-nbconvert` (or `pip install jupyterlab`); on macOS"
            + " `brew install jupyterlab` (or `pip3 install jupyterlab`); on Windows install Python from"
            + " python.org and run `py -m pip install jupyterlab`. If Jupyter is installed in an unusual place,"
            + " set the JUPYTER environment variable to its `jupyter` executable.";

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");

    private final Path executable;

    private JupyterCommand(Path executable) {
        this.executable = executable;
    }

    /** @return the command path */
    public Path executable() {
        return executable;
    }

    /**
     * @param subcommand e.g. {@code nbconvert}, {@code lab}, {@code notebook}
     * @return whether {@code jupyter <subcommand>} is installed next to {@code jupyter}
     */
    public boolean has(String subcommand) {
        String name = "jupyter-" + subcommand;
        Path folder = executable.getParent();
        if (folder != null) {
            for (String candidate : WINDOWS ? List.of(name + ".exe", name + "-script.py", name) : List.of(name)) {
                if (Files.exists(folder.resolve(candidate))) {
                    return true;
                }
            }
        }
        return onPath(name).isPresent() || runs(List.of(executable.toString(), subcommand, "--version"));
    }

    /**
     * @param args arguments after {@code jupyter}
     * @return the full command line
     */
    public List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * @return a working jupyter, or empty when none is installed
     */
    public static Optional<JupyterCommand> find() {
        Set<Path> candidates = new LinkedHashSet<>();
        String override = System.getenv("JUPYTER");
        if (override != null && !override.isBlank()) {
            candidates.add(Path.of(override));
        } else {
            Optional<Path> onPath = onPath("jupyter");
            boolean shim = onPath.map(path -> path.toString().contains("shims")).orElse(false);
            if (shim && !WINDOWS) {
                candidates.add(Path.of("/usr/bin/jupyter"));
            }
            onPath.ifPresent(candidates::add);
            if (!WINDOWS) {
                candidates.add(Path.of("/usr/bin/jupyter"));
                candidates.add(Path.of("/usr/local/bin/jupyter"));
                candidates.add(Path.of("/opt/homebrew/bin/jupyter"));
            }
            candidates.addAll(userInstalls());
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && runs(List.of(candidate.toString(), "--version"))) {
                return Optional.of(new JupyterCommand(candidate));
            }
        }
        return Optional.empty();
    }

    /** Where {@code pip install --user} puts jupyter when that folder is not on the PATH (a common first-run surprise). */
    private static List<Path> userInstalls() {
        String home = System.getProperty("user.home");
        List<Path> found = new java.util.ArrayList<>();
        if (WINDOWS) {
            for (String base : new String[] {System.getenv("APPDATA") + "\\Python", System.getenv("LOCALAPPDATA") + "\\Programs\\Python"}) {
                found.addAll(inSubfolders(Path.of(base), Path.of("Scripts", "jupyter.exe")));
            }
        } else {
            found.add(Path.of(home, ".local", "bin", "jupyter"));
            found.addAll(inSubfolders(Path.of(home, "Library", "Python"), Path.of("bin", "jupyter")));
        }
        return found;
    }

    private static List<Path> inSubfolders(Path parent, Path relative) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (var children = Files.list(parent)) {
            return children.map(child -> child.resolve(relative)).sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** @return a working jupyter; exits the JVM with the install help when there is none */
    public static JupyterCommand findOrExit() {
        Optional<JupyterCommand> jupyter = find();
        if (jupyter.isEmpty()) {
            System.err.println();
            System.err.println(INSTALL_HELP);
            System.err.println();
            System.exit(3);
        }
        return jupyter.get();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> names = WINDOWS ? List.of(name + ".exe", name + ".cmd", name + ".bat") : List.of(name);
        for (String folder : path.split(File.pathSeparator)) {
            for (String candidate : names) {
                Path file = Path.of(folder, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param process a finished or running process
     * @return its standard output, decoded as UTF-8
     * @throws IOException when reading fails
     */
    static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
