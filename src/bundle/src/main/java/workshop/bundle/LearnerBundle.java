package workshop.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the learner bundle from the kit: {@code cookie-session-jwt-learner-kit.zip} (the kit without its
 * solutions, CI and starter/solution check, plus an offline Maven repository in {@code .mvn/repository}) and one
 * solution zip per kata. See src/bundle/README.md.
 */
public final class LearnerBundle {

    public static final String TOP = "cookie-session-jwt-kit";
    public static final String LEARNER_ZIP = "cookie-session-jwt-learner-kit.zip";
    public static final String SOLUTION_ZIP_PREFIX = "cookie-session-jwt-solutions-";
    public static final String REPOSITORY = ".mvn/repository";
    public static final String MANIFEST = REPOSITORY + "/kit-manifest.tsv";
    public static final String MANIFEST_HEADER = "# kit-manifest v1";
    public static final String OFFLINE_SETTINGS = ".mvn/offline-settings.xml";

    /** Folders and files of the kit that the learner bundle leaves out. */
    static final List<String> LEFT_OUT_FOLDERS = List.of("solutions/", ".ci/", "src/bundle/");
    static final Set<String> LEFT_OUT_FILES = Set.of(
            "src/progress/src/main/java/workshop/progress/KataCheck.java",
            "src/progress/src/test/java/workshop/progress/KataCheckTest.java");
    /** Profiles no pom of the bundle keeps: the maintainer's check, and the bundle itself. */
    static final Set<String> LEFT_OUT_PROFILES = Set.of("solutions", "bundle");
    static final Set<String> LEFT_OUT_MODULES = Set.of("src/bundle");

    /** Folders never copied when the kit is not a git work tree (build output, learner state, IDE files). */
    private static final Set<String> SKIPPED_NAMES = Set.of("target", ".git", ".kata", ".ipynb_checkpoints", ".idea",
            ".vscode", ".settings", "node_modules");
    private static final Pattern PROFILE_FLAG = Pattern.compile("-P([\\w.,-]+)");
    private static final Pattern SOLUTION_MODULE = Pattern.compile("solutions/(\\d\\d-[\\w-]+)/");

    /** The bundle's files and numbers. */
    public record Result(Path learnerZip, long learnerZipBytes, List<Path> solutionZips, int repositoryFiles,
            long repositoryBytes, Duration took) {
    }

    private final Path kit;
    private final Path output;
    private final Path mavenHome;
    private final Path sourceRepository;
    private final PrintStream out;

    /**
     * @param kit              the kit's root folder
     * @param output           where the zips go (e.g. {@code target/bundle}); its {@code work} folder is scratch
     * @param mavenHome        the Maven that fills the offline repository (the one running this build)
     * @param sourceRepository a local repository to copy artifacts from before Maven Central is asked (may be null)
     */
    public LearnerBundle(Path kit, Path output, Path mavenHome, Path sourceRepository, PrintStream out) {
        this.kit = kit.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        this.mavenHome = mavenHome;
        this.sourceRepository = sourceRepository;
        this.out = out;
    }

    public Result build() {
        long start = System.nanoTime();
        try {
            Path work = output.resolve("work");
            deleteTree(work);
            Files.deleteIfExists(output.resolve(LEARNER_ZIP));
            deleteTree(output.resolve("solutions"));
            List<String> files = kitFiles();
            Path stage = work.resolve("stage").resolve(TOP);
            List<String> learnerFiles = files.stream().filter(LearnerBundle::inLearnerBundle).toList();
            out.println("Learner bundle: " + learnerFiles.size() + " of the kit's " + files.size() + " files");
            for (String file : learnerFiles) {
                copyForLearner(file, stage.resolve(file));
            }
            Path repository = stage.resolve(REPOSITORY);
            fillRepository(stage, work, repository);
            int[] count = new int[1];
            long bytes = cleanRepository(repository, count);
            writeManifest(repository);
            writeOfflineSettings(stage);
            Path learnerZip = output.resolve(LEARNER_ZIP);
            zip(stage, TOP, learnerZip);
            checkNoAnswers(learnerZip, files);
            List<Path> solutionZips = solutionZips(files);
            // The logs of the Maven runs stay in work/logs; the copies of the tree go.
            deleteTree(work.resolve("fill"));
            deleteTree(work.resolve("stage"));
            return new Result(learnerZip, Files.size(learnerZip), solutionZips, count[0], bytes,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a kit file (path relative to the kit root, forward slashes) belongs in the learner zip. */
    static boolean inLearnerBundle(String file) {
        return LEFT_OUT_FOLDERS.stream().noneMatch(file::startsWith) && !LEFT_OUT_FILES.contains(file)
                && !file.startsWith(REPOSITORY + "/");
    }

    // ---------------------------------------------------------------- the kit's files

    /** The kit's tracked files ({@code git ls-files}) or, outside a git work tree, every file but build output. */
    List<String> kitFiles() throws IOException {
        List<String> tracked = gitFiles();
        if (tracked != null) {
            return tracked.stream().filter(f -> Files.isRegularFile(kit.resolve(f))).sorted().toList();
        }
        List<String> files = new ArrayList<>();
        Files.walkFileTree(kit, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                String rel = relative(dir);
                boolean skip = SKIPPED_NAMES.contains(dir.getFileName().toString()) || rel.equals("notebooks/lib");
                return skip && !dir.equals(kit) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                String name = file.getFileName().toString();
                if (a.isRegularFile() && !name.endsWith(".iml") && !name.equals(".classpath") && !name.equals(".project")) {
                    files.add(relative(file));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private String relative(Path p) {
        return kit.relativize(p).toString().replace('\\', '/');
    }

    private List<String> gitFiles() {
        if (!Files.exists(kit.resolve(".git"))) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "-C", kit.toString(), "ls-files", "-z")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] listing = git.getInputStream().readAllBytes();
            if (git.waitFor() != 0) {
                return null;
            }
            List<String> files = new ArrayList<>();
            for (String f : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                if (!f.isEmpty()) {
                    files.add(f);
                }
            }
            return files;
        } catch (IOException e) {
            return null; // no git on this machine: walk the folder instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("Interrupted while listing the kit's files", e);
        }
    }

    private void copyForLearner(String file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        byte[] content = Files.readAllBytes(kit.resolve(file));
        if (file.endsWith("pom.xml")) {
            content = PomEdit.strip(content, LEFT_OUT_PROFILES, LEFT_OUT_MODULES);
        } else if (file.equals("README.md")) {
            content = withBundleNote(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        Files.write(target, content);
        copyExecutableBit(kit.resolve(file), target);
    }

    /** The root README, with one note under its title: what this copy of the kit is and what it leaves out. */
    static String withBundleNote(String readme) {
        String note = "\n> **This is the learner bundle.** It runs offline: `mvn -o test` (or `./mvnw -o test`, "
                + "`mvnw.cmd -o test`) from this folder uses the Maven repository in `.mvn/repository` "
                + "(`.mvn/maven.config` points Maven at `.mvn/offline-settings.xml`). It leaves out the model "
                + "answers and the facilitator guide (`solutions/`), the CI script and the maintainers' "
                + "starter/solution check (`mvn -Psolutions verify`): where this README or a kata README points "
                + "into `solutions/`, that folder is not in the learner bundle; your instructor hands out each "
                + "kata's solution as a zip after the module.\n";
        int endOfTitle = readme.startsWith("# ") ? readme.indexOf('\n') : -1;
        return endOfTitle < 0 ? note.substring(1) + "\n" + readme
                : readme.substring(0, endOfTitle + 1) + note + readme.substring(endOfTitle + 1);
    }

    // ---------------------------------------------------------------- the offline repository

    private void fillRepository(Path stage, Path work, Path repository) throws IOException {
        Path fill = work.resolve("fill").resolve(TOP);
        copyTree(stage, fill);
        Path settings = work.resolve("fill-settings.xml");
        Files.writeString(settings, fillSettings(), StandardCharsets.UTF_8);
        Set<String> profiles = definedProfiles(stage);
        List<String> lines = goalLines();
        out.println("Offline repository: " + lines.size() + " Maven runs in a copy of the learner tree"
                + (sourceRepository != null ? ", copying from " + sourceRepository + " first" : ""));
        int n = 0;
        for (String line : lines) {
            n++;
            List<String> args = new ArrayList<>(List.of(line.split("\\s+")));
            Duration stopAfter = Duration.ofMinutes(30);
            boolean mayStop = false;
            for (var it = args.iterator(); it.hasNext();) {
                String a = it.next();
                if (a.startsWith("stop-after=")) {
                    stopAfter = Duration.ofSeconds(Long.parseLong(a.substring("stop-after=".length())));
                    mayStop = true;
                    it.remove();
                }
            }
            List<String> missing = new ArrayList<>();
            for (String a : args) {
                var m = PROFILE_FLAG.matcher(a);
                if (m.matches()) {
                    for (String p : m.group(1).split(",")) {
                        if (!profiles.contains(p.replaceFirst("^[!-]", ""))) {
                            missing.add(p);
                        }
                    }
                }
            }
            String shown = "mvn " + String.join(" ", args);
            if (!missing.isEmpty()) {
                out.println("  " + shown + ": skipped (no profile " + String.join(", ", missing) + " in this kit)");
                continue;
            }
            List<String> mavenArgs = new ArrayList<>(List.of("-B", "-s", settings.toString(),
                    "-Dmaven.repo.local=" + repository));
            mavenArgs.addAll(args);
            MavenRun.Outcome outcome = new MavenRun(mavenHome, fill)
                    // Browser steps need no Maven artifacts; without a browser they are quickly skipped.
                    .env("WORKSHOP_BROWSER", "none")
                    .run(mavenArgs, work.resolve("logs").resolve(String.format(Locale.ROOT, "%02d.log", n)), stopAfter);
            List<String> errors = MavenRun.resolutionErrors(outcome.output());
            String ending = outcome.stopped() ? "stopped after " + stopAfter.toSeconds() + " s"
                    : "exit " + outcome.exitCode();
            out.printf(Locale.ROOT, "  %-40s %s, %d s%n", shown + ":", ending, outcome.took().toSeconds());
            if (!errors.isEmpty()) {
                throw new BundleException(shown + " could not resolve everything it needs, so the offline "
                        + "repository would be incomplete:\n  " + String.join("\n  ", errors.subList(0,
                        Math.min(5, errors.size()))) + "\nThe whole output: " + outcome.log()
                        + "\nCheck the network (Maven Central) or " + sourceRepository + ".");
            }
            if (outcome.stopped() && !mayStop) {
                throw new BundleException(shown + " did not end within " + stopAfter.toMinutes()
                        + " minutes; see " + outcome.log());
            }
        }
    }

    /** The lines of offline-goals.txt (comments and blank lines left out). */
    static List<String> goalLines() {
        try (InputStream in = LearnerBundle.class.getResourceAsStream("offline-goals.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> definedProfiles(Path tree) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path pom : walk.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                ids.addAll(PomEdit.profileIds(Files.readAllBytes(pom)));
            }
        }
        return ids;
    }

    /**
     * Settings for the runs that fill the repository: the machine's local repository, read as a remote one
     * (file:), comes before Maven Central, so a machine whose repository holds everything needs no network.
     */
    private String fillSettings() {
        String repositories = "";
        if (sourceRepository != null && Files.isDirectory(sourceRepository)) {
            String url = sourceRepository.toUri().toString();
            String repository = """
                        <%1$s>
                          <id>kit-machine-repository</id>
                          <url>%2$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </%1$s>
                    """;
            repositories = "      <repositories>\n" + repository.formatted("repository", url) + "      </repositories>\n"
                    + "      <pluginRepositories>\n" + repository.formatted("pluginRepository", url)
                    + "      </pluginRepositories>\n";
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <profiles>
                    <profile>
                      <id>kit-machine-repository</id>
                %s    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>kit-machine-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repositories);
    }

    /**
     * Makes the copied artifacts count as locally installed (offline, under any repository id), and removes what a
     * learner does not need: the kit's own artifacts, sources and javadoc jars, checksums, resolver bookkeeping.
     * Returns the repository's size in bytes; {@code count[0]} receives its number of files.
     */
    private static long cleanRepository(Path repository, int[] count) throws IOException {
        if (!Files.isDirectory(repository)) {
            throw new BundleException("The Maven runs left no repository in " + repository + ".");
        }
        deleteTree(repository.resolve("workshop"));
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(repository)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                boolean bookkeeping = name.equals("_remote.repositories") || name.endsWith(".lastUpdated")
                        || name.equals("resolver-status.properties") || name.startsWith("maven-metadata-")
                        || name.endsWith(".sha1") || name.endsWith(".md5") || name.endsWith("-sources.jar")
                        || name.endsWith("-javadoc.jar") || name.endsWith(".part") || name.endsWith(".lock");
                if (bookkeeping) {
                    Files.delete(p);
                } else {
                    count[0]++;
                    bytes += Files.size(p);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(repository)) {
            for (Path dir : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> in = Files.list(dir)) {
                    if (in.findAny().isEmpty() && !dir.equals(repository)) {
                        Files.delete(dir);
                    }
                }
            }
        }
        return bytes;
    }

    /** {@code .mvn/repository/kit-manifest.tsv}: sha256, size and path of every file of the repository. */
    static void writeManifest(Path repository) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MANIFEST_HEADER);
        Path manifest = repository.resolve("kit-manifest.tsv");
        Files.deleteIfExists(manifest);
        try (Stream<Path> walk = Files.walk(repository)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(LearnerBundle::slashes)
                    .thenComparing(Comparator.naturalOrder())).toList()) {
                String rel = slashes(repository.relativize(p));
                lines.add(sha256(p) + "\t" + Files.size(p) + "\t" + rel);
            }
        }
        Files.write(manifest, lines, StandardCharsets.UTF_8);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** {@code .mvn/offline-settings.xml} and the two lines of {@code .mvn/maven.config} that use it. */
    private static void writeOfflineSettings(Path stage) throws IOException {
        Files.writeString(stage.resolve(OFFLINE_SETTINGS), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!--
                  The learner bundle's Maven settings: .mvn/maven.config passes them (-s) to every mvn, ./mvnw and
                  mvnw.cmd started from the kit's folder. Every artifact the kit needs is in .mvn/repository, so Maven
                  works offline (no network needed, none used). maven.multiModuleProjectDirectory is the kit's folder
                  (the folder holding .mvn): Maven's launcher sets it before it reads these settings.
                -->
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>${maven.multiModuleProjectDirectory}/.mvn/repository</localRepository>
                  <offline>true</offline>
                </settings>
                """, StandardCharsets.UTF_8);
        Path config = stage.resolve(".mvn/maven.config");
        String existing = Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            existing += "\n";
        }
        // Two lines: Maven 3.8 splits the file at whitespace, Maven 3.9 takes each line as one argument.
        Files.writeString(config, existing + "-s\n" + OFFLINE_SETTINGS + "\n", StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- zips

    /** Zips a folder's files under {@code top/}, keeping the executable bit (./mvnw) for Linux and macOS. */
    private static void zip(Path folder, String top, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(LearnerBundle::slashes)).toList();
        }
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Path f : files) {
            entries.put(top + "/" + slashes(folder.relativize(f)), f);
        }
        zip(entries, zip);
    }

    private static void zip(Map<String, Path> entries, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        Files.deleteIfExists(zip);
        Map<String, Object> env = new HashMap<>();
        env.put("create", "true");
        env.put("enablePosixFileAttributes", "true");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), env)) {
            for (var e : entries.entrySet()) {
                Path target = fs.getPath("/" + e.getKey());
                Files.createDirectories(target.getParent());
                Files.copy(e.getValue(), target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                        executable(e.getValue()) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static boolean executable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            String name = file.getFileName().toString();
            return name.equals("mvnw") || name.endsWith(".sh");
        }
    }

    private static void copyExecutableBit(Path from, Path to) {
        try {
            if (executable(from)) {
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: no executable bit to keep.
        }
    }

    /** One zip per kata solution: {@code TOP/solutions/NN-topic/} with its README and sources. */
    private List<Path> solutionZips(List<String> files) throws IOException {
        Map<String, Map<String, Path>> modules = new LinkedHashMap<>();
        for (String f : files) {
            var m = SOLUTION_MODULE.matcher(f);
            if (m.lookingAt() && Files.isRegularFile(kit.resolve("solutions/" + m.group(1) + "/pom.xml"))) {
                String rest = f.substring(m.end());
                if (rest.equals("README.md") || rest.startsWith("src/")) {
                    modules.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(TOP + "/" + f, kit.resolve(f));
                }
            }
        }
        List<Path> zips = new ArrayList<>();
        for (var e : modules.entrySet()) {
            Path zip = output.resolve("solutions").resolve(SOLUTION_ZIP_PREFIX + e.getKey() + ".zip");
            zip(e.getValue(), zip);
            zips.add(zip);
        }
        return zips;
    }

    // ---------------------------------------------------------------- the answer check

    /**
     * Fails when the learner zip could reveal an answer: a path under {@code solutions/}, the check or the
     * bundle module, the kit's own artifacts in the repository, or a file holding the body of a solution class
     * that differs from its starter.
     */
    void checkNoAnswers(Path learnerZip, List<String> kitFiles) throws IOException {
        List<String> bodies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : kitFiles) {
            var m = SOLUTION_MODULE.matcher(f);
            if (m.lookingAt() && f.substring(m.end()).startsWith("src/main/")) {
                String solution = Files.readString(kit.resolve(f), StandardCharsets.UTF_8);
                Path starter = kit.resolve("katas/" + m.group(1) + "/" + f.substring(m.end()));
                if (Files.isRegularFile(starter) && Files.readString(starter, StandardCharsets.UTF_8).equals(solution)) {
                    continue; // the same file in the starter: no answer in it
                }
                String body = body(solution);
                if (body.length() >= 40) {
                    bodies.add(body);
                    names.add(f);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(learnerZip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String path = entry.getName().startsWith(TOP + "/") ? entry.getName().substring(TOP.length() + 1)
                        : entry.getName();
                if (!entry.getName().startsWith(TOP + "/")) {
                    problems.add(entry.getName() + " is outside the top folder " + TOP + "/");
                }
                if (!inLearnerBundle(path) && !path.startsWith(REPOSITORY + "/")) {
                    problems.add(path + " is left out of the learner bundle");
                }
                if (path.startsWith(REPOSITORY + "/workshop/") || isKataCheck(path.substring(path.lastIndexOf('/') + 1))) {
                    problems.add(path + " belongs to the maintainers' build");
                }
                if (entry.isDirectory() || path.startsWith(REPOSITORY + "/") || entry.getSize() > 2_000_000) {
                    continue;
                }
                String text;
                try (InputStream in = zip.getInputStream(entry)) {
                    text = normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                for (int i = 0; i < bodies.size(); i++) {
                    if (text.contains(bodies.get(i))) {
                        problems.add(path + " contains the solution " + names.get(i));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BundleException("The learner bundle would reveal answers (" + learnerZip + "):\n  "
                    + String.join("\n  ", problems) + "\nLeave these files out (LearnerBundle.LEFT_OUT_*) and build again.");
        }
        out.println("Answer check: no solutions/ path, no KataCheck, none of " + bodies.size()
                + " solution class bodies in the learner zip");
    }

    /** Whether a file name is the starter/solution check's source, test or class. */
    static boolean isKataCheck(String fileName) {
        return KATA_CHECK.matcher(fileName).matches();
    }

    private static final Pattern KATA_CHECK = Pattern.compile("KataCheck(Test)?(\\$.*)?\\.(java|class)");

    /** The text of a class from its first brace on, with whitespace collapsed. */
    static String body(String source) {
        int brace = source.indexOf('{');
        return normalize(brace < 0 ? source : source.substring(brace));
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- files

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
