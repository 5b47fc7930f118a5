package workshop.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The project-local Jupyter folders under a {@code target} folder: the kernelspec goes to
 * {@code <target>/jupyter}, which is put first on {@code JUPYTER_PATH}, so the kit's "Java"
 * kernel is used without touching the user's own Jupyter setup.
 */
final class ProjectJupyter {

    private final Path target;

    ProjectJupyter(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return target.resolve("jupyter");
    }

    /** Installs the kernelspec and returns the folder holding it. */
    Path installKernel(Path kernelJar) throws IOException {
        KernelInstaller.install(dataDir(), kernelJar);
        return dataDir();
    }

    /** Only the kernel search path: for the learner's own Jupyter, which keeps its settings. */
    void addKernelPath(Map<String, String> env) {
        String existing = env.get("JUPYTER_PATH");
        env.put("JUPYTER_PATH", existing == null || existing.isBlank()
                ? dataDir().toString() : dataDir() + java.io.File.pathSeparator + existing);
    }

    /** Everything Jupyter writes goes under target/, so builds never read or change a user's config. */
    void isolate(Map<String, String> env) throws IOException {
        addKernelPath(env);
        env.put("JUPYTER_DATA_DIR", dataDir().toString());
        env.put("JUPYTER_CONFIG_DIR", create("jupyter-config").toString());
        env.put("JUPYTER_RUNTIME_DIR", create("jupyter-runtime").toString());
        env.put("IPYTHONDIR", create("ipython").toString());
        env.put("JUPYTER_PLATFORM_DIRS", "1");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    }

    private Path create(String name) throws IOException {
        return Files.createDirectories(target.resolve(name));
    }
}
