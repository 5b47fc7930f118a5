package workshop.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds the learner bundle from this kit, unzips it and runs it as a learner would, offline: an empty home folder
 * (no ~/.m2, no settings), no network beyond loopback, only the repository inside the bundle.
 */
class LearnerBundleIT {

    private static final Duration LIMIT = Duration.ofMinutes(15);
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Test
    void theUnzippedBundleRunsTheKatasOfflineFromItsOwnRepository() throws IOException, InterruptedException {
        Path kit = Path.of(System.getProperty("bundle.kitRoot", "../..")).toAbsolutePath().normalize();
        Path mavenHome = Path.of(System.getProperty("maven.home"));
        String source = System.getProperty("bundle.sourceRepository", "");
        Path output = Path.of("target/bundle-it").toAbsolutePath();
        long start = System.nanoTime();

        LearnerBundle.Result bundle = new LearnerBundle(kit, output, mavenHome,
                source.isBlank() ? null : Path.of(source), out).build();
        out.printf(Locale.ROOT, "Bundle: %s, %.1f MB, built in %d s%n", bundle.learnerZip(),
                bundle.learnerZipBytes() / (1024.0 * 1024), bundle.took().toSeconds());

        Path unzipped = output.resolve("unzipped");
        LearnerBundle.deleteTree(unzipped);
        unzip(bundle.learnerZip(), unzipped);
        Path learner = unzipped.resolve(LearnerBundle.TOP);
        assertThat(learner.resolve("pom.xml")).as("the zip has one top folder, %s/", LearnerBundle.TOP).isRegularFile();
        assertThat(learner.resolve("solutions")).as("no solutions in the learner bundle").doesNotExist();
        assertThat(learner.resolve(".ci")).doesNotExist();
        assertThat(learner.resolve("src/bundle")).doesNotExist();
        assertThat(kataCheckFiles(learner)).as("the starter/solution check stays out").isEmpty();
        assertThat(Files.readString(learner.resolve("pom.xml"))).doesNotContain("<id>solutions</id>", "src/bundle");
        assertThat(Files.readString(learner.resolve(".mvn/maven.config"))).contains("-s\n" + LearnerBundle.OFFLINE_SETTINGS);
        if (!windows()) {
            assertThat(learner.resolve("mvnw")).as("./mvnw stays executable").isExecutable();
        }
        checkManifest(learner.resolve(LearnerBundle.REPOSITORY));

        Path home = Files.createDirectories(output.resolve("empty-home"));
        Isolation isolation = isolation();
        out.println("Offline runs: " + isolation.name());

        MavenRun.Outcome test = learnerRun(learner, home, isolation, List.of("-o", "test"), "test");
        assertThat(MavenRun.resolutionErrors(test.output())).as("mvn -o test resolved everything offline (%s)", test.log())
                .isEmpty();
        assertThat(test.output()).as("the progress table (%s)", test.log()).contains("Kata progress", "Red is where a kata starts");
        assertThat(test.exitCode()).as("red starters end mvn test with exit code 1 (%s)", test.log()).isEqualTo(1);
        assertThat(kataCheckFiles(learner)).as("no KataCheck source or class after the learner's build").isEmpty();
        assertThat(learner.resolve("solutions")).doesNotExist();

        MavenRun.Outcome debug = learnerRun(learner, home, isolation, List.of("-o", "-X", "-N", "validate"), "which-repository");
        assertThat(debug.output()).as("Maven used the bundle's repository (%s)", debug.log())
                .contains("Using local repository at " + learner.resolve(LearnerBundle.REPOSITORY));
        assertThat(filesNamed(home, ".jar")).as("nothing was downloaded into the empty home folder").isEmpty();

        if (jupyterWithNbconvert()) {
            MavenRun.Outcome notebook = learnerRun(learner, home, isolation,
                    List.of("-o", "-Pnotebooks", "-Dnotebook=00"), "notebook-00", true); // its doctor cell wants a browser
            assertThat(MavenRun.resolutionErrors(notebook.output())).as(notebook.log().toString()).isEmpty();
            assertThat(notebook.exitCode()).as("mvn -o -Pnotebooks -Dnotebook=00 in the bundle (%s)", notebook.log())
                    .isZero();
            out.println("Notebook 00 ran offline in the bundle (" + notebook.took().toSeconds() + " s).");
        } else {
            out.println("SKIPPED: mvn -o -Pnotebooks -Dnotebook=00 in the bundle: no `jupyter nbconvert` on this machine.");
        }

        Path solution = bundle.solutionZips().get(0);
        unzip(solution, unzipped);
        assertThat(learner.resolve("solutions/01-cookies/src/main")).as("%s unzipped beside the kit adds its solution",
                solution.getFileName()).isDirectory();
        assertThat(learner.resolve("solutions/01-cookies/README.md")).isRegularFile();
        out.printf(Locale.ROOT, "LearnerBundleIT: %d s in all (bundle %d s, mvn -o test %d s)%n",
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), bundle.took().toSeconds(), test.took().toSeconds());
    }

    /** Every line of the manifest names a file of the repository with its size and SHA-256, and every file is listed. */
    private static void checkManifest(Path repository) throws IOException {
        List<String> lines = Files.readAllLines(repository.resolve("kit-manifest.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(LearnerBundle.MANIFEST_HEADER);
        List<String> listed = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).as(line).hasSize(3);
            Path file = repository.resolve(f[2]);
            assertThat(Files.size(file)).as(f[2]).isEqualTo(Long.parseLong(f[1]));
            assertThat(LearnerBundle.sha256(file)).as(f[2]).isEqualTo(f[0]);
            listed.add(f[2]);
        }
        List<String> present;
        try (Stream<Path> walk = Files.walk(repository)) {
            present = walk.filter(Files::isRegularFile).map(p -> repository.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("kit-manifest.tsv")).toList();
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        assertThat(present).as("the kit's own artifacts and resolver bookkeeping are not in the repository")
                .noneMatch(p -> p.startsWith("workshop/") || p.endsWith("_remote.repositories") || p.endsWith(".lastUpdated")
                        || p.contains("maven-metadata-"))
                .anyMatch(p -> p.contains("surefire-junit-platform"));
    }

    /** How the learner's runs are kept off the network: a network namespace if possible, else closed proxies. */
    private record Isolation(String name, List<String> wrapper, String mavenOpts) {
    }

    private static Isolation isolation() throws IOException, InterruptedException {
        if (!windows() && succeeds(List.of("unshare", "-rn", "sh", "-c", "ip link set lo up"))) {
            return new Isolation("a new network namespace (unshare -rn) with only loopback up",
                    List.of("unshare", "-rn", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh"), null);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new Isolation("unshare -rn unavailable: -o plus HTTP(S) proxies on closed loopback port " + port,
                List.of(), "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + port + " -Dhttps.proxyHost=127.0.0.1"
                + " -Dhttps.proxyPort=" + port);
    }

    private static MavenRun.Outcome learnerRun(Path learner, Path home, Isolation isolation, List<String> args,
            String name) {
        return learnerRun(learner, home, isolation, args, name, false);
    }

    /** {@code withBrowser}: keep the machine's browser (WORKSHOP_BROWSER as inherited) instead of none. */
    private static MavenRun.Outcome learnerRun(Path learner, Path home, Isolation isolation, List<String> args,
            String name, boolean withBrowser) {
        MavenRun run = new MavenRun(Path.of(System.getProperty("maven.home")), learner)
                .wrappedIn(isolation.wrapper())
                .env("HOME", home.toString())
                .env("USERPROFILE", home.toString());
        if (!withBrowser) {
            // The browser steps need no Maven artifacts; without a browser they are skipped quickly.
            run.env("WORKSHOP_BROWSER", "none");
        }
        if (isolation.mavenOpts() != null) {
            run.env("MAVEN_OPTS", isolation.mavenOpts());
        }
        List<String> all = new ArrayList<>(args);
        all.add("-Duser.home=" + home);
        MavenRun.Outcome outcome = run.run(all, learner.getParent().getParent().resolve("logs").resolve(name + ".log"), LIMIT);
        System.out.printf(Locale.ROOT, "  mvn %s: exit %d, %d s%n", String.join(" ", args), outcome.exitCode(),
                outcome.took().toSeconds());
        return outcome;
    }

    private static boolean jupyterWithNbconvert() throws InterruptedException {
        try {
            return succeeds(List.of("jupyter", "nbconvert", "--version"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean succeeds(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** KataCheck.java, KataCheckTest.java and their classes (not, say, watch mode's EngineEvent$KataChecked). */
    private static List<Path> kataCheckFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> LearnerBundle.isKataCheck(p.getFileName().toString())).toList();
        }
    }

    private static List<Path> filesNamed(Path root, String part) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().contains(part)).toList();
        }
    }

    /** Unzips, restoring the executable bit the zip records for Linux and macOS (./mvnw). */
    private static void unzip(Path zip, Path into) throws IOException {
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip, java.util.Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = into.resolve(root.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    if (!windows()) {
                        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                    }
                }
            }
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
