package workshop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's checks, each with a machine that is fine and one that needs a fix. */
class DoctorTest {

    static final Path KIT = Path.of(System.getProperty("doctor.kitRoot", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    record Run(int fixes, List<String> lines) {
        List<String> fixLines() {
            return lines.stream().filter(l -> l.startsWith("FIX: ")).toList();
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    static Run run(Doctor.Options options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int fixes = Doctor.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(fixes, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    /** A JDK folder whose release file says the given version. */
    Path fakeJdk(String version, boolean withJavac) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("jdk-" + version + (withJavac ? "" : "-jre")));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("java"), "");
        if (withJavac) {
            Files.writeString(bin.resolve("javac"), "");
            Files.writeString(bin.resolve("javac.exe"), "");
        }
        return home;
    }

    @Test
    void this_machine_needs_no_fix() {
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT));

        assertThat(run.fixLines()).as("the doctor on this machine:\n%s", run.text()).isEmpty();
        assertThat(run.fixes()).isZero();
        for (String check : List.of("kit", "java", "maven", "jupyter", "browser", "ports", "disk", "proxy",
                "repository")) {
            assertThat(run.lines()).as("an OK line for %s in:\n%s", check, run.text())
                    .anyMatch(l -> l.startsWith("OK   " + check + ": "));
        }
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("Ready: nothing to fix.");
    }

    @Test
    void java_home_with_17_0_2_is_refused_for_cve_2022_21449() throws IOException {
        Path jdk = fakeJdk("17.0.2", true);
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(env("JAVA_HOME", jdk.toString()))
                .only("java"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: java: Java 17.0.2 is too old: JAVA_HOME=" + jdk)
                .contains("CVE-2022-21449").contains(" — install a JDK 17.0.3 or newer");
        assertThat(run.fixes()).isEqualTo(1);
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("1 thing needs fixing");
    }

    @Test
    void java_home_with_17_0_3_is_ok_and_the_same_jdk_twice_is_one_line() throws IOException {
        Path jdk = fakeJdk("17.0.3", true);
        Run other = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(env("JAVA_HOME", jdk.toString()))
                .only("java"));
        Run same = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(env("JAVA_HOME", jdk.toString()))
                .runningJava("17.0.3", jdk).only("java"));

        assertThat(other.fixes()).as(other.text()).isZero();
        assertThat(other.lines()).as(other.text())
                .anyMatch(l -> l.startsWith("OK   java: Java 17.0.3 with javac: JAVA_HOME=" + jdk));
        assertThat(same.lines()).as(same.text()).filteredOn(l -> l.startsWith("OK   java: ")).singleElement()
                .asString().endsWith("which is JAVA_HOME too");
    }

    @Test
    void java_home_with_11_is_refused() throws IOException {
        Path jdk = fakeJdk("11.0.22", true);
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(env("JAVA_HOME", jdk.toString()))
                .only("java"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: java: Java 11.0.22 is too old").contains("the kit needs 17.0.3+");
        assertThat(run.fixes()).isEqualTo(1);
    }

    @Test
    void the_running_java_is_checked_too_and_a_jre_without_javac_is_a_fix() throws IOException {
        Path old = fakeJdk("1.8.0_402", true);
        Path jre = fakeJdk("21.0.4", false);
        Path good = fakeJdk("17.0.3", true);
        Map<String, String> noJavaHome = env();
        noJavaHome.remove("JAVA_HOME");

        Run java8 = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noJavaHome)
                .runningJava("1.8.0_402", old).only("java"));
        Run noJavac = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noJavaHome)
                .runningJava("21.0.4", jre).only("java"));
        Run fine = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noJavaHome)
                .runningJava("17.0.3", good).only("java"));

        assertThat(java8.fixLines()).as(java8.text()).singleElement().asString()
                .startsWith("FIX: java: Java 1.8.0_402 is too old");
        assertThat(noJavac.fixLines()).as(noJavac.text()).singleElement().asString()
                .startsWith("FIX: java: Java 21.0.4 is a JRE without javac");
        assertThat(fine.fixes()).as(fine.text()).isZero();
        assertThat(fine.lines()).anyMatch(l -> l.startsWith("OK   java: Java 17.0.3 with javac"));
    }

    @Test
    void versions_compare_by_their_numbers() {
        assertThat(Doctor.compareVersions("17.0.2", "17.0.3")).isNegative();
        assertThat(Doctor.compareVersions("17.0.3+7", "17.0.3")).isZero();
        assertThat(Doctor.compareVersions("17.0.10", "17.0.3")).isPositive();
        assertThat(Doctor.compareVersions("21", "17.0.3")).isPositive();
        assertThat(Doctor.compareVersions("25-ea", "17.0.3")).isPositive();
        assertThat(Doctor.compareVersions("1.8.0_402", "17.0.3")).isNegative();
        assertThat(Doctor.compareVersions("3.8.1", "3.8.1")).isZero();
        assertThat(Doctor.compareVersions("3.6.3", "3.8.1")).isNegative();
    }

    @Test
    void without_mvn_the_wrapper_is_ok_once_its_maven_is_downloaded_or_central_answers() throws IOException {
        Path emptyPath = Files.createDirectories(tmp.resolve("bin"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> noMaven = env("PATH", emptyPath.toString());
        noMaven.remove("MAVEN_USER_HOME");

        Run offline = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noMaven).userHome(home)
                .centralReachable(() -> false).only("maven"));
        Run online = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noMaven).userHome(home)
                .centralReachable(() -> true).only("maven"));
        Path dist = Files.createDirectories(home.resolve(".m2/wrapper/dists/apache-maven-3.9.9/3a1b2c/bin"));
        Files.writeString(dist.resolve("mvn"), "");
        Run downloaded = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(noMaven).userHome(home)
                .centralReachable(() -> false).only("maven"));

        assertThat(offline.fixLines()).as(offline.text()).singleElement().asString()
                .startsWith("FIX: maven: no mvn on PATH, the wrapper's Maven (apache-maven-3.9.9) is not downloaded")
                .contains("-v once where the internet works");
        assertThat(online.fixes()).as(online.text()).isZero();
        assertThat(online.lines()).anyMatch(l -> l.startsWith("OK   maven: no mvn on PATH; the wrapper downloads"));
        assertThat(downloaded.fixes()).as(downloaded.text()).isZero();
        assertThat(downloaded.lines()).anyMatch(l -> l.startsWith("OK   maven: no mvn on PATH; the wrapper's Maven"
                + " is downloaded"));
    }

    @Test
    void a_maven_older_than_3_8_1_is_a_fix() {
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT).mavenVersion("3.6.3").only("maven"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: maven: Maven 3.6.3 started the doctor; the kit needs 3.8.1+");
    }

    @Test
    void no_jupyter_is_a_fix_with_the_install_commands() {
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT)
                .env(env("JUPYTER", tmp.resolve("no-jupyter").toString())).only("jupyter"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: jupyter: no jupyter found").contains("pip install jupyterlab");
    }

    @Test
    void a_taken_port_is_a_fix_naming_it_and_a_free_one_is_ok() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
                free = probe.getLocalPort();
            }
            Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT).port(taken.getLocalPort()).port(free)
                    .only("ports"));

            assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                    .startsWith("FIX: ports: 127.0.0.1:" + taken.getLocalPort() + " is taken — stop the program");
            assertThat(run.lines()).as(run.text()).anyMatch(l -> l.equals("OK   ports: 127.0.0.1:" + free + " is free"));
            assertThat(run.fixes()).isEqualTo(1);
        }
    }

    /** A kit folder with a learner bundle's manifest listing the given files. */
    Path bundle(Map<String, String> files) throws IOException {
        Path kit = Files.createDirectories(tmp.resolve("kit"));
        Files.writeString(kit.resolve("pom.xml"), "<project/>");
        Files.createDirectories(kit.resolve("katas"));
        Path repository = Files.createDirectories(kit.resolve(".mvn/repository"));
        StringBuilder manifest = new StringBuilder(Doctor.MANIFEST_HEADER + "\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = repository.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            manifest.append(Doctor.sha256Hex(path)).append('\t').append(Files.size(path)).append('\t')
                    .append(file.getKey()).append('\n');
        }
        Files.writeString(repository.resolve("kit-manifest.tsv"), manifest);
        return kit;
    }

    @Test
    void an_intact_offline_repository_is_ok_with_its_count() throws IOException {
        Path kit = bundle(Map.of("org/example/a/1.0/a-1.0.jar", "jar a", "org/example/a/1.0/a-1.0.pom", "<pom/>"));

        Run run = run(Doctor.Options.forThisMachine().kitRoot(kit).only("repository"));

        assertThat(run.fixes()).as(run.text()).isZero();
        assertThat(run.lines()).as(run.text()).anyMatch(l -> l.startsWith(
                "OK   repository: the offline repository is complete: 2 files, 0.0 MB"));
    }

    @Test
    void a_missing_file_and_a_damaged_one_in_the_offline_repository_are_a_fix() throws IOException {
        Path kit = bundle(Map.of("org/example/a/1.0/a-1.0.jar", "jar a", "org/example/b/1.0/b-1.0.jar", "jar b",
                "org/example/c/1.0/c-1.0.jar", "jar c"));
        Path repository = kit.resolve(".mvn/repository");
        Files.delete(repository.resolve("org/example/a/1.0/a-1.0.jar"));
        Files.writeString(repository.resolve("org/example/b/1.0/b-1.0.jar"), "jar B"); // same size, other bytes

        Run run = run(Doctor.Options.forThisMachine().kitRoot(kit).only("repository"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: repository: the offline repository is damaged (2 of 3 files)")
                .contains("org/example/a/1.0/a-1.0.jar is missing")
                .contains("org/example/b/1.0/b-1.0.jar has another SHA-256")
                .contains("copy the bundle again");
    }

    @Test
    void a_proxy_in_the_environment_without_one_in_settings_is_a_fix_with_the_xml() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Run run = run(Doctor.Options.forThisMachine().kitRoot(KIT).userHome(home)
                .env(env("HTTPS_PROXY", "http://proxy.corp.example:3128")).only("proxy"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: proxy: HTTPS_PROXY=http://proxy.corp.example:3128 is set but")
                .contains("Maven ignores the proxy environment variables")
                .contains("add the next line to " + home.resolve(".m2").resolve("settings.xml") + " (a new file)");
        assertThat(run.lines()).as(run.text()).anyMatch(l -> l.startsWith("INFO proxy: <settings><proxies><proxy>")
                && l.contains("<host>proxy.corp.example</host><port>3128</port>"));
    }

    @Test
    void a_settings_proxy_is_ok_when_its_host_resolves_and_a_fix_when_not() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/.m2")).getParent();
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><proxies><proxy><id>p</id><active>true</active>"
                + "<protocol>http</protocol><host>proxy.corp.example</host><port>3128</port></proxy></proxies>"
                + "</settings>");
        Map<String, String> environment = env("HTTPS_PROXY", "http://proxy.corp.example:3128");

        Run resolves = run(Doctor.Options.forThisMachine().kitRoot(KIT).userHome(home).env(environment)
                .hostResolves(host -> true).only("proxy"));
        Run unknown = run(Doctor.Options.forThisMachine().kitRoot(KIT).userHome(home).env(environment)
                .hostResolves(host -> false).only("proxy"));

        assertThat(resolves.fixes()).as(resolves.text()).isZero();
        assertThat(unknown.fixLines()).as(unknown.text()).singleElement().asString()
                .startsWith("FIX: proxy: the <proxy> host proxy.corp.example").contains("does not resolve");
    }

    @Test
    void in_a_learner_bundle_proxy_problems_are_only_info() throws IOException {
        Path kit = bundle(Map.of("org/example/a/1.0/a-1.0.jar", "jar a"));
        Path home = Files.createDirectories(tmp.resolve("home"));

        Run run = run(Doctor.Options.forThisMachine().kitRoot(kit).userHome(home)
                .env(env("HTTP_PROXY", "http://proxy.corp.example:3128")).only("proxy"));

        assertThat(run.fixes()).as(run.text()).isZero();
        assertThat(run.lines()).as(run.text()).anyMatch(l -> l.startsWith("INFO proxy: HTTP_PROXY=")
                && l.contains("this learner bundle builds offline"));
    }

    @Test
    void workshop_browser_none_or_a_wrong_path_is_a_fix() {
        Run none = run(Doctor.Options.forThisMachine().kitRoot(KIT).env(env(Doctor.BROWSER_ENV, "none"))
                .only("browser"));
        Run wrong = run(Doctor.Options.forThisMachine().kitRoot(KIT)
                .env(env(Doctor.BROWSER_ENV, tmp.resolve("no-such-browser").toString())).only("browser"));

        assertThat(none.fixLines()).as(none.text()).singleElement().asString()
                .startsWith("FIX: browser: WORKSHOP_BROWSER=none");
        assertThat(wrong.fixLines()).as(wrong.text()).singleElement().asString()
                .contains("is not an executable file");
    }

    @Test
    void the_source_file_is_ascii_so_every_platform_charset_reads_it_alike() throws IOException {
        byte[] source = Files.readAllBytes(KIT.resolve("src/doctor/workshop/doctor/Doctor.java"));
        for (int i = 0; i < source.length; i++) {
            assertThat(source[i] & 0xff).as("byte %d of Doctor.java: the source launcher reads the file in the"
                    + " platform charset (windows-1252 on many Windows machines before Java 18), so write"
                    + " other characters as unicode escapes", i).isLessThan(0x80);
        }
        assertThat(Doctor.ascii("FIX: a \u2014 b \u00b7 A14\u2013A18 \u2026")).isEqualTo("FIX: a -- b - A14-A18 ...");
    }

    @Test
    void a_folder_without_the_kit_is_a_fix() {
        Run run = run(Doctor.Options.forThisMachine().kitRoot(tmp).only("kit"));

        assertThat(run.fixLines()).as(run.text()).singleElement().asString()
                .startsWith("FIX: kit: no kit in ").contains("java src/doctor/workshop/doctor/Doctor.java");
    }
}
