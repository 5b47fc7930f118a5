package workshop.simulator.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Ends embedded redis-server processes whose JVM died without stopping them (killed with SIGKILL, a kernel restart
 * that did not wait): each start leaves a note "server pid → owner pid, port" in a temporary folder, {@code close()}
 * removes it, and the next start in any JVM stops the servers whose owner is gone. A note is acted on only if the
 * process still looks like the one it names (a redis-server started with that port), so a recycled PID is left alone.
 */
final class OrphanReaper {

    private static final Path NOTES = Path.of(System.getProperty("java.io.tmpdir"), "workshop-redis-owners");

    private OrphanReaper() {
    }

    static void remember(long serverPid, int port, Path dataDir) {
        try {
            Files.createDirectories(NOTES);
            Files.writeString(NOTES.resolve(Long.toString(serverPid)),
                    ProcessHandle.current().pid() + "\n" + port + "\n" + dataDir.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("[redis] could not note the embedded server's PID in " + NOTES + ": " + e.getMessage());
        }
    }

    static void forget(long serverPid) {
        try {
            Files.deleteIfExists(NOTES.resolve(Long.toString(serverPid)));
        } catch (IOException ignored) {
            // a stale note is harmless: the next start finds its server gone and deletes it
        }
    }

    /** Stops the embedded servers of JVMs that no longer run; returns how many. */
    static int reap() {
        if (!Files.isDirectory(NOTES)) {
            return 0;
        }
        int ended = 0;
        try (DirectoryStream<Path> notes = Files.newDirectoryStream(NOTES)) {
            for (Path note : notes) {
                if (reap(note)) {
                    ended++;
                }
            }
        } catch (IOException e) {
            System.err.println("[redis] could not read " + NOTES + ": " + e.getMessage());
        }
        return ended;
    }

    private static boolean reap(Path note) throws IOException {
        long serverPid;
        long ownerPid;
        int port;
        Path dataDir;
        try {
            serverPid = Long.parseLong(note.getFileName().toString());
            List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
            ownerPid = Long.parseLong(lines.get(0).strip());
            port = Integer.parseInt(lines.get(1).strip());
            dataDir = Path.of(lines.get(2).strip());
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(note);   // not a note of ours, or half written
            return false;
        }
        if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)
                .filter(p -> looksLikeOurs(p, port));
        Files.deleteIfExists(note);
        if (dataDir.getFileName().toString().startsWith("workshop-redis-")) {
            try (var files = Files.list(dataDir)) {   // empty by design (no persistence); only then deleted
                if (files.findAny().isEmpty()) {
                    Files.deleteIfExists(dataDir);
                }
            } catch (IOException ignored) {
                // already gone
            }
        }
        if (server.isEmpty()) {
            return false;
        }
        System.err.println("[redis] stopping an embedded redis-server (pid " + serverPid + ", port " + port
                + ") left running by a JVM that ended without closing it");
        Optional<Path> binaryDir = server.get().info().command().map(Path::of).map(Path::getParent)
                .filter(d -> d.getFileName().toString().startsWith("redis-")
                        && d.getParent().equals(Path.of(System.getProperty("java.io.tmpdir"))));
        server.get().destroy();
        try {
            server.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            if (binaryDir.isPresent()) {   // the copy of the binary that the dead JVM could not delete on exit
                try (var files = Files.list(binaryDir.get())) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(binaryDir.get());
            }
        } catch (Exception e) {
            System.err.println("[redis] the orphan redis-server (pid " + serverPid + ") did not end cleanly: " + e);
        }
        return true;
    }

    private static boolean looksLikeOurs(ProcessHandle process, int port) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("");
        String args = String.join(" ", info.arguments().orElse(new String[0]));
        String line = info.commandLine().orElse(command + " " + args);
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(procCmdline)) {
            try {
                // Redis rewrites its process title to "redis-server 127.0.0.1:<port>", which Java does not parse.
                line = line + " " + new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException ignored) {
                // the process ended meanwhile
            }
        }
        return command.contains("redis-server") && (line.contains(":" + port) || line.contains("--port " + port)
                || line.contains(" " + port));
    }
}
