package workshop.watch;

/**
 * What the watch engine just did, for tests and the benchmark; the learner sees the same on the screen.
 * Events arrive on the engine's thread, in order.
 */
public sealed interface EngineEvent {

    /** A step's verdict is on the screen. */
    record Verdict(String kata, String step, boolean green, String screen) implements EngineEvent {
    }

    /** The kata does not compile; {@code compilerOutput} is what the screen shows (javac's messages only). */
    record CompileFailed(String kata, String compilerOutput, String screen) implements EngineEvent {
    }

    /** The current step turned green and the next red one became current. */
    record MovedOn(String kata, String from, String to) implements EngineEvent {
    }

    /** The whole kata ran and its results file was written. */
    record KataChecked(String kata, int greenSteps, int steps) implements EngineEvent {
    }

    /** A hint level was revealed (and recorded in {@code .kata/hints-opened.tsv}). */
    record HintShown(String step, int level, int levels, String name, String text) implements EngineEvent {
    }

    /** Every kata ran and the progress table was printed. */
    record TableShown(boolean allGreen) implements EngineEvent {
    }

    /** A one-line message: unknown input, a step that does not exist, a problem watch mode survived. */
    record Note(String line) implements EngineEvent {
    }

    /** Nothing left to do until the next save or key. */
    record Idle() implements EngineEvent {
    }

    /** Watch mode ended. */
    record Stopped() implements EngineEvent {
    }
}
