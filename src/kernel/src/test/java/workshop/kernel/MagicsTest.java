package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Magics and IJava environment variables")
class MagicsTest {

    /** From the root pom, so the test resolves the version the kit uses. */
    private static final String JJWT_VERSION = System.getProperty("jjwt.version", "0.13.0");

    @TempDir
    Path folder;

    private NotebookSession session;

    @BeforeEach
    void start() throws Exception {
        Path lib = Files.createDirectories(folder.resolve("lib"));
        buildJar(lib.resolve("greeter.jar"), "demo.Greeter",
                "package demo; public class Greeter { public static String hello(String n) { return \"Hello, \" + n; } }");
        session = new NotebookSession(KernelSettings.from(Map.of(), 10_000), folder);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    @DisplayName("%jars adds matching jars relative to the notebook folder; an import on a later line works")
    void jars() throws Exception {
        CellResult result = session.run("%jars lib/*.jar\nimport demo.Greeter;\nGreeter.hello(\"Ada\")");
        assertThat(result.value()).isEqualTo("Hello, Ada");
    }

    @Test
    @DisplayName("%jars with a glob that matches nothing names the folder it looked in")
    void missingJar() {
        assertThatThrownBy(() -> session.run("%jars missing/*.jar"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("No jar matches 'missing/*.jar'")
                .hasMessageContaining(folder.resolve("missing").toString());
    }

    @Test
    @DisplayName("%classpath adds a folder of classes")
    void classpathFolder() throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        compile(classes, "demo.Twice", "package demo; public class Twice { public static int of(int x) { return 2 * x; } }");
        assertThat(session.run("%classpath classes\ndemo.Twice.of(21)").value()).isEqualTo(42);
    }

    @Test
    @DisplayName("%load runs a .jsh file and the code cells of a notebook")
    void load() throws Exception {
        Files.writeString(folder.resolve("setup.jsh"), "int loaded = 7;\nString shout(String s) { return s.toUpperCase(); }\n");
        Files.writeString(folder.resolve("other.ipynb"), "{\"cells\":[{\"cell_type\":\"markdown\",\"metadata\":{},"
                + "\"source\":[\"# not code\"]},{\"cell_type\":\"code\",\"metadata\":{},\"outputs\":[],"
                + "\"execution_count\":null,\"source\":[\"int fromNotebook = 5;\\n\",\"fromNotebook++;\"]}],"
                + "\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        session.run("%load setup.jsh");
        session.run("%load other.ipynb");
        assertThat(session.run("shout(\"x\") + (loaded + fromNotebook)").value()).isEqualTo("X13");
    }

    @Test
    @DisplayName("%maven rejects something that is not a coordinate with an example")
    void mavenCoordinates() {
        assertThatThrownBy(() -> session.run("%maven jjwt"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("group:artifact:version");
    }

    @Test
    @DisplayName("%maven resolves an artifact through mvn (from ~/.m2, where the build put it) with its dependencies")
    void maven() throws Exception {
        session.run("%maven io.jsonwebtoken:jjwt-api:" + JJWT_VERSION);
        assertThat(session.run("io.jsonwebtoken.Jwts.class.getSimpleName()").value()).isEqualTo("Jwts");
    }

    @Test
    @DisplayName("%%loadFromPOM resolves the dependencies written in the cell")
    void loadFromPom() throws Exception {
        session.run("%%loadFromPOM\n<dependency><groupId>io.jsonwebtoken</groupId><artifactId>jjwt-impl</artifactId>"
                + "<version>" + JJWT_VERSION + "</version></dependency>");
        // jjwt-api arrives as a dependency of jjwt-impl.
        assertThat(session.run("io.jsonwebtoken.Jwts.SIG.HS256.getId()").value()).isEqualTo("HS256");
    }

    @Test
    @DisplayName("IJAVA_CLASSPATH, IJAVA_STARTUP_SCRIPT and IJAVA_STARTUP_SCRIPTS_PATH are applied at start")
    void environment() throws Exception {
        Files.writeString(folder.resolve("start.jsh"), "int fromScriptFile = 3;");
        try (NotebookSession configured = new NotebookSession(KernelSettings.from(Map.of(
                "IJAVA_CLASSPATH", "lib/*.jar",
                "IJAVA_STARTUP_SCRIPTS_PATH", "*.jsh",
                "IJAVA_STARTUP_SCRIPT", "int fromScript = 4;"), 10_000), folder)) {
            assertThat(configured.run("demo.Greeter.hello(\"\" + (fromScript + fromScriptFile))").value())
                    .isEqualTo("Hello, 7");
        }
    }

    @Test
    @DisplayName("IJAVA_TIMEOUT accepts milliseconds and 'amount UNIT'; below 1 means none")
    void timeout() {
        assertThat(KernelSettings.parseTimeout("1500")).hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(1500));
        assertThat(KernelSettings.parseTimeout("30 SECONDS")).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(30));
        assertThat(KernelSettings.parseTimeout("-1")).isEmpty();
        assertThat(KernelSettings.parseTimeout(null)).isEmpty();
        assertThatThrownBy(() -> KernelSettings.parseTimeout("soon")).hasMessageContaining("IJAVA_TIMEOUT");
    }

    private static void buildJar(Path jar, String className, String source) throws IOException {
        Path classes = Files.createTempDirectory("classes");
        compile(classes, className, source);
        String entry = className.replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
    }

    private static void compile(Path classes, String className, String source) throws IOException {
        Path file = Files.createTempDirectory("src").resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.toString(), file.toString());
        assertThat(exit).as("test fixture compiles").isZero();
    }
}
