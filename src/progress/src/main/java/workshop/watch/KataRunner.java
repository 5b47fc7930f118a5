package workshop.watch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workshop.katasupport.ResultLine;
import workshop.katasupport.StepId;

/**
 * Runs a kata's tests in this JVM with the JUnit Platform, the way Surefire runs them in {@code mvn test}:
 * the kit's {@code StepFilter} picks the steps ({@code kata.step}) and its {@code ResultRecorder} writes
 * {@code results.tsv} ({@code kata.results}); both are found through the ServiceLoader, as in Maven.
 *
 * <p>Class loaders: this module's loader holds JUnit and kata-support (shared by every run, so the kit's
 * listeners are JUnit's own); one cached loader per kata holds the kata's other libraries; every run gets a
 * fresh child loader for the kata's compiled classes, so each run sees the code just saved.
 *
 * <p>A run that makes no progress (no test starts or ends) for the timeout (three times as long between
 * two test classes) is given up: the test that
 * hangs is named, the tests after it are skipped ({@link RunGate}), and the kata's library loader is
 * dropped so the next run starts fresh. Its thread cannot be killed; it is a daemon that Maven does not
 * wait for.
 */
final class KataRunner implements AutoCloseable {

    /** How a failed test failed: the exception, where in the kata's own code, whether it hung, its cause. */
    record Failure(String exception, String location, boolean hung, String cause) {
    }

    /**
     * One run's results, as recorded by the kit's ResultRecorder (plus, for a test that hung, a line
     * that says so: that test never finished, so the recorder wrote nothing for it).
     *
     * @param header  the results file's first line (its step filter)
     * @param output  what the tests printed (System.out and System.err)
     * @param problem a sentence when the run could not finish (a test hung, JUnit could not start); else null
     * @param aborted the run stopped early because a file was saved meanwhile (or watch mode is ending)
     */
    record Outcome(String header, List<ResultLine> lines, Map<String, Failure> failures, String output, String problem,
                   boolean aborted) {
    }

    /** Surefire's default test class names (Test*, *Test, *Tests, *TestCase), as in {@code mvn test}. */
    private static final String TEST_CLASS_NAMES = "^(.*\\.)?(Test[^.$]*|[^.$]*Tests?|[^.$]*TestCase)$";
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;
    private static final long POLL_MILLIS = 20;

    private final ClassLoader appLoader;
    private final Set<Path> appEntries;
    private final Duration timeout;
    private final Map<Path, URLClassLoader> dependencyLoaders = new HashMap<>();
    private final Map<Path, List<Path>> dependencyLists = new HashMap<>();
    private long runs;

    /** @param timeout how long a run may go without any test starting or ending before it counts as hung */
    KataRunner(Duration timeout) {
        this.appLoader = KataRunner.class.getClassLoader();
        this.appEntries = classPathOf(appLoader);
        this.timeout = timeout;
    }

    /** A fresh loader for the kata's compiled classes, child of the kata's (cached) library loader. */
    URLClassLoader newRunLoader(Kata kata, List<Path> dependencies) {
        List<URL> urls = new ArrayList<>();
        for (Path p : List.of(kata.mainClasses(), kata.testClasses(), kata.mainResources(), kata.testResources())) {
            if (Files.isDirectory(p)) {
                urls.add(url(p));
            }
        }
        return new URLClassLoader("watch " + kata.name(), urls.toArray(URL[]::new), dependencyLoader(kata, dependencies));
    }

    private ClassLoader dependencyLoader(Kata kata, List<Path> dependencies) {
        if (!dependencies.equals(dependencyLists.get(kata.dir()))) {
            forget(kata.dir());
        }
        return dependencyLoaders.computeIfAbsent(kata.dir(), dir -> {
            dependencyLists.put(dir, dependencies);
            // What this module's loader already has (JUnit, kata-support) must come from there, and only from there.
            URL[] urls = dependencies.stream()
                    .filter(p -> !appEntries.contains(normalise(p)))
                    .map(KataRunner::url)
                    .toArray(URL[]::new);
            return new URLClassLoader("watch " + kata.name() + " libraries", urls, appLoader);
        });
    }

    private void forget(Path kataDir) {
        URLClassLoader old = dependencyLoaders.remove(kataDir);
        dependencyLists.remove(kataDir);
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }

    /** Runs only {@code step}'s tests (through the kit's StepFilter). */
    Outcome runStep(Kata kata, ClassLoader loader, String step, Set<String> mainClasses, Set<String> testClasses,
                    BooleanSupplier abort) {
        return new Execution(kata, loader, step, mainClasses, testClasses).run(List.of(), abort);
    }

    /** Runs every test of the kata except {@code exceptStep}'s (null: every test); stops between two tests on {@code abort}. */
    Outcome runKata(Kata kata, ClassLoader loader, String exceptStep, Set<String> mainClasses, Set<String> testClasses,
                    BooleanSupplier abort) {
        List<Filter<?>> filters = exceptStep == null ? List.of() : List.of(without(exceptStep));
        return new Execution(kata, loader, "", mainClasses, testClasses).run(filters, abort);
    }

    private static PostDiscoveryFilter without(String step) {
        return descriptor -> {
            if (!(descriptor.isTest() || descriptor.mayRegisterTests())) {
                return FilterResult.included("a container");
            }
            Optional<StepId> id = stepOf(descriptor);
            return id.isPresent() && id.get().value().equals(step)
                    ? FilterResult.excluded(step + " ran already") : FilterResult.included("another step");
        };
    }

    private static Optional<StepId> stepOf(TestDescriptor descriptor) {
        for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            Optional<StepId> id = StepId.ofDisplayName(d.get().getDisplayName());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** One launcher execution: its results folder, what it printed, where its failures came from. */
    private final class Execution {
        private final Kata kata;
        private final ClassLoader loader;
        private final String stepProperty;
        private final Set<String> mainClasses;
        private final Set<String> testClasses;
        private final Path results;
        private final Map<String, Failure> failures = new LinkedHashMap<>();
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        /** What has started and not finished yet, in start order: the last test in it is the one that hangs. */
        private final Map<String, TestIdentifier> running = Collections.synchronizedMap(new LinkedHashMap<>());
        private volatile TestPlan plan;

        Execution(Kata kata, ClassLoader loader, String stepProperty, Set<String> mainClasses, Set<String> testClasses) {
            this.kata = kata;
            this.loader = loader;
            this.stepProperty = stepProperty;
            this.mainClasses = mainClasses;
            this.testClasses = testClasses;
            this.results = freshResultsFolder(kata);
        }

        /**
         * Runs the tests on the worker thread with the kata's class loader, the step filter and the results
         * folder set, and what the tests print captured; watches for a test that hangs.
         */
        Outcome run(List<Filter<?>> filters, BooleanSupplier abort) {
            String gate = RunGate.open();
            LauncherDiscoveryRequest request = request(filters, gate);
            Map<String, String> saved = new HashMap<>();
            for (String key : List.of("kata.step", "kata.results")) {
                saved.put(key, System.getProperty(key));
            }
            PrintStream out = System.out;
            PrintStream err = System.err;
            PrintStream capture = new PrintStream(new BoundedOutput(output), true, StandardCharsets.UTF_8);
            System.setProperty("kata.step", stepProperty);
            System.setProperty("kata.results", results.toString());
            System.setOut(capture);
            System.setErr(capture);
            // A thread of its own per run: nothing a run leaves in a ThreadLocal outlives it.
            ExecutorService worker = Executors.newSingleThreadExecutor(task -> Threads.daemon("watch-tests", task));
            Future<?> future = worker.submit(() -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                    LauncherFactory.create().execute(request, new Tracker());
                } finally {
                    thread.setContextClassLoader(previous);
                }
            });
            boolean aborted = false;
            try {
                while (true) {
                    try {
                        future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        return outcome(null, aborted);
                    } catch (TimeoutException e) {
                        if (!aborted && abort.getAsBoolean()) {
                            aborted = true;
                            RunGate.close(gate);
                        }
                        if (System.nanoTime() - lastProgress.get() > allowance().toNanos()) {
                            return hung(future, worker, gate);
                        }
                    }
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return outcome("JUnit could not run the tests of " + kata.name() + ": " + cause.getClass().getSimpleName()
                        + ": " + cause.getMessage(), aborted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome(null, true);
            } finally {
                RunGate.close(gate);
                worker.shutdown();
                System.setOut(out);
                System.setErr(err);
                restore(saved);
                release(loader);
            }
        }

        private LauncherDiscoveryRequest request(List<Filter<?>> filters, String gate) {
            List<Filter<?>> all = new ArrayList<>(filters);
            all.add(ClassNameFilter.includeClassNamePatterns(TEST_CLASS_NAMES));
            List<DiscoverySelector> roots = List.copyOf(selectClasspathRoots(Set.of(kata.testClasses())));
            return LauncherDiscoveryRequestBuilder.request()
                    .selectors(roots)
                    .filters(all.toArray(Filter[]::new))
                    // The same order as katas/pom.xml gives Surefire: teaching order.
                    .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                    .configurationParameter("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$OrderAnnotation")
                    // Only watch mode's own gate is auto-detected, so no other extension changes the run.
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.extensions.autodetection.include", RunGate.class.getName())
                    .configurationParameter(RunGate.RUN, gate)
                    .build();
        }

        /**
         * How long the run may go without progress: the timeout while a test runs; three times as long before
         * the first test of a class (finding the tests, starting a class's simulated server on a busy machine).
         */
        private Duration allowance() {
            synchronized (running) {
                return running.values().stream().anyMatch(TestIdentifier::isTest) ? timeout : timeout.multipliedBy(3);
            }
        }

        /** Gives up on a run that hangs: names the test, skips the rest, drops the kata's library loader. */
        private Outcome hung(Future<?> future, ExecutorService worker, String gate) {
            // First what ran and what hangs; stopping the run lets the hung test end (and the rest be skipped).
            List<TestIdentifier> open;
            synchronized (running) {
                open = List.copyOf(running.values());
            }
            Outcome before = outcome(null, false);
            RunGate.close(gate);
            future.cancel(true);
            worker.shutdownNow();
            forget(kata.dir());
            TestIdentifier stuck = open.stream().filter(TestIdentifier::isTest).reduce((a, b) -> b).orElse(null);
            TestIdentifier container = open.isEmpty() ? null : open.get(open.size() - 1);
            String what = stuck != null ? "\"" + title(stuck) + "\""
                    : container != null ? "The tests of \"" + container.getDisplayName() + "\""
                    : "Finding the tests of " + kata.name();
            String problem = what + " did not finish within " + seconds(stuck != null ? timeout : timeout.multipliedBy(3)) + ": an endless loop, or a wait for"
                    + " something that never comes? Watch mode gave up on that run; the next one starts with fresh class loaders.";
            Outcome partial = new Outcome(before.header(), before.lines(), before.failures(), before.output(), problem, false);
            if (stuck == null) {
                return partial;
            }
            List<ResultLine> lines = new ArrayList<>(partial.lines());
            lines.removeIf(r -> r.uniqueId().equals(stuck.getUniqueId()));
            String step = stepOf(stuck).orElse("");
            String method = stuck.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> m.getClassName() + "#" + m.getMethodName()).orElse("");
            lines.add(new ResultLine(ResultLine.Status.FAILED, step, stuck.getUniqueId(), method, title(stuck),
                    "did not finish within " + seconds(timeout)));
            Map<String, Failure> all = new LinkedHashMap<>(partial.failures());
            all.put(stuck.getUniqueId(), new Failure("", "", true, ""));
            return new Outcome(partial.header(), List.copyOf(lines), Map.copyOf(all), partial.output(), problem, false);
        }

        private String title(TestIdentifier test) {
            Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
            if (parent.isPresent() && parent.get().getSource().filter(MethodSource.class::isInstance).isPresent()) {
                return parent.get().getDisplayName() + ResultLine.INVOCATION_SEPARATOR + test.getDisplayName();
            }
            return test.getDisplayName();
        }

        private Optional<String> stepOf(TestIdentifier test) {
            for (Optional<TestIdentifier> t = Optional.of(test); t.isPresent(); t = plan == null ? Optional.empty() : plan.getParent(t.get())) {
                Optional<StepId> id = StepId.ofDisplayName(t.get().getDisplayName());
                if (id.isPresent()) {
                    return Optional.of(id.get().value());
                }
            }
            return Optional.empty();
        }

        Outcome outcome(String problem, boolean aborted) {
            Path file = results.resolve("results.tsv");
            String header = "";
            List<ResultLine> lines = List.of();
            if (Files.isRegularFile(file)) {
                try {
                    List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                    header = text.isEmpty() || ResultLine.stepFilterOf(text.get(0)) == null ? "" : text.get(0);
                    lines = ResultLine.parseAll(text);
                } catch (IOException | RuntimeException e) {
                    // A run given up on may still be writing: what was read so far stands.
                }
            }
            String printed;
            synchronized (output) {
                printed = output.toString(StandardCharsets.UTF_8);
            }
            Map<String, Failure> seen;
            synchronized (failures) {
                seen = Map.copyOf(failures);
            }
            return new Outcome(header, lines, seen, printed, problem, aborted);
        }

        /** Notes progress (for the hang watchdog) and where in the kata's own code each failure was thrown. */
        private final class Tracker implements TestExecutionListener {
            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
                lastProgress.set(System.nanoTime());
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                lastProgress.set(System.nanoTime());
                running.put(test.getUniqueId(), test);
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                lastProgress.set(System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                lastProgress.set(System.nanoTime());
                running.remove(test.getUniqueId());
                result.getThrowable().ifPresent(t -> {
                    Failure failure = new Failure(t.getClass().getName(), location(t), false, cause(t));
                    synchronized (failures) {
                        failures.put(test.getUniqueId(), failure);
                    }
                });
            }
        }

        /** For an exception without a message of its own (e.g. ExceptionInInitializerError): its first cause that has one. */
        private String cause(Throwable thrown) {
            if (thrown.getMessage() != null && !thrown.getMessage().isBlank()) {
                return "";
            }
            for (Throwable t = thrown.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    return t.getClass().getSimpleName() + ": " + t.getMessage().strip();
                }
            }
            return thrown.getCause() == null ? "" : thrown.getCause().getClass().getSimpleName();
        }

        /** The first line of the kata's own code in the stack trace (main code before tests), e.g. {@code …/SetCookieParser.java:27}. */
        private String location(Throwable thrown) {
            if (thrown instanceof AssertionError || thrown instanceof UnsupportedOperationException) {
                return "";
            }
            for (Set<String> classes : List.of(mainClasses, testClasses)) {
                for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    for (StackTraceElement frame : t.getStackTrace()) {
                        if (classes.contains(frame.getClassName()) && frame.getFileName() != null && frame.getLineNumber() > 0) {
                            String name = frame.getClassName();
                            String folder = name.contains(".") ? name.substring(0, name.lastIndexOf('.') + 1).replace('.', '/') : "";
                            Path sources = classes == mainClasses ? kata.mainSources() : kata.testSources();
                            String method = name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName();
                            return kata.show(sources.resolve(folder + frame.getFileName())) + ":" + frame.getLineNumber()
                                    + " (" + method + ")";
                        }
                    }
                }
            }
            return "";
        }
    }

    /** A new folder for one run's results; a run given up on may still write into its own, never into the next one's. */
    private Path freshResultsFolder(Kata kata) {
        Path runsDir = kata.work().resolve("runs");
        try {
            if (Files.isDirectory(runsDir)) {
                try (Stream<Path> old = Files.list(runsDir)) {
                    old.forEach(dir -> {
                        try {
                            KataCompiler.clean(dir);
                            Files.deleteIfExists(dir);
                        } catch (RuntimeException | IOException e) {
                            // Still in use by a run given up on: removed next time.
                        }
                    });
                }
            }
            Path dir = runsDir.resolve("run-" + (++runs));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + runsDir, e);
        }
    }

    /**
     * Threads a run started (an HttpClient's selector, a pool a test forgot to shut down) keep the run's class
     * loader as their context loader, which would keep every class of that run in memory for as long as they
     * live: they get this module's loader instead, so the run's classes can be collected.
     */
    private void release(ClassLoader loader) {
        for (Thread thread : Threads.all()) {
            if (thread.getContextClassLoader() == loader) {
                thread.setContextClassLoader(appLoader);
            }
        }
    }

    private static void restore(Map<String, String> saved) {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    /** Keeps the first 256 KB of what the tests print: a test that prints in a loop cannot fill the memory. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream target;

        BoundedOutput(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                if (target.size() < MAX_OUTPUT_BYTES) {
                    target.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, Math.max(0, Math.min(len, MAX_OUTPUT_BYTES - target.size())));
            }
        }
    }

    private static Set<Path> classPathOf(ClassLoader loader) {
        Set<Path> entries = new HashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(normalise(Path.of(url.toURI())));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // Not a file: not something a kata's class path can repeat.
                    }
                }
            }
        }
        Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .forEach(s -> entries.add(normalise(Path.of(s))));
        return entries;
    }

    private static Path normalise(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    @Override
    public void close() {
        List.copyOf(dependencyLoaders.keySet()).forEach(this::forget);
    }
}
