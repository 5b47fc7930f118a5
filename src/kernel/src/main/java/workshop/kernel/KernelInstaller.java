package workshop.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes the "Java" kernelspec ({@code <dir>/kernels/java/kernel.json}) into a project-local
 * Jupyter data folder, pointing at the shaded kernel jar by absolute path. It never writes to the
 * user's own Jupyter folders, so a user's own {@code java} kernel (e.g. IJava) stays as it is.
 *
 * <p>Usage: {@code java -cp kernel.jar workshop.kernel.KernelInstaller <jupyter-dir> [kernel.jar]}
 */
public final class KernelInstaller {

    /** JVM flags of the kernel process: UTF-8 for user code even under LANG=C; C1 and serial GC start fastest. */
    static final List<String> JVM_FLAGS = List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private KernelInstaller() {
    }

    /**
     * @param args the Jupyter data folder to install into, and optionally the kernel jar
     * @throws IOException when the kernelspec cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: KernelInstaller <jupyter-data-dir> [path/to/kernel.jar]");
            System.exit(2);
        }
        Path jar = args.length == 2 ? Path.of(args[1]) : defaultJar();
        Path spec = install(Path.of(args[0]), jar);
        System.out.println("Installed the Java kernel: " + spec);
    }

    /**
     * @param jupyterDir the folder that will be on {@code JUPYTER_PATH}
     * @param kernelJar the shaded kernel jar
     * @return the written kernel.json
     * @throws IOException when the file cannot be written
     */
    public static Path install(Path jupyterDir, Path kernelJar) throws IOException {
        if (!Files.isRegularFile(kernelJar)) {
            throw new IOException("The kernel jar " + kernelJar.toAbsolutePath() + " does not exist;"
                    + " build it first: mvn -pl src/kernel -am package");
        }
        Path folder = jupyterDir.resolve("kernels").resolve("java");
        Files.createDirectories(folder);
        JsonArray argv = new JsonArray();
        argv.add(javaExecutable());
        JVM_FLAGS.forEach(argv::add);
        argv.add("-jar");
        argv.add(kernelJar.toAbsolutePath().normalize().toString());
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", "Java");
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        Path file = folder.resolve("kernel.json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** The java of the JDK running the build, so the kernel gets Java 17+ even if PATH has an older one. */
    static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** The shaded jar next to this code: kernel.jar itself, or target/kernel.jar beside target/classes. */
    static Path defaultJar() {
        Path location = KernelFiles.kernelCodeLocation();
        if (location.getFileName().toString().equals("kernel.jar")) {
            return location;
        }
        List<Path> candidates = new ArrayList<>();
        if (location.getParent() != null) {
            candidates.add(location.getParent().resolve("kernel.jar"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElse(location.resolveSibling("kernel.jar"));
    }
}
