package workshop.watch;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code mvn -Pwatch [-Dstep=C3]}: watch mode in a terminal. Keys are read line by line (Maven's input is
 * line-buffered: type the key, then Enter); the input ending (Ctrl+D, Ctrl+Z on Windows, or a closed pipe)
 * ends watch mode like {@code q}.
 *
 * <p>Arguments: the kit's root folder, the step to start at (may be empty), the Java release to compile for.
 * System properties: {@code watch.timeout} (seconds one test may take, default 10), {@code watch.ansi=false}
 * (no screen clearing even in a terminal).
 */
public final class WatchMain {

    private WatchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String step = args.length > 1 ? args[1] : "";
        String release = args.length > 2 ? args[2] : "17";
        // The screens go to the real standard output, also while the tests' own output is captured.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean ansi = System.console() != null && !"false".equals(System.getProperty("watch.ansi"));
        WatchEngine engine = WatchEngine.builder(root)
                .out(out)
                .startStep(step)
                .release(release)
                .ansi(ansi)
                .testTimeout(Duration.ofSeconds(Long.getLong("watch.timeout", 10)))
                .build();
        engine.start();
        Thread keys = Threads.daemon("watch-keys", () -> {
            Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    engine.command(line);
                }
            } catch (IOException e) {
                // The input is gone: end as if it had ended.
            }
            engine.command(null);
        });
        keys.start();
        engine.awaitStopped(Duration.ofDays(365));
    }
}
