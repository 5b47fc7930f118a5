package workshop.watch;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Measures watch mode against the command it replaces, in one run on the same machine:
 * (a) save → verdict: {@code SetCookieParser.java} of a copy of kata 01 is saved alternately with the
 * starter's and the solution's content, timed from the file write to C1's verdict on the screen;
 * (b) {@code mvn test -Dstep=C1}, the same step through Maven, wall time (after one untimed run).
 *
 * <p>Run it with {@code mvn -Pwatch -Dwatch.mainClass=workshop.watch.WatchBenchmark} from the kit's root
 * (optional: {@code -Dwatch.benchmark.saves=15 -Dwatch.benchmark.mvnRuns=5}; {@code -Dwatch.benchmark.mvn=./mvnw}).
 * Prints medians, p90 and the ratio, and writes them to {@code src/progress/target/watch-benchmark.txt}.
 * Part (b) is a real {@code mvn test}: like any, it replaces the katas' recorded results.
 */
public final class WatchBenchmark {

    private static final String STEP = "C1";
    private static final String PARSER = "src/main/java/workshop/cookies/SetCookieParser.java";
    private static final String HELPER = "src/main/java/workshop/cookies/Ascii.java";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private record Timed(long nanos, EngineEvent event) {
    }

    private WatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String release = args.length > 2 ? args[2] : "17";
        int saves = Math.max(2, Integer.getInteger("watch.benchmark.saves", 15));
        int mvnRuns = Math.max(1, Integer.getInteger("watch.benchmark.mvnRuns", 5));
        Path work = root.resolve("src/progress/target/watch-benchmark");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

        out.printf("%n Watch mode benchmark: %d saves of katas/01-cookies/%s, then %d × mvn test -Dstep=%s%n",
                saves, PARSER, mvnRuns, STEP);
        List<Double> verdicts = new ArrayList<>();
        List<Double> wholeKata = new ArrayList<>();
        measureSaves(root, work, release, saves, verdicts, wholeKata, out);
        List<Double> javac = measureCompiler(root, work, release, saves);
        System.gc();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long unloaded = classes.getUnloadedClassCount();
        List<Double> maven = measureMaven(root, work, mvnRuns, out);

        double verdictMedian = median(verdicts);
        double mavenMedian = median(maven);
        String report = String.join("\n",
                "Watch mode benchmark (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                        + Runtime.getRuntime().availableProcessors() + " processors)",
                String.format(Locale.ROOT, "save -> verdict of %s (watch mode, n=%d):      median %.3f s   p90 %.3f s   min %.3f s   max %.3f s",
                        STEP, verdicts.size(), verdictMedian, p90(verdicts), min(verdicts), max(verdicts)),
                String.format(Locale.ROOT, "save -> whole kata recorded (n=%d):            median %.3f s   p90 %.3f s",
                        wholeKata.size(), median(wholeKata), p90(wholeKata)),
                String.format(Locale.ROOT, "javac, kata 01's whole main source set, warm (n=%d): median %.3f s   p90 %.3f s",
                        javac.size(), median(javac), p90(javac)),
                String.format(Locale.ROOT, "classes unloaded after the saves: %d (each run's class loader is released)", unloaded),
                String.format(Locale.ROOT, "mvn test -Dstep=%s (wall time, n=%d):           median %.3f s   p90 %.3f s   min %.3f s   max %.3f s",
                        STEP, maven.size(), mavenMedian, p90(maven), min(maven), max(maven)),
                String.format(Locale.ROOT, "ratio (median mvn test / median save -> verdict): %.1f×", mavenMedian / verdictMedian),
                String.format(Locale.ROOT, "target: save -> verdict median <= 1.0 s: %s", verdictMedian <= 1.0 ? "met" : "NOT met"),
                "");
        Path file = root.resolve("src/progress/target/watch-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        out.println();
        out.print(report.indent(1));
        out.println(" Written to " + root.relativize(file).toString().replace('\\', '/'));
    }

    private static void measureSaves(Path root, Path work, String release, int saves, List<Double> verdicts,
                                     List<Double> wholeKata, PrintStream out) throws Exception {
        Path kit = work.resolve("kit");
        deleteTree(kit);
        Path kata = kit.resolve("katas/01-cookies");
        copy(root.resolve("katas/01-cookies"), kata, "README.md", "pom.xml", "src");
        Path parser = kata.resolve(PARSER);
        String starter = Files.readString(parser, StandardCharsets.UTF_8);
        String solution = Files.readString(root.resolve("solutions/01-cookies").resolve(PARSER), StandardCharsets.UTF_8);
        // The solution's parser uses a helper class of its own: it is there from the start.
        Files.copy(root.resolve("solutions/01-cookies").resolve(HELPER), kata.resolve(HELPER));
        Dependencies maven = Dependencies.fromMaven();
        Dependencies dependencies = new Dependencies() {
            @Override
            public List<Path> test(Path kataDir) {
                return maven.test(root.resolve("katas").resolve(kataDir.getFileName()));
            }

            @Override
            public List<Path> main(Path kataDir) {
                return maven.main(root.resolve("katas").resolve(kataDir.getFileName()));
            }
        };
        BlockingQueue<Timed> events = new LinkedBlockingQueue<>();
        try (PrintStream screens = new PrintStream(Files.newOutputStream(work.resolve("screens.txt")), true, StandardCharsets.UTF_8)) {
            WatchEngine engine = WatchEngine.builder(kit)
                    .out(screens)
                    .dependencies(dependencies)
                    .release(release)
                    .startStep(STEP)
                    .autoAdvance(false)
                    .listener(e -> events.add(new Timed(System.nanoTime(), e)))
                    .build();
            engine.start();
            try {
                await(events, e -> e instanceof EngineEvent.KataChecked, "the first run");
                await(events, e -> e instanceof EngineEvent.Idle, "the first run");
                for (int i = 0; i < saves; i++) {
                    boolean toSolution = i % 2 == 0;
                    events.clear();
                    long start = System.nanoTime();
                    Files.writeString(parser, toSolution ? solution : starter, StandardCharsets.UTF_8);
                    Timed verdict = await(events, e -> e instanceof EngineEvent.Verdict v && v.step().equals(STEP), "save " + (i + 1));
                    boolean green = ((EngineEvent.Verdict) verdict.event()).green();
                    if (green != toSolution) {
                        throw new IllegalStateException("Save " + (i + 1) + " gave " + STEP + (green ? " green" : " red")
                                + " with the " + (toSolution ? "solution" : "starter") + ": see " + work.resolve("screens.txt"));
                    }
                    Timed checked = await(events, e -> e instanceof EngineEvent.KataChecked, "save " + (i + 1));
                    await(events, e -> e instanceof EngineEvent.Idle, "save " + (i + 1));
                    double seconds = (verdict.nanos() - start) / 1e9;
                    verdicts.add(seconds);
                    wholeKata.add((checked.nanos() - start) / 1e9);
                    out.printf(Locale.ROOT, "   save %2d (%s): verdict after %.3f s, whole kata after %.3f s%n", i + 1,
                            toSolution ? "solution, green" : "starter, red", seconds, (checked.nanos() - start) / 1e9);
                }
            } finally {
                engine.close();
            }
        }
    }

    /** The compile part of a save: the kata's whole main source set, with the compiler already warm. */
    private static List<Double> measureCompiler(Path root, Path work, String release, int runs) {
        Path kata = work.resolve("kit/katas/01-cookies");
        List<Path> classpath = Dependencies.fromMaven().main(root.resolve("katas/01-cookies"));
        KataCompiler compiler = new KataCompiler(release, work.resolve("kit"));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            KataCompiler.Result result = compiler.compile(kata.resolve("src/main/java"), classpath, work.resolve("javac-classes"));
            if (!result.ok()) {
                throw new IllegalStateException(result.report());
            }
            times.add((System.nanoTime() - start) / 1e9);
        }
        return times;
    }

    private static List<Double> measureMaven(Path root, Path work, int runs, PrintStream out) throws Exception {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String mvn = System.getProperty("watch.benchmark.mvn", windows ? "mvn.cmd" : "mvn");
        Path log = work.resolve("mvn.log");
        Files.deleteIfExists(log);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            ProcessBuilder pb = new ProcessBuilder(mvn, "test", "-Dstep=" + STEP)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long start = System.nanoTime();
            Process process = pb.start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(mvn + " test -Dstep=" + STEP + " took over 10 minutes: see " + log);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (i == 0) {
                out.printf(Locale.ROOT, "   mvn test -Dstep=%s, warm-up: %.2f s (exit %d: a red step ends the build with exit code 1)%n",
                        STEP, seconds, process.exitValue());
            } else {
                times.add(seconds);
                out.printf(Locale.ROOT, "   mvn test -Dstep=%s, run %d: %.2f s%n", STEP, i, seconds);
            }
        }
        return times;
    }

    private static Timed await(BlockingQueue<Timed> events, Predicate<EngineEvent> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Timed t = events.poll(left, TimeUnit.NANOSECONDS);
            if (t == null) {
                break;
            }
            if (t.event() instanceof EngineEvent.CompileFailed f) {
                throw new IllegalStateException("The kata copy did not compile (" + what + "):\n" + f.compilerOutput());
            }
            if (wanted.test(t.event())) {
                return t;
            }
        }
        throw new IllegalStateException("No answer from the watch engine within " + WAIT.toSeconds() + " s (" + what + ").");
    }

    private static void copy(Path from, Path to, String... names) throws IOException {
        for (String name : names) {
            Path source = from.resolve(name);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank 90th percentile. */
    private static double p90(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
