package workshop.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Notices saves by polling modification times (Java's WatchService polls too on macOS, every two
 * seconds or more). A change is reported once the files have stayed the same for one more poll, so
 * an editor's several writes of one save give one report. A file saved within the same timestamp tick
 * (coarse clocks on some file systems) is still noticed: recently modified files are compared by content.
 */
final class SourceWatcher implements AutoCloseable {

    /** The files of one kata that were created or modified, and those that were deleted. */
    record Change(Kata kata, Set<Path> modified, Set<Path> deleted) {
    }

    private record Stamp(long modified, long size, long crc) {
    }

    private static final long RECENT_MILLIS = 3_000;
    private static final int MAX_QUIET_WAITS = 10;

    private final List<Kata> katas;
    private final Duration interval;
    private final Consumer<List<Change>> onChange;
    private final AtomicBoolean changeSeen = new AtomicBoolean();
    private volatile boolean running = true;
    private Map<Path, Stamp> reported;
    private Thread thread;

    SourceWatcher(List<Kata> katas, Duration interval, Consumer<List<Change>> onChange) {
        this.katas = katas;
        this.interval = interval;
        this.onChange = onChange;
    }

    /** Takes the first snapshot now (later saves are changes), then polls on a daemon thread. */
    void start() {
        reported = snapshot(Map.of());
        thread = Threads.daemon("watch-sources", this::poll);
        thread.start();
    }

    /** Whether a file changed since the last call (also before its report is due); clears the flag. */
    boolean takeChangeSeen() {
        return changeSeen.getAndSet(false);
    }

    /** Whether a file changed since the last report, without clearing anything. */
    boolean changeSeen() {
        return changeSeen.get();
    }

    private void poll() {
        Map<Path, Stamp> previous = reported;
        int waits = 0;
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
                Map<Path, Stamp> now = snapshot(previous);
                boolean settled = now.equals(previous) || waits >= MAX_QUIET_WAITS;
                if (!now.equals(previous)) {
                    changeSeen.set(true);
                    waits++;
                }
                previous = now;
                if (settled && !now.equals(reported)) {
                    List<Change> changes = diff(reported, now);
                    reported = now;
                    waits = 0;
                    if (!changes.isEmpty()) {
                        onChange.accept(changes);
                    }
                } else if (settled) {
                    waits = 0;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A file vanished between listing and reading it: the next poll sees the new state.
            }
        }
    }

    private List<Change> diff(Map<Path, Stamp> before, Map<Path, Stamp> after) {
        return katas.stream().map(kata -> {
            Set<Path> modified = new LinkedHashSet<>();
            Set<Path> deleted = new LinkedHashSet<>();
            after.forEach((path, stamp) -> {
                if (path.startsWith(kata.dir()) && !stamp.equals(before.get(path))) {
                    modified.add(path);
                }
            });
            before.keySet().stream().filter(p -> p.startsWith(kata.dir()) && !after.containsKey(p)).forEach(deleted::add);
            return new Change(kata, modified, deleted);
        }).filter(c -> !c.modified().isEmpty() || !c.deleted().isEmpty()).toList();
    }

    private Map<Path, Stamp> snapshot(Map<Path, Stamp> previous) {
        Map<Path, Stamp> stamps = new HashMap<>();
        long now = System.currentTimeMillis();
        for (Kata kata : katas) {
            for (Path dir : List.of(kata.mainSources(), kata.testSources(), kata.mainResources(), kata.testResources())) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.forEach(file -> stamp(file, previous.get(file), now).ifPresent(s -> stamps.put(file, s)));
                } catch (IOException | UncheckedIOException e) {
                    // The folder changed while it was listed: keep what was read; the next poll completes it.
                }
            }
        }
        return stamps;
    }

    private static Optional<Stamp> stamp(Path file, Stamp before, long now) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            long modified = a.lastModifiedTime().toMillis();
            boolean sameTimes = before != null && before.modified() == modified && before.size() == a.size();
            long crc = sameTimes && now - modified > RECENT_MILLIS ? before.crc() : crc(file);
            return Optional.of(new Stamp(modified, a.size(), crc));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return before == null ? Optional.empty() : Optional.of(before);
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
