package workshop.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workshop.katasupport.HintLog;
import workshop.room.RoomClient;
import workshop.room.RoomSettings;
import workshop.room.StepResult;

/**
 * With the learner's opt-in ({@code -Droom=…} or {@code .kata/room.properties}), sends every step's result to the
 * instructor's room: kata, step, status, hint levels opened and when the kata ran. Nothing without the opt-in, and
 * never code, paths, messages or machine names. The send runs on a daemon thread and is awaited for a few seconds
 * at most: the room can neither fail nor hold up the learner's build.
 */
public final class RoomUpdate {

    private static final long WAIT_SECONDS = 3;

    private RoomUpdate() {
    }

    /** Sends the results under {@code root} if the learner opted in; the line to print above the table, if any. */
    public static Optional<String> send(Path root, Properties system) {
        return send(root, system, new RoomClient(), Clock.systemUTC());
    }

    static Optional<String> send(Path root, Properties system, RoomClient client, Clock clock) {
        Optional<RoomSettings> settings;
        try {
            settings = RoomSettings.load(root, system);
        } catch (IllegalArgumentException e) {
            return Optional.of("Room: nothing sent: " + e.getMessage() + "; your work is not affected");
        }
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        RoomSettings room = settings.get();
        CompletableFuture<String> sent = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                sent.complete(client.send(room, collect(root, clock)).line());
            } catch (RuntimeException e) {
                sent.complete("Room: could not send to " + room.url() + ": " + e.getMessage() + "; your work is not affected");
            }
        }, "room-send");
        sender.setDaemon(true);
        sender.start();
        try {
            return Optional.of(sent.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            return Optional.of("Room: could not reach " + room.url() + ": no answer within " + WAIT_SECONDS
                    + " s; your work is not affected");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of("Room: could not send to " + room.url() + "; your work is not affected");
        }
    }

    /** Every step of every kata, in teaching order: passed, failed, skipped or not-run, with its hint levels. */
    static List<StepResult> collect(Path root, Clock clock) {
        Map<String, Integer> hints = new HintLog(root).opened();
        List<StepResult> results = new ArrayList<>();
        for (String module : ProgressReport.katas(root, "katas")) {
            String kata = module.substring(module.indexOf('/') + 1);
            KataRun run = KataRun.read(root, module);
            Instant at = ranAt(root.resolve(module).resolve("target/kata-results/results.tsv"), clock);
            Map<String, String> status = new LinkedHashMap<>();
            KataSteps.of(root.resolve(module)).forEach(s -> status.put(s, StepResult.NOT_RUN));
            for (KataRun.Test t : run.tests()) {
                if (t.step().isEmpty()) {
                    continue;
                }
                String now = t.passed() ? StepResult.PASSED : t.skipped() ? StepResult.SKIPPED : StepResult.FAILED;
                status.merge(t.step(), now, RoomUpdate::worse);
            }
            status.forEach((step, s) -> results.add(new StepResult(kata, step, s,
                    Math.min(3, hints.getOrDefault(step, 0)), at)));
        }
        return results;
    }

    /** A step is as good as its worst test: failed, then skipped, then passed (not-run only if nothing ran). */
    private static String worse(String known, String now) {
        if (known.equals(StepResult.NOT_RUN)) {
            return now;
        }
        for (String s : List.of(StepResult.FAILED, StepResult.SKIPPED)) {
            if (known.equals(s) || now.equals(s)) {
                return s;
            }
        }
        return StepResult.PASSED;
    }

    private static Instant ranAt(Path results, Clock clock) {
        try {
            return Files.isRegularFile(results) ? Files.getLastModifiedTime(results).toInstant() : clock.instant();
        } catch (IOException e) {
            return clock.instant();
        }
    }
}
