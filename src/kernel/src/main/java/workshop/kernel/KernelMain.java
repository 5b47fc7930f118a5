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
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/** Entry point Jupyter starts: {@code java -jar kernel.jar <connection file>}. */
public final class KernelMain {

    // Held strongly: JUL forgets loggers nobody references, and with them the quieter levels.
    private static final List<Logger> QUIET = new java.util.ArrayList<>();

    private static final long POLL_INTERVAL_MS = 10;

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
        shortenPollInterval(jupyter);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        jupyter.waitUntilClose();
        // Cell threads are daemons, but user code may have started others (e.g. servers).
        System.exit(0);
    }

    private static KernelConnectionProperties readConnection(Path file) throws IOException {
        return KernelConnectionProperties.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * basekernel's shell and control loops sleep 50 ms whenever no message is waiting, which adds
     * 25 ms on average to every request; 10 ms keeps replies quick and an idle kernel still idle.
     * Its ShellChannel has a constructor for this, but JupyterConnection does not expose it.
     */
    static void shortenPollInterval(JupyterConnection jupyter) {
        try {
            java.lang.reflect.Field sleep = ShellChannel.class.getDeclaredField("sleep");
            sleep.setAccessible(true);
            for (String name : List.of("shell", "control")) {
                java.lang.reflect.Field channel = JupyterConnection.class.getDeclaredField(name);
                channel.setAccessible(true);
                sleep.setLong(channel.get(jupyter), POLL_INTERVAL_MS);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only slower replies: basekernel's own 50 ms interval still works.
            Logger.getLogger(KernelMain.class.getName()).fine("Keeping basekernel's poll interval: " + e);
        }
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
