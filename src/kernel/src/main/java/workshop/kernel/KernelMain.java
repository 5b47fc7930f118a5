package workshop.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/** Entry point Jupyter starts: {@code java -jar kernel.jar <connection file>}. */
public final class KernelMain {

    // Held strongly: JUL forgets loggers nobody references, and with them the quieter levels.
    private static final List<Logger> QUIET = new java.util.ArrayList<>();

    private KernelMain() {
    }

    /**
     * @param args the path of the connection file Jupyter wrote
     * @throws Exception when the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -jar kernel.jar <connection-file>  (Jupyter starts the kernel this way;"
                    + " install it with workshop.kernel.KernelInstaller)");
            System.exit(2);
        }
        quietProtocolLogging();
        KernelConnectionProperties connection = readConnection(Path.of(args[0]));
        JavaKernel kernel = new JavaKernel(KernelSettings.fromEnvironment(), Path.of("").toAbsolutePath());
        JupyterConnection jupyter = new JupyterConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        // Cell threads are daemons, but user code may have started others (e.g. servers).
        System.exit(0);
    }

    private static KernelConnectionProperties readConnection(Path file) throws IOException {
        return KernelConnectionProperties.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** basekernel logs every socket event at INFO on stderr; keep warnings only. */
    static void quietProtocolLogging() {
        for (String name : List.of("", "ShellChannel", "ControlChannel", "IOPubChannel", "StdinChannel",
                "HeartbeatChannel", "io.github.spencerpark")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(name.isEmpty() ? Level.WARNING : Level.WARNING);
            QUIET.add(logger);
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }
}
