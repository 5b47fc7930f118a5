package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drives the shaded kernel through real Jupyter (jupyter_client): execution, errors, interrupt,
 * System.exit, huge output, magics, display, completion and restart.
 */
@DisplayName("The kernel behaves under real Jupyter")
class KernelJupyterIT {

    @Test
    @DisplayName("jupyter_client runs cells, survives bad input and restarts")
    void throughJupyterClient() throws Exception {
        JupyterCommand jupyter = JupyterCommand.find()
                .orElseGet(() -> fail("This test needs Jupyter (CI installs it). " + JupyterCommand.INSTALL_HELP));
        Path target = Path.of("target", "it-jupyter").toAbsolutePath();
        Files.createDirectories(target);
        ProjectJupyter local = new ProjectJupyter(target);
        local.installKernel(Path.of(System.getProperty("kernel.jar", "target/kernel.jar")));
        Path script = target.resolve("kernel_client_check.py");
        try (InputStream in = KernelJupyterIT.class.getResourceAsStream("kernel_client_check.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(OpenNotebooks.python(jupyter), script.toString())
                .directory(target.toFile()).redirectErrorStream(true);
        local.isolate(builder.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the Jupyter client check finishes").isTrue();
        assertThat(output).as("every behaviour passes under Jupyter:%n%s", output).doesNotContain("FAIL ");
        assertThat(process.exitValue()).as("the client check's exit code; output:%n%s", output).isZero();
        assertThat(output).contains("PASS restart gives a fresh working kernel");
    }
}
