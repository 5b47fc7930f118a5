package workshop.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import workshop.katasupport.HintLog;
import workshop.katasupport.Hints;
import workshop.katasupport.ResultLine;
import workshop.progress.ProgressReport;
import workshop.progress.RoomUpdate;

/**
 * Watch mode: a warm JVM that recompiles a kata on every save and shows the current step's verdict,
 * then runs the rest of the kata and records the results where {@code mvn test} records them.
 *
 * <p>The programmatic API (used by {@link WatchMain}, the benchmark and the tests): build, {@link #start()},
 * send key lines with {@link #command(String)}, {@link #stop()}. Everything happens on one engine thread;
 * a {@link EngineEvent} listener hears what was shown.
 */
public final class WatchEngine implements AutoCloseable {

    /** The keys line every screen ends with. */
    public static final String KEYS = " h hint · n next step · a all katas · q quit · C5 go to a step   (type it, then Enter)";

    private static final String RULE = "─".repeat(78);
    private static final String CLEAR = "\033[H\033[2J";
    private static final int MESSAGE_LINES = 8;
    private static final int OUTPUT_LINES = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** Settings; every one has a default fit for {@code mvn -Pwatch}. */
    public static final class Builder {
        private final Path root;
        private PrintStream out = System.out;
        private Clock clock = Clock.systemDefaultZone();
        private String startStep = "";
        private Dependencies dependencies = Dependencies.fromMaven();
        private Duration pollInterval = Duration.ofMillis(100);
        private Duration testTimeout = Duration.ofSeconds(10);
        private boolean ansi;
        private boolean autoAdvance = true;
        private Consumer<EngineEvent> listener = e -> { };
        private String release = "17";

        private Builder(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        /** Where the screens go. */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /** The clock for the time on the screen and the durations. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The step (C3) or kata (C) to start at; empty: the first red step. */
        public Builder startStep(String step) {
            this.startStep = step == null ? "" : step.strip();
            return this;
        }

        public Builder dependencies(Dependencies dependencies) {
            this.dependencies = Objects.requireNonNull(dependencies);
            return this;
        }

        /** How often the sources are polled for saves. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** How long one test may run before it fails as hung. */
        public Builder testTimeout(Duration timeout) {
            this.testTimeout = timeout;
            return this;
        }

        /** Clear the terminal before each screen (ANSI); otherwise screens are separated by a rule. */
        public Builder ansi(boolean ansi) {
            this.ansi = ansi;
            return this;
        }

        /** Whether a step that turns green makes the next red step current (the benchmark turns it off). */
        public Builder autoAdvance(boolean autoAdvance) {
            this.autoAdvance = autoAdvance;
            return this;
        }

        public Builder listener(Consumer<EngineEvent> listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** The Java release the kit compiles for (the root pom's {@code java.release}). */
        public Builder release(String release) {
            this.release = release == null || release.isBlank() ? "17" : release.strip();
            return this;
        }

        public WatchEngine build() {
            return new WatchEngine(this);
        }
    }

    public static Builder builder(Path kitRoot) {
        return new Builder(kitRoot);
    }

    private sealed interface Input permits Key, Sources, Quit {
    }

    private record Key(String line) implements Input {
    }

    private record Sources(List<SourceWatcher.Change> changes) implements Input {
    }

    private record Quit() implements Input {
    }

    /** What the engine knows about one kata. */
    private static final class KataState {
        final Kata kata;
        List<ResultLine> results;
        Map<String, KataRunner.Failure> failures = new HashMap<>();
        Set<String> sourceSteps;
        Set<String> mainClasses = Set.of();
        Set<String> testClasses = Set.of();
        Set<Path> mainFiles = Set.of();
        boolean mainDirty = true;
        boolean testDirty = true;
        boolean checked;

        KataState(Kata kata) {
            this.kata = kata;
            this.results = Steps.read(kata.resultsFile());
            this.sourceSteps = Steps.inSources(kata.testSources());
        }

        List<String> steps() {
            Set<String> all = new LinkedHashSet<>(sourceSteps);
            results.forEach(r -> all.add(r.step()));
            return Steps.ordered(all);
        }

        String letter() {
            List<String> steps = steps();
            return steps.isEmpty() ? "" : steps.get(0).substring(0, 1);
        }

        Optional<String> firstRed() {
            return steps().stream().filter(s -> !Steps.isGreen(results, s)).findFirst();
        }

        int greenSteps() {
            return (int) steps().stream().filter(s -> Steps.isGreen(results, s)).count();
        }

        String bar() {
            return Steps.bar(greenSteps(), steps().size());
        }
    }

    private final Path root;
    private final PrintStream out;
    private final Clock clock;
    private final String startStep;
    private final Dependencies dependencies;
    private final Duration pollInterval;
    private final boolean ansi;
    private final boolean autoAdvance;
    private final Consumer<EngineEvent> listener;
    private final KataCompiler compiler;
    private final KataRunner runner;
    private final LinkedBlockingDeque<Input> inputs = new LinkedBlockingDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private List<KataState> katas = List.of();
    private KataState current;
    private String step = "";
    private SourceWatcher watcher;
    /** Re-renders the screen on show, with an extra block below it (a hint); the bar is read anew. */
    private UnaryOperator<String> screen = extra -> extra;
    private String shownBar = "";
    /** Sends results to the instructor's room (with the learner's opt-in) off the engine thread, one post at a time. */
    private final ExecutorService roomSender = Executors.newSingleThreadExecutor(r -> Threads.daemon("watch-room", r));
    /** The room's last answer, shown once above the next screen. */
    private volatile String roomLine;

    private WatchEngine(Builder b) {
        this.root = b.root;
        this.out = b.out;
        this.clock = b.clock;
        this.startStep = b.startStep;
        this.dependencies = b.dependencies;
        this.pollInterval = b.pollInterval;
        this.ansi = b.ansi;
        this.autoAdvance = b.autoAdvance;
        this.listener = b.listener;
        this.compiler = new KataCompiler(b.release, b.root);
        this.runner = new KataRunner(b.testTimeout);
    }

    /** Starts watching: from now on every save counts. The first verdict follows on the engine thread. */
    public void start() {
        katas = Kata.all(root).stream().map(KataState::new).toList();
        watcher = new SourceWatcher(katas.stream().map(k -> k.kata).toList(), pollInterval,
                changes -> inputs.add(new Sources(changes)));
        watcher.start();
        Threads.daemon("watch-engine", this::loop).start();
    }

    /** A line the learner typed: a key ({@code h n a q}) or a step ID; null means the input ended. */
    public void command(String line) {
        if (line == null || line.strip().equalsIgnoreCase("q")) {
            stop();
        } else {
            inputs.add(new Key(line));
        }
    }

    /** Ends watch mode after the test that runs now (a run of the whole kata stops between two test classes). */
    public void stop() {
        stopping = true;
        inputs.offerFirst(new Quit());
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops and waits (at most a minute) until watch mode has ended. */
    @Override
    public void close() {
        stop();
        try {
            awaitStopped(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ───────────────────────────────────────────── the engine thread

    private void loop() {
        try {
            guarded(this::startUp);
            while (!stopping) {
                if (inputs.isEmpty()) {
                    emit(new EngineEvent.Idle());
                }
                Input input = inputs.take();
                if (input instanceof Quit) {
                    break;
                }
                guarded(() -> handle(input));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            runner.close();
            roomSender.shutdown();
            out.println(" Watch mode stopped.");
            out.flush();
            emit(new EngineEvent.Stopped());
            stopped.countDown();
        }
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (WatchException e) {
            note("✘ " + e.getMessage());
        } catch (RuntimeException | Error e) {
            note("✘ Watch mode could not finish that (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); it goes on watching.");
        }
    }

    private void startUp() {
        if (katas.isEmpty()) {
            note("✘ No katas under " + root.resolve("katas") + ": start watch mode from the kit's root folder.");
            stop();
            return;
        }
        List<String> notes = new ArrayList<>();
        String wanted = startStep.split("[,\\s]+")[0].toUpperCase(Locale.ROOT);
        KataState kata = null;
        String first = null;
        if (!wanted.isEmpty()) {
            String letter = wanted.substring(0, 1);
            kata = katas.stream().filter(k -> k.letter().equals(letter)).findFirst().orElse(null);
            if (kata == null) {
                notes.add("No kata has steps starting with " + letter + " (-Dstep=" + startStep + "): starting at the first red step.");
            } else if (wanted.length() > 1 && kata.steps().contains(wanted)) {
                first = wanted;
            } else if (wanted.length() > 1) {
                notes.add("There is no step " + wanted + " in " + kata.kata.name() + " (its steps: " + range(kata) + ").");
            }
        }
        if (kata == null) {
            kata = katas.stream().filter(k -> k.firstRed().isPresent()).findFirst().orElse(katas.get(0));
        }
        if (first == null) {
            first = kata.firstRed().orElse(kata.steps().isEmpty() ? "" : kata.steps().get(0));
        }
        current = kata;
        step = first;
        out.println(" Watch mode: compiling " + kata.kata.name() + " and running " + step + " …");
        out.flush();
        cycle(kata, notes, true);
    }

    private void handle(Input input) {
        if (input instanceof Sources sources) {
            List<SourceWatcher.Change> changes = new ArrayList<>(sources.changes());
            // Saves that queued up while a run went on are handled together.
            for (Input queued : List.copyOf(inputs)) {
                if (queued instanceof Sources more && inputs.remove(queued)) {
                    changes.addAll(more.changes());
                }
            }
            watcher.takeChangeSeen();
            onSave(changes);
        } else if (input instanceof Key key) {
            onKey(key.line().strip());
        }
    }

    private void onSave(List<SourceWatcher.Change> changes) {
        List<String> notes = new ArrayList<>();
        KataState target = null;
        for (SourceWatcher.Change change : changes) {
            KataState k = state(change.kata());
            Set<Path> all = new LinkedHashSet<>(change.modified());
            all.addAll(change.deleted());
            for (Path p : all) {
                boolean java = p.toString().endsWith(".java");
                if (java && p.startsWith(k.kata.mainSources())) {
                    k.mainDirty = true;
                } else if (java && p.startsWith(k.kata.testSources())) {
                    k.testDirty = true;
                    k.sourceSteps = Steps.inSources(k.kata.testSources());
                }
            }
            change.deleted().forEach(p -> notes.add("Deleted: " + k.kata.show(p)));
            if (target == null || k == current) {
                target = k;
            }
        }
        if (target == null) {
            return;
        }
        if (target != current) {
            current = target;
            step = target.firstRed().orElse(target.steps().isEmpty() ? "" : target.steps().get(0));
            notes.add("You saved a file of " + target.kata.name() + ": watching it now, at " + step + ".");
        }
        cycle(current, notes, true);
    }

    private void onKey(String key) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "h" -> hint();
            case "n" -> next();
            case "a" -> all();
            default -> {
                if (Steps.isStepId(key)) {
                    jump(key.toUpperCase(Locale.ROOT));
                } else {
                    note("Keys: " + KEYS.strip());
                }
            }
        }
    }

    // ───────────────────────────────────────────── compile, run, show

    /**
     * Compiles the kata if a source changed, then runs the current step and shows its verdict; with
     * {@code rest}, then runs the rest of the kata, records the results and updates the progress bar.
     */
    private void cycle(KataState k, List<String> notes, boolean rest) {
        Instant start = clock.instant();
        Optional<String> errors = compile(k);
        if (errors.isPresent()) {
            showCompileErrors(k, notes, errors.get());
            return;
        }
        runStep(k, notes, rest, start);
    }

    /** javac's report when the kata does not compile. */
    private Optional<String> compile(KataState k) {
        List<Path> mainFiles = KataCompiler.javaFiles(k.kata.mainSources());
        if (!new LinkedHashSet<>(mainFiles).equals(k.mainFiles)) {
            // A file was added or deleted: the tests may no longer compile against the code.
            k.mainDirty = true;
            k.testDirty = true;
        }
        if (k.mainDirty) {
            KataCompiler.Result main = compiler.compile(k.kata.mainSources(), dependencies.main(k.kata.dir()), k.kata.mainClasses());
            if (!main.ok()) {
                forgetResults(k);
                return Optional.of(main.report());
            }
            k.mainClasses = main.classNames();
            k.mainFiles = new LinkedHashSet<>(mainFiles);
            k.mainDirty = false;
        }
        if (k.testDirty) {
            List<Path> classpath = new ArrayList<>();
            classpath.add(k.kata.mainClasses());
            classpath.addAll(dependencies.test(k.kata.dir()));
            KataCompiler.Result tests = compiler.compile(k.kata.testSources(), classpath, k.kata.testClasses());
            if (!tests.ok()) {
                forgetResults(k);
                return Optional.of(tests.report());
            }
            k.testClasses = tests.classNames();
            k.testDirty = false;
        }
        return Optional.empty();
    }

    /** Runs the current step; {@code start} is when this save's work began (the time shown includes compiling). */
    private void runStep(KataState k, List<String> notes, boolean rest, Instant start) {
        if (k.testClasses.isEmpty()) {
            screen = extra -> " " + k.kata.name() + " has no compiled tests (" + k.kata.show(k.kata.testSources())
                    + " is empty or missing): nothing to run." + extra;
            show(screen.apply(""));
            return;
        }
        List<Path> libraries = dependencies.test(k.kata.dir());
        URLClassLoader loader = runner.newRunLoader(k.kata, libraries);
        try {
            KataRunner.Outcome outcome = runner.runStep(k.kata, loader, step, k.mainClasses, k.testClasses, () -> stopping);
            if (hasLinkageError(outcome)) {
                // The code changed under the compiled tests (a method renamed, a class deleted): compile them again.
                k.testDirty = true;
                Optional<String> errors = compile(k);
                if (errors.isPresent()) {
                    showCompileErrors(k, notes, errors.get());
                    return;
                }
                closeQuietly(loader);
                loader = runner.newRunLoader(k.kata, libraries);
                outcome = runner.runStep(k.kata, loader, step, k.mainClasses, k.testClasses, () -> stopping);
            }
            Duration took = Duration.between(start, clock.instant());
            if (outcome.problem() != null && outcome.failures().values().stream().noneMatch(KataRunner.Failure::hung)) {
                notes.add("✘ " + outcome.problem());
            }
            boolean wasGreen = Steps.isGreen(k.results, step);
            k.results = Steps.merge(k.results, step, outcome.lines());
            k.failures.putAll(outcome.failures());
            boolean green = Steps.isGreen(outcome.lines(), step);
            String shownStep = step;
            KataRunner.Outcome stepOutcome = outcome;
            boolean checking = rest && outcome.problem() == null;
            List<String> shownNotes = List.copyOf(notes);
            screen = extra -> verdict(k, shownStep, shownNotes, stepOutcome.lines(), stepOutcome.output(), took,
                    checking && !k.checked ? " (checking the other steps …)" : "") + extra;
            String shown = show(screen.apply(""));
            shownBar = k.bar();
            emit(new EngineEvent.Verdict(k.kata.name(), shownStep, green, shown));
            if (!checking) {
                return;
            }
            KataRunner.Outcome others = runner.runKata(k.kata, loader, shownStep, k.mainClasses, k.testClasses,
                    () -> stopping || watcher.changeSeen());
            if (others.aborted()) {
                return;
            }
            if (others.problem() != null) {
                note("✘ " + others.problem());
                return;
            }
            List<ResultLine> all = new ArrayList<>(outcome.lines());
            all.addAll(others.lines());
            k.results = List.copyOf(all);
            k.failures.putAll(others.failures());
            k.checked = true;
            writeResults(k, others.header(), k.results);
            sendToRoom();
            emit(new EngineEvent.KataChecked(k.kata.name(), k.greenSteps(), k.steps().size()));
            if (green && !wasGreen && autoAdvance) {
                advance(k, shownStep);
            } else if (ansi) {
                show(screen.apply(""));
            } else if (!k.bar().equals(shownBar)) {
                out.println(" " + k.bar() + "   (the whole kata ran)");
                out.flush();
                shownBar = k.bar();
            }
        } finally {
            closeQuietly(loader);
        }
    }

    /** After the current step turned green: the next red step of the kata, or the next kata. */
    private void advance(KataState k, String from) {
        Optional<String> next = k.firstRed();
        if (next.isPresent()) {
            step = next.get();
            emit(new EngineEvent.MovedOn(k.kata.name(), from, step));
            List<String> notes = List.of("✔ " + from + " is green: on to " + step + ", the next red step.");
            String shownStep = step;
            screen = extra -> verdict(k, shownStep, notes, Steps.of(k.results, shownStep), "", null, "") + extra;
            String shown = show(screen.apply(""));
            shownBar = k.bar();
            emit(new EngineEvent.Verdict(k.kata.name(), shownStep, false, shown));
            return;
        }
        int at = katas.indexOf(k);
        Optional<KataState> nextKata = IntStream.range(1, katas.size())
                .mapToObj(i -> katas.get((at + i) % katas.size()))
                .filter(o -> o.firstRed().isPresent())
                .findFirst();
        String done = "✔ " + from + " is green, and so is every step of " + k.kata.name() + "!";
        if (nextKata.isEmpty()) {
            screen = extra -> " " + done + "\n " + k.bar() + "\n Every kata is green. Well done! Compare your code with"
                    + " solutions/" + k.kata.name() + " and its notes." + extra;
            show(screen.apply(""));
            return;
        }
        current = nextKata.get();
        step = current.firstRed().orElseThrow();
        List<String> notes = new ArrayList<>(List.of(done + " On to " + current.kata.name() + ", " + step + "."));
        cycle(current, notes, true);
    }

    private void showCompileErrors(KataState k, List<String> notes, String report) {
        List<String> deleted = notes.stream().filter(n -> n.startsWith("Deleted: ")).toList();
        screen = extra -> (deleted.isEmpty() ? "" : String.join("\n", deleted) + "\n") + report + extra;
        emit(new EngineEvent.CompileFailed(k.kata.name(), report, show(screen.apply(""))));
    }

    /** The verdict screen of one step. */
    private String verdict(KataState k, String shownStep, List<String> notes, List<ResultLine> lines, String output,
                           Duration took, String pending) {
        StringBuilder s = new StringBuilder();
        List<String> steps = k.steps();
        String position = steps.contains(shownStep) ? " (" + (steps.indexOf(shownStep) + 1) + " of " + steps.size() + ")" : "";
        String title = " " + k.kata.name() + " · step " + shownStep + position;
        String time = LocalTime.now(clock).format(TIME);
        s.append(title).append(" ".repeat(Math.max(2, 78 - title.length() - time.length()))).append(time).append('\n');
        notes.forEach(n -> s.append(' ').append(n).append('\n'));
        String timing = took == null ? "" : " · " + KataRunner.seconds(took);
        long passed = lines.stream().filter(r -> r.status() == ResultLine.Status.PASSED).count();
        Optional<ResultLine> red = lines.stream().filter(r -> r.status() != ResultLine.Status.PASSED).findFirst();
        if (lines.isEmpty()) {
            s.append(" ✘ ").append(shownStep).append(": no test ran").append(timing).append('\n');
        } else if (red.isEmpty()) {
            s.append(" ✔ ").append(shownStep).append(" is green: ").append(count(lines.size())).append(" passed")
                    .append(timing).append('\n');
        } else {
            ResultLine r = red.get();
            s.append(" ✘ ").append(r.title()).append('\n');
            r.message().lines().limit(MESSAGE_LINES).forEach(line -> s.append("     ").append(line).append('\n'));
            KataRunner.Failure failure = k.failures.get(r.uniqueId());
            if (failure != null && !failure.cause().isEmpty()) {
                s.append("     caused by ").append(failure.cause()).append('\n');
            }
            if (failure != null && !failure.location().isEmpty()) {
                s.append("     at ").append(failure.location()).append('\n');
            }
            if (failure != null && failure.hung()) {
                s.append("     An endless loop, or a wait for something that never comes? Watch mode gave up on this run:\n")
                        .append("     the tests after it did not run. (A loop that never ends keeps a processor busy: if the\n")
                        .append("     machine gets slow, restart watch mode.)\n");
            } else {
                s.append("   ").append(passed).append(" of ").append(count(lines.size())).append(" of ").append(shownStep)
                        .append(" green").append(timing).append('\n');
            }
        }
        List<String> printed = output == null ? List.of() : output.lines().toList();
        if (!printed.isEmpty()) {
            s.append(" Printed while ").append(shownStep).append(" ran (").append(printed.size()).append(printed.size() == 1 ? " line" : " lines")
                    .append(printed.size() > OUTPUT_LINES ? ", the first " + OUTPUT_LINES : "").append("):\n");
            printed.stream().limit(OUTPUT_LINES).forEach(line -> s.append("   | ").append(line).append('\n'));
        }
        s.append(' ').append(k.bar()).append(pending).append('\n');
        s.append(hintLine(k, shownStep));
        return s.toString();
    }

    private static String count(int tests) {
        return tests == 1 ? "1 test" : tests + " tests";
    }

    private String hintLine(KataState k, String shownStep) {
        int levels = Hints.load(k.kata.dir()).of(shownStep).size();
        if (levels == 0) {
            return " No hints for " + shownStep + " in " + k.kata.show(k.kata.dir().resolve("README.md")) + ".";
        }
        int opened = Math.min(new HintLog(root).opened(shownStep), levels);
        return " Hints for " + shownStep + ": " + opened + " of " + levels + " opened"
                + (opened < levels ? " (h shows the next)" : " (all of them)") + ".";
    }

    // ───────────────────────────────────────────── keys

    private void hint() {
        if (current == null || step.isEmpty()) {
            note("No current step yet.");
            return;
        }
        Hints hints = Hints.load(current.kata.dir());
        Optional<Hints.Hint> hint = new HintLog(root).revealNext(hints, step);
        if (hint.isEmpty()) {
            note("No hints for " + step + " in " + current.kata.show(current.kata.dir().resolve("README.md")) + ".");
            return;
        }
        Hints.Hint h = hint.get();
        StringBuilder block = new StringBuilder("\n\n Hint for ").append(h.step()).append(", level ").append(h.level())
                .append(" of ").append(h.levels()).append(": ").append(h.name()).append('\n');
        h.text().lines().forEach(line -> block.append("   ").append(line).append('\n'));
        block.append(h.level() < h.levels() ? " (h again for the next level)"
                : " (that was the last level; the solution is in solutions/" + current.kata.name() + ")");
        show(screen.apply(block.toString()));
        emit(new EngineEvent.HintShown(h.step(), h.level(), h.levels(), h.name(), h.text()));
    }

    private void next() {
        if (current == null) {
            return;
        }
        List<String> steps = current.steps();
        int at = steps.indexOf(step);
        if (at >= 0 && at + 1 < steps.size()) {
            step = steps.get(at + 1);
            cycle(current, new ArrayList<>(), !current.checked);
            return;
        }
        KataState next = katas.get((katas.indexOf(current) + 1) % katas.size());
        List<String> notes = new ArrayList<>();
        if (next != current) {
            notes.add("That was the last step of " + current.kata.name() + ": on to " + next.kata.name() + ".");
        }
        current = next;
        step = next.firstRed().orElse(next.steps().isEmpty() ? "" : next.steps().get(0));
        cycle(current, notes, !current.checked);
    }

    private void jump(String id) {
        Optional<KataState> kata = katas.stream().filter(k -> k.steps().contains(id)).findFirst();
        if (kata.isEmpty()) {
            KataState k = katas.stream().filter(s -> s.letter().equals(id.substring(0, 1))).findFirst().orElse(current);
            note("There is no step " + id + (k == null ? "" : " in " + k.kata.name() + " (its steps: " + range(k) + ")") + ".");
            return;
        }
        current = kata.get();
        step = id;
        cycle(current, new ArrayList<>(), !current.checked);
    }

    /** Runs every kata (as {@code mvn test} would), records the results and prints the progress table. */
    private void all() {
        if (ansi) {
            out.print(CLEAR);
        } else {
            out.println(RULE);
        }
        out.println(" Running every kata …");
        out.flush();
        StringBuilder report = new StringBuilder();
        for (KataState k : katas) {
            if (stopping) {
                return;
            }
            Optional<String> errors = compile(k);
            if (errors.isPresent()) {
                String firstError = errors.get().lines().limit(3).collect(Collectors.joining("\n   "));
                report.append(" ").append(k.kata.name()).append(" does not compile:\n   ").append(firstError).append('\n');
                continue;
            }
            URLClassLoader loader = runner.newRunLoader(k.kata, dependencies.test(k.kata.dir()));
            try {
                KataRunner.Outcome outcome = runner.runKata(k.kata, loader, null, k.mainClasses, k.testClasses, () -> stopping);
                if (outcome.aborted()) {
                    return;
                }
                if (outcome.problem() != null) {
                    report.append(" ✘ ").append(k.kata.name()).append(": ").append(outcome.problem()).append('\n');
                    forgetResults(k);
                    continue;
                }
                k.results = outcome.lines();
                k.failures.putAll(outcome.failures());
                k.checked = true;
                writeResults(k, outcome.header(), k.results);
                sendToRoom();
                emit(new EngineEvent.KataChecked(k.kata.name(), k.greenSteps(), k.steps().size()));
            } finally {
                closeQuietly(loader);
            }
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        boolean allGreen;
        try (PrintStream print = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            allGreen = ProgressReport.printTable(root, "", print);
        }
        String text = report + table.toString(StandardCharsets.UTF_8).strip()
                + "\n Watching " + (current == null ? "" : current.kata.name() + ", step " + step) + ": save a file to see its verdict.";
        screen = extra -> text + extra;
        show(screen.apply(""));
        emit(new EngineEvent.TableShown(allGreen));
    }

    // ───────────────────────────────────────────── output and files

    /** Clears the terminal (or draws a rule) and prints one screen, which ends with the keys; returns what it printed. */
    private String show(String body) {
        String text = body.stripTrailing() + "\n\n" + KEYS + "\n";
        out.print(ansi ? CLEAR : text.startsWith(RULE) ? "" : RULE + "\n");
        String room = roomLine;
        if (room != null) {
            roomLine = null;
            out.println(" " + room);
        }
        out.print(text);
        out.flush();
        return text;
    }

    /** With the learner's opt-in, posts every kata's recorded results to the room; its answer shows on the next screen. */
    private void sendToRoom() {
        try {
            roomSender.execute(() -> RoomUpdate.send(root, System.getProperties()).ifPresent(line -> roomLine = line));
        } catch (RejectedExecutionException e) {
            // Watch mode is stopping: nothing more to send.
        }
    }

    private void note(String line) {
        out.println(" " + line);
        out.flush();
        emit(new EngineEvent.Note(line));
    }

    private void emit(EngineEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A listener's problem is not the learner's.
        }
    }

    private KataState state(Kata kata) {
        return katas.stream().filter(k -> k.kata.equals(kata)).findFirst().orElseThrow();
    }

    private static String range(KataState k) {
        List<String> steps = k.steps();
        return steps.isEmpty() ? "none" : steps.get(0) + "–" + steps.get(steps.size() - 1);
    }

    private static boolean hasLinkageError(KataRunner.Outcome outcome) {
        return outcome.failures().values().stream().anyMatch(f -> {
            try {
                return LinkageError.class.isAssignableFrom(Class.forName(f.exception(), false, ClassLoader.getPlatformClassLoader()));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }

    /** Writes the results file the progress table reads: every line comes from the kit's ResultRecorder. */
    private static void writeResults(KataState k, String header, List<ResultLine> lines) {
        Path file = k.kata.resultsFile();
        StringBuilder text = new StringBuilder(header.isEmpty() ? "" : header + "\n");
        lines.forEach(r -> text.append(r.format()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("results.tsv.tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Code that does not compile has no results: the progress table then says so, as after {@code mvn test}. */
    private static void forgetResults(KataState k) {
        try {
            Files.deleteIfExists(k.kata.resultsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + k.kata.resultsFile(), e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
