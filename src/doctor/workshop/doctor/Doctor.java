package workshop.doctor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The kit's setup doctor: checks a learner's machine the week before the workshop and prints one line per check,
 * {@code OK   check: what was found} or {@code FIX: check: what is wrong - the exact next step}, then a verdict.
 * <p>
 * One self-contained file in Java 11 syntax with no dependencies, so it runs where the build cannot (a JDK 11, no
 * Maven): {@code java src/doctor/workshop/doctor/Doctor.java} from the kit's root, the same on Linux, macOS and
 * Windows (the folders match the package: Java 22+ launchers require it). Also
 * {@code mvn -Pdoctor} / {@code ./mvnw -Pdoctor}, and notebook 00 calls {@link #run(Options, PrintStream)}.
 * Exit code 0 when nothing needs fixing, 1 otherwise (2 for an unknown option).
 * <p>
 * The file is plain ASCII (other characters as unicode escapes): the source launcher reads it in the platform's
 * charset, which is not UTF-8 on Windows before Java 18.
 */
public final class Doctor {

    /** The oldest JDK the kit accepts: 17.0.0 to 17.0.2 accept forged ECDSA signatures (CVE-2022-21449). */
    public static final String MIN_JAVA = "17.0.3";
    /** The oldest Maven the kit's build accepts (the root pom's enforcer says the same). */
    public static final String MIN_MAVEN = "3.8.1";
    /** Jupyter's default port: when taken, a new Jupyter picks the next free one (8889, ...) and says so. */
    public static final int JUPYTER_PORT = 8888;
    /** The room dashboard's default port (instructor only, {@code mvn -Proom}). */
    public static final int ROOM_PORT = 7878;
    /**
     * Free space the kit needs, in MB: half where the kit is, half where Maven keeps its repository (all of it on one
     * disk when both share it, or in a learner bundle). Measured on a fresh clone: {@code mvn test} and
     * {@code mvn -Pnotebooks} fill an empty repository with 91 MB and the kit's target folders and notebooks/lib with
     * 46 MB (the kit itself is 5 MB): about 140 MB, so 500 MB leaves room for logs, Jupyter and the browser lab.
     */
    public static final long DISK_MB = 500;
    /** What the first online build downloads from Maven Central, in MB (measured into an empty local repository). */
    public static final long DOWNLOAD_MB = 90;
    /** Where a learner bundle keeps its offline Maven repository, relative to the kit's root. */
    public static final String MANIFEST = ".mvn/repository/kit-manifest.tsv";
    /** The manifest's first line. */
    public static final String MANIFEST_HEADER = "# kit-manifest v1";
    /** The environment variable that names the browser for the browser lab (as the simulator's BrowserFinder). */
    public static final String BROWSER_ENV = "WORKSHOP_BROWSER";

    /** What a line says. */
    public enum Status { OK, INFO, FIX }

    /** The operating systems the doctor knows. */
    public enum Os {
        LINUX, MAC, WINDOWS;

        /** The operating system this JVM runs on (anything that is neither Windows nor macOS counts as Linux). */
        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            return name.startsWith("mac") || name.contains("darwin") ? MAC : LINUX;
        }
    }

    /** One printed line: a status, the check's name, what was found and, for a FIX, the next step. */
    public static final class Line {
        private final Status status;
        private final String check;
        private final String text;

        Line(Status status, String check, String text) {
            this.status = status;
            this.check = check;
            this.text = text;
        }

        public Status status() {
            return status;
        }

        public String check() {
            return check;
        }

        public String text() {
            return text;
        }

        @Override
        public String toString() {
            String label = status == Status.OK ? "OK  " : status == Status.FIX ? "FIX:" : "INFO";
            return label + " " + check + ": " + text;
        }
    }

    /** What the doctor examines: this machine by default; tests replace what they need to fake. */
    public static final class Options {
        Path kitRoot = Path.of("").toAbsolutePath();
        Map<String, String> env = System.getenv();
        boolean envInjected;
        String javaVersion = System.getProperty("java.version", "");
        Path javaHome = Path.of(System.getProperty("java.home", ""));
        Path userHome = Path.of(System.getProperty("user.home", ""));
        Os os = Os.current();
        List<Integer> ports = new ArrayList<>();
        boolean instructor;
        String mavenVersion = "";
        Predicate<String> hostResolves = Doctor::resolves;
        BooleanSupplier centralReachable = null;
        Set<String> only = new LinkedHashSet<>();
        Path fixesFile;
        boolean ascii;

        /** Options for this machine, the kit's root being the current folder. */
        public static Options forThisMachine() {
            return new Options();
        }

        /** The kit's root: the folder with pom.xml and mvnw. */
        public Options kitRoot(Path root) {
            this.kitRoot = root.toAbsolutePath().normalize();
            return this;
        }

        /** The environment variables to read (JAVA_HOME, PATH, the proxy variables, WORKSHOP_BROWSER, ...). */
        public Options env(Map<String, String> environment) {
            this.env = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
            this.envInjected = true;
            return this;
        }

        /** The running Java: its version (as {@code java.version}) and its home folder. */
        public Options runningJava(String version, Path home) {
            this.javaVersion = version;
            this.javaHome = home;
            return this;
        }

        /** The home folder, where {@code .m2} lives. */
        public Options userHome(Path home) {
            this.userHome = home;
            return this;
        }

        /** A port that must be free on 127.0.0.1 (repeatable): taken means FIX. */
        public Options port(int port) {
            this.ports.add(port);
            return this;
        }

        /** The instructor's machine: the room dashboard's port must be free too. */
        public Options instructor(boolean on) {
            this.instructor = on;
            return this;
        }

        /** The Maven that started the doctor ({@code mvn -Pdoctor} passes its version). */
        public Options mavenVersion(String version) {
            this.mavenVersion = version == null ? "" : version.strip();
            return this;
        }

        /** How a host name is resolved (the proxy check asks whether a proxy's host exists). */
        public Options hostResolves(Predicate<String> resolver) {
            this.hostResolves = resolver;
            return this;
        }

        /** Whether Maven Central answers (asked only when neither Maven nor the wrapper's Maven is there). */
        public Options centralReachable(BooleanSupplier probe) {
            this.centralReachable = probe;
            return this;
        }

        /** Run only these checks (kit, java, maven, jupyter, browser, ports, disk, proxy, repository). */
        public Options only(String... checks) {
            this.only.addAll(Arrays.asList(checks));
            return this;
        }

        /**
         * The command line: {@code --kit=PATH}, {@code --port=NNNN} (repeatable), {@code --instructor},
         * {@code --maven=VERSION}, {@code --only=java,ports}; the system property {@code doctor.ports} (comma-separated)
         * adds ports too.
         *
         * @throws IllegalArgumentException for an unknown option
         */
        public static Options parse(String... args) {
            Options options = new Options();
            String fromProperty = System.getProperty("doctor.ports", "");
            for (String port : fromProperty.split(",")) {
                if (!port.isBlank()) {
                    options.port(parsePort(port.strip()));
                }
            }
            for (String arg : args) {
                if (arg.startsWith("--kit=")) {
                    options.kitRoot(Path.of(arg.substring("--kit=".length())));
                } else if (arg.startsWith("--port=")) {
                    options.port(parsePort(arg.substring("--port=".length())));
                } else if (arg.equals("--instructor")) {
                    options.instructor(true);
                } else if (arg.startsWith("--maven=")) {
                    options.mavenVersion(arg.substring("--maven=".length()));
                } else if (arg.startsWith("--fixes-file=")) {
                    options.fixesFile = Path.of(arg.substring("--fixes-file=".length())).toAbsolutePath();
                } else if (arg.startsWith("--only=")) {
                    options.only(arg.substring("--only=".length()).split(","));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + ". Options: --kit=PATH, --port=NNNN,"
                            + " --instructor, --only=java,maven,jupyter,browser,ports,disk,proxy,repository");
                }
            }
            return options;
        }

        private static int parsePort(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // the message below says what a port looks like
            }
            throw new IllegalArgumentException("not a port: " + text + " (a number from 1 to 65535)");
        }
    }

    private final Options options;
    private final PrintStream out;
    private final List<Line> lines = new ArrayList<>();

    private Doctor(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The command: prints the lines and the verdict, exits 0 when nothing needs fixing, else 1. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println("The doctor did not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        options.ascii = !consoleShowsDashes();
        int fixes = run(options, System.out);
        System.exit(fixes == 0 ? 0 : 1);
    }

    /**
     * Runs every check (or those of {@code --only}), printing each line as it is found and a verdict last.
     *
     * @return how many things need fixing (the number of FIX lines)
     */
    public static int run(Options options, PrintStream out) {
        Doctor doctor = new Doctor(options, out);
        doctor.print("Setup doctor for the Cookie \u00b7 Session \u00b7 JWT kit (" + options.kitRoot + ")");
        boolean bundle = Files.isRegularFile(options.kitRoot.resolve(MANIFEST));
        doctor.step("kit", doctor::checkKit);
        doctor.step("java", doctor::checkJava);
        doctor.step("maven", doctor::checkMaven);
        doctor.step("jupyter", doctor::checkJupyter);
        doctor.step("browser", doctor::checkBrowser);
        doctor.step("ports", doctor::checkPorts);
        doctor.step("disk", doctor::checkDisk);
        doctor.step("proxy", () -> doctor.checkProxy(bundle));
        doctor.step("repository", () -> doctor.checkRepository(bundle));
        int fixes = 0;
        for (Line line : doctor.lines) {
            if (line.status == Status.FIX) {
                fixes++;
            }
        }
        String verdict = fixes == 0
                ? "Ready: nothing to fix. See you at the workshop."
                : fixes + (fixes == 1 ? " thing needs" : " things need") + " fixing: do each FIX line above,"
                        + " then run the doctor again.";
        doctor.print(verdict);
        doctor.writeFixesFile(fixes, verdict);
        return fixes;
    }

    /** For mvn -Pdoctor: the verdict in a file when something needs fixing (the build then fails with it). */
    private void writeFixesFile(int fixes, String verdict) {
        Path file = options.fixesFile;
        if (file == null) {
            return;
        }
        try {
            if (fixes == 0) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, List.of(verdict), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            print("INFO doctor: could not write " + file + " (" + e.getMessage() + ")");
        }
    }

    private void step(String check, Runnable body) {
        if (!options.only.isEmpty() && !options.only.contains(check)) {
            return;
        }
        try {
            body.run();
        } catch (RuntimeException e) {
            fix(check, "the check itself failed (" + e + ")", "run the doctor again; if it repeats, show this line"
                    + " to the instructor");
        }
    }

    private void ok(String check, String text) {
        add(new Line(Status.OK, check, text));
    }

    private void info(String check, String text) {
        add(new Line(Status.INFO, check, text));
    }

    private void fix(String check, String problem, String nextStep) {
        add(new Line(Status.FIX, check, problem + " \u2014 " + nextStep));
    }

    private void add(Line line) {
        lines.add(line);
        print(line.toString());
    }

    private void print(String text) {
        out.println(options.ascii ? ascii(text) : text);
        out.flush();
    }

    /** For a console whose code page has no dashes (e.g. cp437 on Windows): the same text in ASCII. */
    static String ascii(String text) {
        return text.replace("\u2014", "--").replace("\u2013", "-").replace("\u00b7", "-").replace("\u2026", "...")
                .replace("\u2714", "ok");
    }

    /** Whether this JVM's console shows the doctor's dashes (Windows consoles often cannot). */
    static boolean consoleShowsDashes() {
        String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding", ""));
        if (encoding.isEmpty()) {
            return true;
        }
        try {
            return Charset.forName(encoding).newEncoder().canEncode("\u2014\u2013\u00b7\u2026");
        } catch (RuntimeException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- kit

    private void checkKit() {
        Path root = options.kitRoot;
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("katas"))) {
            fix("kit", "no kit in " + root + " (no pom.xml and katas/ there)", "change to the kit's folder (the"
                    + " one with pom.xml and mvnw), then run: java src/doctor/workshop/doctor/Doctor.java");
            return;
        }
        ok("kit", root + (Files.isRegularFile(root.resolve(MANIFEST))
                ? " (a learner bundle: offline repository in .mvn/repository)" : " (an online clone)"));
    }

    // ---------------------------------------------------------------- java

    private void checkJava() {
        String running = options.javaVersion;
        Path home = options.javaHome;
        String javaHomeEnv = env("JAVA_HOME");
        String where = "the java that runs the doctor (" + home + ")";
        if (javaHomeEnv.isEmpty()) {
            javaVerdict(running, home, where + ", which Maven uses too (JAVA_HOME is not set)");
            return;
        }
        Path mavenHome = path(javaHomeEnv);
        if (mavenHome != null && sameFile(mavenHome, home)) {
            javaVerdict(running, home, where + ", which is JAVA_HOME too");
            return;
        }
        javaVerdict(running, home, where);
        String mavenWhere = "JAVA_HOME=" + javaHomeEnv + ", the JDK Maven uses";
        if (mavenHome == null || !Files.isDirectory(mavenHome)) {
            fix("java", mavenWhere + ": no such folder", "set JAVA_HOME to a JDK " + MIN_JAVA + "+ folder (the one"
                    + " with bin/ and release), or unset it");
            return;
        }
        String version = releaseVersion(mavenHome.resolve("release"));
        if (version.isEmpty()) {
            fix("java", mavenWhere + ": no JAVA_VERSION in its release file (not a JDK folder?)", "set JAVA_HOME to"
                    + " the JDK's top folder (the one with bin/ and release), not to bin/");
            return;
        }
        javaVerdict(version, mavenHome, mavenWhere);
    }

    private void javaVerdict(String version, Path home, String where) {
        if (compareVersions(version, MIN_JAVA) < 0) {
            String why = version.startsWith("17.0.")
                    ? " (17.0.0 to 17.0.2 accept forged ECDSA signatures, CVE-2022-21449)"
                    : " (the kit needs " + MIN_JAVA + "+; 17.0.0 to 17.0.2 accept forged ECDSA signatures,"
                    + " CVE-2022-21449)";
            fix("java", "Java " + version + " is too old: " + where + why, "install a JDK 17.0.3 or newer (e.g."
                    + " https://adoptium.net/temurin/releases/?version=17), then point JAVA_HOME at it and put its"
                    + " bin folder first on PATH");
            return;
        }
        Path javac = home.resolve("bin").resolve(options.os == Os.WINDOWS ? "javac.exe" : "javac");
        if (!Files.isRegularFile(javac)) {
            fix("java", "Java " + version + " is a JRE without javac: " + where, "install a JDK (not a JRE) 17.0.3"
                    + " or newer, e.g. https://adoptium.net/temurin/releases/?version=17 , and point JAVA_HOME at it");
            return;
        }
        ok("java", "Java " + version + " with javac: " + where);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code JAVA_VERSION} from a JDK's {@code release} file, or "" when there is none. */
    static String releaseVersion(Path releaseFile) {
        if (!Files.isRegularFile(releaseFile)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(releaseFile)) {
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty("JAVA_VERSION", "").strip();
            return value.replace("\"", "");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Compares Java or Maven versions by their numbers ({@code 17.0.2 < 17.0.3 < 21}; {@code 1.8.0_352} is 8;
     * {@code 17.0.3+7}, {@code 21-ea} and {@code 3.9.9} work too).
     */
    static int compareVersions(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? x[i] : 0;
            int right = i < y.length ? y[i] : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        String core = version.strip().split("[+\\-_ ]", 2)[0];
        String[] parts = core.split("\\.");
        List<Integer> numbers = new ArrayList<>();
        for (String part : parts) {
            Matcher digits = Pattern.compile("^\\d+").matcher(part);
            numbers.add(digits.find() ? Integer.parseInt(digits.group()) : 0);
        }
        if (numbers.size() > 1 && numbers.get(0) == 1) {
            numbers.remove(0); // 1.8.0 is Java 8
        }
        int[] out = new int[numbers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers.get(i);
        }
        return out;
    }

    // ---------------------------------------------------------------- maven

    private void checkMaven() {
        String wrapper = options.os == Os.WINDOWS ? "mvnw.cmd" : "./mvnw";
        boolean hasWrapper = Files.isRegularFile(options.kitRoot.resolve("mvnw"))
                && Files.isRegularFile(options.kitRoot.resolve("mvnw.cmd"));
        if (!options.mavenVersion.isEmpty()) {
            if (compareVersions(options.mavenVersion, MIN_MAVEN) < 0) {
                fix("maven", "Maven " + options.mavenVersion + " started the doctor; the kit needs " + MIN_MAVEN
                        + "+", "type " + wrapper + " instead of mvn (it brings its own Maven)");
            } else {
                ok("maven", "Maven " + options.mavenVersion + " started the doctor: type the kit's commands the"
                        + " way you typed this one (mvn or " + wrapper + ")");
            }
            return;
        }
        Path mvn = onPath(options.os == Os.WINDOWS ? List.of("mvn.cmd", "mvn.bat", "mvn.exe") : List.of("mvn"));
        String mvnVersion = "";
        String output = "";
        if (mvn != null) {
            output = stripAnsi(runCommand(List.of(mvn.toString(), "-v"), 60));
            Matcher m = Pattern.compile("Apache Maven (\\d+(?:\\.\\d+)*)").matcher(output);
            mvnVersion = m.find() ? m.group(1) : "";
            if (!mvnVersion.isEmpty() && compareVersions(mvnVersion, MIN_MAVEN) >= 0) {
                ok("maven", "Maven " + mvnVersion + " (" + mvn + "): type mvn" + (hasWrapper ? " (or " + wrapper
                        + ")" : ""));
                return;
            }
        }
        String found = mvn == null ? "no mvn on PATH" : mvnVersion.isEmpty()
                ? mvn + " -v did not answer (" + firstLine(output) + ")"
                : "mvn " + mvnVersion + " is older than " + MIN_MAVEN;
        if (!hasWrapper) {
            fix("maven", found + " and no wrapper (mvnw, mvnw.cmd) in the kit", "install Maven " + MIN_MAVEN
                    + "+ (https://maven.apache.org/download.cgi), or copy the kit again with its mvnw files");
            return;
        }
        String distribution = wrapperDistribution();
        Path downloaded = wrapperMaven(distribution);
        if (downloaded != null) {
            ok("maven", found + "; the wrapper's Maven is downloaded (" + downloaded + "): type " + wrapper);
            return;
        }
        BooleanSupplier probe = options.centralReachable != null ? options.centralReachable : this::centralAnswers;
        if (probe.getAsBoolean()) {
            ok("maven", found + "; the wrapper downloads " + distribution + " (about 9 MB) on its first run: type "
                    + wrapper);
        } else {
            fix("maven", found + ", the wrapper's Maven (" + distribution + ") is not downloaded yet and Maven Central"
                    + " does not answer", "run " + wrapper + " -v once where the internet works, or install Maven "
                    + MIN_MAVEN + "+ (https://maven.apache.org/download.cgi)");
        }
    }

    private String wrapperDistribution() {
        Path properties = options.kitRoot.resolve(".mvn/wrapper/maven-wrapper.properties");
        try (InputStream in = Files.newInputStream(properties)) {
            Properties p = new Properties();
            p.load(in);
            String url = p.getProperty("distributionUrl", "");
            String name = url.substring(url.lastIndexOf('/') + 1);
            return name.replaceAll("\\.(zip|tar\\.gz)$", "").replaceAll("-bin$", "");
        } catch (IOException e) {
            return "apache-maven";
        }
    }

    /** The wrapper unpacks its Maven into MAVEN_USER_HOME (default ~/.m2)/wrapper/dists/NAME/HASH/. */
    private Path wrapperMaven(String distribution) {
        String userHome = env("MAVEN_USER_HOME");
        Path base = userHome.isEmpty() ? options.userHome.resolve(".m2") : path(userHome);
        if (base == null) {
            return null;
        }
        Path dists = base.resolve("wrapper").resolve("dists").resolve(distribution);
        if (!Files.isDirectory(dists)) {
            return null;
        }
        try (DirectoryStream<Path> hashes = Files.newDirectoryStream(dists)) {
            for (Path hash : hashes) {
                for (String name : List.of("mvn", "mvn.cmd")) {
                    if (Files.isRegularFile(hash.resolve("bin").resolve(name))) {
                        return hash;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private boolean centralAnswers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/maven-metadata.xml").toURL()
                    .openConnection(envProxy());
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            int code = connection.getResponseCode();
            connection.disconnect();
            return code < 500;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Proxy envProxy() {
        URI proxy = proxyUri(envIgnoringCase("HTTPS_PROXY"));
        if (proxy == null || proxy.getHost() == null) {
            return Proxy.NO_PROXY;
        }
        return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(),
                proxy.getPort() > 0 ? proxy.getPort() : 80));
    }

    // ---------------------------------------------------------------- jupyter

    private void checkJupyter() {
        Path jupyter = findJupyter();
        if (jupyter == null) {
            fix("jupyter", "no jupyter found (PATH, JUPYTER, the usual places)", "install it: Debian/Ubuntu `sudo apt"
                    + " install jupyter-notebook` or `pip install jupyterlab`; macOS `brew install jupyterlab`;"
                    + " Windows `py -m pip install jupyterlab` (or set JUPYTER to your jupyter executable)");
            return;
        }
        Map<String, String> versions = new LinkedHashMap<>();
        String output = jupyterVersion;
        for (String line : output.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                versions.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String core = versions.getOrDefault("jupyter_core", "");
        if (core.isEmpty() && output.strip().matches("\\d+(\\.\\d+)*")) {
            core = output.strip(); // older jupyter prints only its own version
        }
        boolean lab = has(jupyter, "lab");
        boolean notebook = has(jupyter, "notebook");
        String python = pythonOf(jupyter);
        String found = jupyter + " (jupyter_core " + (core.isEmpty() ? "?" : core) + ", python " + python
                + "; jupyterlab " + installed(versions.get("jupyterlab"), lab) + ", notebook "
                + installed(versions.get("notebook"), notebook) + ", nbclient "
                + installed(versions.get("nbclient"), true) + ")";
        if (!lab && !notebook) {
            fix("jupyter", found + ": neither JupyterLab nor the classic Notebook", "install one: `pip install"
                    + " jupyterlab` (py -m pip \u2026 on Windows; Debian/Ubuntu: sudo apt install jupyter-notebook)");
            return;
        }
        ok("jupyter", found + "; mvn -Pjupyter opens " + (lab ? "JupyterLab (jupyter lab)"
                : "the classic Notebook (jupyter notebook)"));
        String nbclient = versions.get("nbclient");
        if (nbclient == null || nbclient.startsWith("not")) {
            info("jupyter", "nbclient is missing: only mvn -Pnotebooks (run every notebook headlessly) needs it");
        }
    }

    private static String installed(String version, boolean fallback) {
        if (version != null) {
            return version;
        }
        return fallback ? "present" : "not installed";
    }

    /** The same search as the kernel's {@code JupyterCommand}: JUPYTER, PATH (not a pyenv shim), the usual places. */
    private Path findJupyter() {
        List<Path> candidates = new ArrayList<>();
        String override = env("JUPYTER");
        boolean windows = options.os == Os.WINDOWS;
        if (!override.isEmpty()) {
            addPath(candidates, override);
        } else {
            Path onPath = onPath(windows ? List.of("jupyter.exe", "jupyter.cmd", "jupyter.bat") : List.of("jupyter"));
            if (onPath != null && onPath.toString().contains("shims") && !windows) {
                addPath(candidates, "/usr/bin/jupyter");
            }
            if (onPath != null) {
                candidates.add(onPath);
            }
            if (!windows) {
                addPath(candidates, "/usr/bin/jupyter");
                addPath(candidates, "/usr/local/bin/jupyter");
                addPath(candidates, "/opt/homebrew/bin/jupyter");
                candidates.add(options.userHome.resolve(".local/bin/jupyter"));
                candidates.addAll(inSubfolders(options.userHome.resolve("Library/Python"), "bin/jupyter"));
            } else {
                for (String base : List.of(env("APPDATA") + "\\Python", env("LOCALAPPDATA") + "\\Programs\\Python")) {
                    Path folder = path(base);
                    if (folder != null) {
                        candidates.addAll(inSubfolders(folder, "Scripts\\jupyter.exe"));
                    }
                }
            }
        }
        for (Path candidate : new LinkedHashSet<>(candidates)) {
            if (Files.isRegularFile(candidate)) {
                String output = runCommand(List.of(candidate.toString(), "--version"), 90);
                if (lastExit == 0) {
                    jupyterVersion = output;
                    return candidate;
                }
            }
        }
        return null;
    }

    private boolean has(Path jupyter, String subcommand) {
        String name = "jupyter-" + subcommand;
        Path folder = jupyter.getParent();
        if (folder != null) {
            for (String file : options.os == Os.WINDOWS ? List.of(name + ".exe", name + "-script.py", name)
                    : List.of(name)) {
                if (Files.exists(folder.resolve(file))) {
                    return true;
                }
            }
        }
        return onPath(List.of(name)) != null;
    }

    private String pythonOf(Path jupyter) {
        if (options.os == Os.WINDOWS) {
            Path scripts = jupyter.getParent();
            Path python = scripts == null || scripts.getParent() == null ? null
                    : scripts.getParent().resolve("python.exe");
            return python != null && Files.isRegularFile(python) ? python.toString() : "?";
        }
        try (InputStream in = Files.newInputStream(jupyter)) {
            byte[] head = in.readNBytes(200);
            String first = new String(head, StandardCharsets.UTF_8).split("\\R", 2)[0];
            return first.startsWith("#!") ? first.substring(2).strip() : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<Path> inSubfolders(Path parent, String relative) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                found.add(child.resolve(relative));
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Collections.reverseOrder());
        return found;
    }

    // ---------------------------------------------------------------- browser

    private void checkBrowser() {
        String chosen = env(BROWSER_ENV);
        if (chosen.equals("none")) {
            fix("browser", BROWSER_ENV + "=none: the browser lab's steps (A14\u2013A18) will be skipped, and a skipped"
                    + " step is not green", "unset " + BROWSER_ENV + " (or set it to a Chromium-family browser's"
                    + " executable)");
            return;
        }
        if (!chosen.isEmpty()) {
            Path path = path(chosen);
            if (path == null || !isExecutable(path)) {
                fix("browser", BROWSER_ENV + "=" + chosen + " is not an executable file", "set it to the full path of"
                        + " a Chromium-family browser's executable (" + browserExample(options.os) + "), or unset it");
            } else {
                ok("browser", path + " (from " + BROWSER_ENV + ")");
            }
            return;
        }
        for (Path candidate : browserCandidates(options.os, options.env)) {
            if (isExecutable(candidate)) {
                ok("browser", candidate + " (for the browser lab, module 04)");
                return;
            }
        }
        fix("browser", "no Chromium-family browser found (Chromium, Chrome, Edge) for the browser lab (module 04)",
                howToInstallBrowser(options.os));
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static final List<String> UNIX_BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable");
    private static final List<String> WINDOWS_BROWSERS = List.of("chrome.exe", "msedge.exe", "chromium.exe");
    private static final List<String> MAC_APPS = List.of("Google Chrome.app/Contents/MacOS/Google Chrome",
            "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge");

    /**
     * Where the browser lab looks for a browser, in order, without {@value #BROWSER_ENV}: the same list as the
     * simulator's {@code BrowserFinder.candidates()} (a test keeps the two equal).
     */
    public static List<Path> browserCandidates(Os os, Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        List<String> names = os == Os.WINDOWS ? WINDOWS_BROWSERS : UNIX_BROWSERS;
        for (String dir : pathDirectories(os, env)) {
            for (String name : names) {
                addJoined(out, os, dir, name);
            }
        }
        if (os == Os.LINUX) {
            addJoined(out, os, "/snap/bin", "chromium");
            addJoined(out, os, "/opt/google/chrome", "chrome");
            addJoined(out, os, "/opt/microsoft/msedge", "msedge");
        } else if (os == Os.MAC) {
            for (String app : MAC_APPS) {
                addJoined(out, os, "/Applications", app);
            }
            String home = env.getOrDefault("HOME", "");
            for (String app : MAC_APPS) {
                addJoined(out, os, home.isEmpty() ? "" : home + "/Applications", app);
            }
        } else {
            for (String root : List.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")) {
                String dir = env.getOrDefault(root, "");
                addJoined(out, os, dir, "Google\\Chrome\\Application\\chrome.exe");
                addJoined(out, os, dir, "Microsoft\\Edge\\Application\\msedge.exe");
                addJoined(out, os, dir, "Chromium\\Application\\chrome.exe");
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    private static List<String> pathDirectories(Os os, Map<String, String> env) {
        String key = "PATH";
        if (os == Os.WINDOWS) {
            key = "Path";
            for (String k : env.keySet()) {
                if (k.equalsIgnoreCase("PATH")) {
                    key = k;
                    break;
                }
            }
        }
        List<String> dirs = new ArrayList<>();
        for (String dir : env.getOrDefault(key, "").split(os == Os.WINDOWS ? ";" : ":")) {
            if (!dir.isBlank()) {
                dirs.add(dir.strip());
            }
        }
        return dirs;
    }

    private static void addJoined(List<Path> out, Os os, String dir, String relative) {
        if (dir == null || dir.isBlank()) {
            return;
        }
        String separator = os == Os.WINDOWS ? "\\" : "/";
        Path path = path(dir.endsWith(separator) ? dir + relative : dir + separator + relative);
        if (path != null) {
            out.add(path);
        }
    }

    private static String browserExample(Os os) {
        if (os == Os.WINDOWS) {
            return "e.g. C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
        }
        return os == Os.MAC ? "e.g. /Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
                : "e.g. /usr/bin/chromium";
    }

    private static String howToInstallBrowser(Os os) {
        if (os == Os.WINDOWS) {
            return "Microsoft Edge comes with Windows 10 and 11; if it was removed, install Google Chrome, or set "
                    + BROWSER_ENV + " to the path of chrome.exe or msedge.exe (" + browserExample(os) + ")";
        }
        if (os == Os.MAC) {
            return "install Google Chrome, Microsoft Edge or Chromium (brew install --cask chromium) into"
                    + " /Applications, or set " + BROWSER_ENV + " to the executable inside the app ("
                    + browserExample(os) + ")";
        }
        return "install Chromium (Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium; Fedora:"
                + " sudo dnf install chromium) or Google Chrome, or set " + BROWSER_ENV + " to the path of a"
                + " Chromium-family browser (" + browserExample(os) + ")";
    }

    // ---------------------------------------------------------------- ports

    @SuppressWarnings("try") // the accepted socket only proves the connection arrived
    private void checkPorts() {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.setSoTimeout(5000);
            try (Socket client = new Socket()) {
                client.connect(server.getLocalSocketAddress(), 5000);
                try (Socket accepted = server.accept()) {
                    ok("ports", "a server on 127.0.0.1:" + server.getLocalPort() + " (a free port, as every kata uses)"
                            + " accepts connections");
                }
            }
        } catch (IOException e) {
            fix("ports", "a server on 127.0.0.1 with a free port does not work (" + e.getMessage() + "); every kata"
                    + " starts such servers", "allow Java to listen on 127.0.0.1 (loopback) in your firewall or"
                    + " security software, then run the doctor again");
            return;
        }
        Set<Integer> required = new LinkedHashSet<>(options.ports);
        if (options.instructor) {
            required.add(ROOM_PORT);
        }
        for (int port : required) {
            if (taken(port)) {
                fix("ports", "127.0.0.1:" + port + " is taken" + (port == ROOM_PORT ? " (the room dashboard's port,"
                        + " mvn -Proom)" : ""), "stop the program that listens on it (`netstat -ano` on Windows,"
                        + " `lsof -i :" + port + "` on Linux and macOS names it), or choose another port");
            } else {
                ok("ports", "127.0.0.1:" + port + " is free" + (port == ROOM_PORT ? " (the room dashboard's port)"
                        : ""));
            }
        }
        if (!required.contains(JUPYTER_PORT)) {
            if (taken(JUPYTER_PORT)) {
                info("ports", JUPYTER_PORT + " (Jupyter's default) is taken, probably by a Jupyter already running:"
                        + " fine, a new Jupyter picks the next free port and mvn -Pjupyter opens the address it"
                        + " prints");
            } else {
                ok("ports", "127.0.0.1:" + JUPYTER_PORT + " is free (Jupyter's default port)");
            }
        }
        if (!required.contains(ROOM_PORT) && taken(ROOM_PORT)) {
            info("ports", ROOM_PORT + " (the room dashboard's port) is taken: only the instructor's machine needs it"
                    + " (check it there with --instructor)");
        }
    }

    /** Taken when something answers on the port, or when a server cannot bind it. */
    static boolean taken(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException nobodyListens) {
            // then binding decides
        }
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- disk

    private void checkDisk() {
        Path kit = options.kitRoot;
        Path m2 = options.userHome.resolve(".m2");
        boolean bundle = Files.isRegularFile(kit.resolve(MANIFEST));
        try {
            FileStore kitStore = Files.getFileStore(existing(kit));
            long kitFree = kitStore.getUsableSpace() / (1024 * 1024);
            FileStore m2Store = Files.getFileStore(existing(m2));
            long need = DISK_MB;
            if (bundle || m2Store.equals(kitStore)) {
                report(kitFree, need, "free where the kit is (" + kit + ")");
            } else {
                report(kitFree, need / 2, "free where the kit is (" + kit + ")");
                report(m2Store.getUsableSpace() / (1024 * 1024), need / 2, "free where Maven keeps its repository ("
                        + m2 + ")");
            }
        } catch (IOException e) {
            info("disk", "free space unknown (" + e.getMessage() + ")");
        }
    }

    private void report(long freeMb, long needMb, String where) {
        if (freeMb < needMb) {
            fix("disk", freeMb + " MB " + where + "; the build and its Maven repository need about " + needMb
                    + " MB", "free some space there (empty the trash, delete old downloads), then run the doctor"
                    + " again");
        } else {
            ok("disk", String.format(Locale.ROOT, "%,d MB %s (the kit needs about %,d MB)", freeMb, where, needMb));
        }
    }

    private static Path existing(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }

    // ---------------------------------------------------------------- proxy

    private void checkProxy(boolean bundle) {
        Map<String, String> proxyEnv = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.env.entrySet()) {
            String key = e.getKey().toUpperCase(Locale.ROOT);
            if ((key.equals("HTTP_PROXY") || key.equals("HTTPS_PROXY")) && !e.getValue().isBlank()) {
                proxyEnv.put(e.getKey(), e.getValue().strip());
            }
        }
        Path settings = options.userHome.resolve(".m2").resolve("settings.xml");
        List<String[]> proxies;
        try {
            proxies = mavenProxies(settings);
        } catch (Exception e) {
            problem(bundle, settings + " cannot be read as XML (" + e.getMessage() + ")", "correct or remove that file"
                    + " (Maven refuses to start with a broken settings.xml)");
            return;
        }
        if (proxyEnv.isEmpty() && proxies.isEmpty()) {
            ok("proxy", "no proxy set (no HTTP(S)_PROXY, no <proxy> in " + settings + ")");
            return;
        }
        boolean fine = true;
        if (!proxyEnv.isEmpty() && proxies.isEmpty()) {
            Map.Entry<String, String> first = proxyEnv.entrySet().iterator().next();
            URI uri = proxyUri(first.getValue());
            String host = uri == null || uri.getHost() == null ? first.getValue() : uri.getHost();
            int port = uri == null || uri.getPort() < 0 ? 8080 : uri.getPort();
            String noProxy = envIgnoringCase("NO_PROXY");
            StringBuilder nonProxy = new StringBuilder("localhost|127.0.0.1");
            for (String entry : noProxy.split(",")) {
                String h = entry.strip();
                if (!h.isEmpty() && !h.equals("localhost") && !h.equals("127.0.0.1")) {
                    nonProxy.append('|').append(h.startsWith(".") ? "*" + h : h); // Maven's wildcard is *.example
                }
            }
            problem(bundle, first.getKey() + "=" + first.getValue() + " is set but " + settings + " has no active"
                    + " <proxy>: Maven ignores the proxy environment variables", "add the next line to " + settings
                    + (Files.exists(settings) ? " (inside <settings>)" : " (a new file)") + ", then run the doctor"
                    + " again:");
            String xml = "<proxies><proxy><id>http-proxy</id><active>true</active><protocol>http</protocol><host>"
                    + host + "</host><port>" + port + "</port><nonProxyHosts>" + nonProxy + "</nonProxyHosts></proxy>"
                    + "<proxy><id>https-proxy</id><active>true</active><protocol>https</protocol><host>" + host
                    + "</host><port>" + port + "</port><nonProxyHosts>" + nonProxy + "</nonProxyHosts></proxy>"
                    + "</proxies>";
            if (!Files.exists(settings)) {
                xml = "<settings>" + xml + "</settings>"; // a new settings.xml is this line alone
            }
            info("proxy", xml + (uri != null && uri.getUserInfo() != null
                    ? " (and <username>/<password> in each <proxy>)" : ""));
            fine = false;
        }
        for (String[] proxy : proxies) {
            String host = proxy[0];
            if (host.isEmpty()) {
                problem(bundle, "a <proxy> in " + settings + " has no <host>", "add the proxy's <host> or set"
                        + " <active>false</active>");
                fine = false;
            } else if (!options.hostResolves.test(host)) {
                problem(bundle, "the <proxy> host " + host + " in " + settings + " does not resolve (no such name)",
                        "correct the <host> there, or set <active>false</active> when you are not behind that proxy");
                fine = false;
            }
        }
        if (fine) {
            ok("proxy", "Maven's proxy in " + settings + ": " + proxies.get(0)[0] + ":" + proxies.get(0)[1]
                    + (proxyEnv.isEmpty() ? "" : " (and " + String.join(", ", proxyEnv.keySet()) + " is set)"));
        }
    }

    /** A FIX online; in a learner bundle (no downloads) the same finding is only INFO. */
    private void problem(boolean bundle, String problem, String nextStep) {
        if (bundle) {
            info("proxy", problem + " \u2014 matters only online: this learner bundle builds offline");
        } else {
            fix("proxy", problem, nextStep);
        }
    }

    /** The active proxies of a Maven settings file: host and port of each. */
    static List<String[]> mavenProxies(Path settings) throws Exception {
        List<String[]> found = new ArrayList<>();
        if (!Files.isRegularFile(settings)) {
            return found;
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(settings.toFile());
        NodeList list = document.getElementsByTagName("proxy");
        for (int i = 0; i < list.getLength(); i++) {
            Element proxy = (Element) list.item(i);
            if (!(proxy.getParentNode() instanceof Element)
                    || !((Element) proxy.getParentNode()).getTagName().equals("proxies")) {
                continue;
            }
            if (child(proxy, "active").equalsIgnoreCase("false")) {
                continue;
            }
            found.add(new String[] {child(proxy, "host"), child(proxy, "port")});
        }
        return found;
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                return node.getTextContent().strip();
            }
        }
        return "";
    }

    private static URI proxyUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.contains("://") ? value.strip() : "http://" + value.strip();
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- offline repository

    private void checkRepository(boolean bundle) {
        Path manifest = options.kitRoot.resolve(MANIFEST);
        if (!bundle) {
            ok("repository", "an online clone: the first build downloads about " + DOWNLOAD_MB + " MB from Maven"
                    + " Central into " + options.userHome.resolve(".m2").resolve("repository") + " (once)");
            return;
        }
        Path repository = manifest.getParent();
        List<String> problems = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            fix("repository", MANIFEST + " cannot be read (" + e.getMessage() + ")", "copy the bundle again");
            return;
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(MANIFEST_HEADER)) {
            problems.add(MANIFEST + " does not start with \"" + MANIFEST_HEADER + "\"");
        }
        int problemCount = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String problem;
            if (fields.length != 3) {
                problem = "line " + (i + 1) + " of the manifest is not sha256<TAB>size<TAB>path";
            } else {
                files++;
                problem = verify(repository, fields[0].strip(), fields[1].strip(), fields[2].strip());
                if (problem == null) {
                    try {
                        bytes += Long.parseLong(fields[1].strip());
                    } catch (NumberFormatException e) {
                        problem = "line " + (i + 1) + " has no size";
                    }
                }
            }
            if (problem != null) {
                problemCount++;
                if (problems.size() < 3) {
                    problems.add(problem);
                }
            }
        }
        if (problemCount == 0 && problems.isEmpty()) {
            ok("repository", String.format(Locale.ROOT, "the offline repository is complete: %,d files, %,.1f MB,"
                    + " each with the size and SHA-256 the bundle's manifest lists", files, bytes / 1048576.0));
        } else {
            fix("repository", "the offline repository is damaged (" + Math.max(problemCount, problems.size())
                    + " of " + files + " files): " + String.join("; ", problems), "copy the bundle again (unzip"
                    + " cookie-session-jwt-learner-kit.zip afresh into an empty folder)");
        }
    }

    private static String verify(Path repository, String sha256, String size, String relative) {
        Path file;
        try {
            file = repository.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return relative + " is not a valid path";
        }
        if (!file.startsWith(repository.normalize())) {
            return relative + " points outside .mvn/repository";
        }
        if (!Files.isRegularFile(file)) {
            return relative + " is missing";
        }
        try {
            long expected = Long.parseLong(size);
            long actual = Files.size(file);
            if (actual != expected) {
                return relative + " has " + actual + " bytes, not " + expected;
            }
            if (!sha256Hex(file).equalsIgnoreCase(sha256)) {
                return relative + " has another SHA-256 than the manifest's (damaged)";
            }
            return null;
        } catch (NumberFormatException e) {
            return relative + " has no valid size in the manifest";
        } catch (IOException e) {
            return relative + " cannot be read (" + e.getMessage() + ")";
        }
    }

    /** The SHA-256 of a file as 64 lowercase hex digits. */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    // ---------------------------------------------------------------- helpers

    private String env(String name) {
        String value = options.env.get(name);
        return value == null ? "" : value.strip();
    }

    private String envIgnoringCase(String name) {
        String exact = env(name);
        if (!exact.isEmpty()) {
            return exact;
        }
        for (Map.Entry<String, String> e : options.env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isBlank()) {
                return e.getValue().strip();
            }
        }
        return "";
    }

    private Path onPath(List<String> names) {
        for (String dir : pathDirectories(options.os, options.env)) {
            for (String name : names) {
                Path file = path(dir + File.separator + name);
                if (file != null && isExecutable(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static void addPath(List<Path> out, String text) {
        Path path = path(text);
        if (path != null) {
            out.add(path);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null; // a name this file system cannot even spell holds nothing
        }
    }

    private int lastExit = -1;
    private String jupyterVersion = "";

    /** Runs a command with the examined environment; its output (stdout and stderr), or "" when it cannot start. */
    private String runCommand(List<String> command, int seconds) {
        lastExit = -1;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(existing(options.kitRoot).toFile());
            if (options.envInjected) {
                builder.environment().clear();
                builder.environment().putAll(options.env);
            }
            Process process = builder.start();
            process.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(output);
                } catch (IOException e) {
                    // the process ended or was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            reader.join(2000);
            lastExit = process.exitValue();
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String stripAnsi(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\\R", 2)[0];
        return line.isEmpty() ? "no output" : line;
    }

}
