package workshop.room;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One step's result as a learner's build sends it to the room: nothing else leaves the learner's machine.
 *
 * @param kata   the kata folder name, e.g. {@code 01-cookies}
 * @param step   the step ID, e.g. {@code C3}
 * @param status {@code passed}, {@code failed}, {@code skipped} (could not run here) or {@code not-run}
 * @param hints  how many hint levels the learner has opened for the step (0–3)
 * @param at     when the kata's results were recorded (the learner's clock, whole seconds)
 */
public record StepResult(String kata, String step, String status, int hints, Instant at) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String NOT_RUN = "not-run";
    public static final Set<String> STATUSES = Set.of(PASSED, FAILED, SKIPPED, NOT_RUN);

    /** The JSON field names, in the order the client writes them (the server refuses any other field). */
    public static final List<String> FIELDS = List.of("kata", "step", "status", "hints", "at");
}
