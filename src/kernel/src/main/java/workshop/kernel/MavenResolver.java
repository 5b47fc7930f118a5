package workshop.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Resolves Maven coordinates (with their runtime dependencies) to jars by asking the {@code mvn}
 * command: it honours the user's {@code ~/.m2/settings.xml}, mirrors and local repository, and
 * works offline for artifacts already downloaded.
 */
final class MavenResolver {

    private final Map<String, String> repositories = new LinkedHashMap<>();

    /**
     * @param id a repository id
     * @param url its URL
     */
    void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /**
     * @param coordinates {@code group:artifact:version} (or {@code group:artifact:type:version},
     *                    {@code group:artifact:type:classifier:version})
     * @return the jars to add to the classpath
     * @throws MagicException when Maven is missing or cannot resolve a coordinate
     */
    List<Path> resolve(List<String> coordinates) throws MagicException {
        StringBuilder dependencies = new StringBuilder();
        for (String coordinate : coordinates) {
            dependencies.append(dependencyXml(coordinate));
        }
        return resolvePom(projectXml("<dependencies>" + dependencies + "</dependencies>"), null, "runtime",
                String.join(", ", coordinates));
    }

    /**
     * Resolves the dependencies a POM declares, as IJava's {@code %loadFromPOM} does.
     *
     * @param pomXml the POM text: a whole {@code <project>}, or just {@code <dependencies>} / {@code <dependency>} elements
     * @param scope the widest scope to include: compile, runtime or test
     * @return the jars to add to the classpath
     * @throws MagicException when Maven is missing or cannot resolve them
     */
    List<Path> resolvePomText(String pomXml, String scope) throws MagicException {
        String text = pomXml.strip();
        if (!text.contains("<project")) {
            String dependencies = text.startsWith("<dependencies") ? text : "<dependencies>" + text + "</dependencies>";
            text = projectXml(dependencies);
        }
        return resolvePom(text, null, scope, "the dependencies of the POM");
    }

    /**
     * @param pomFile an existing pom.xml
     * @param scope the widest scope to include
     * @return its dependencies' jars
     * @throws MagicException when Maven is missing or cannot resolve them
     */
    List<Path> resolvePomFile(Path pomFile, String scope) throws MagicException {
        return resolvePom(null, pomFile, scope, "the dependencies of " + pomFile);
    }

    private List<Path> resolvePom(String pom, Path pomFile, String scope, String what) throws MagicException {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("kernel-maven");
            Path file = pomFile != null ? pomFile.toAbsolutePath() : folder.resolve("pom.xml");
            if (pomFile == null) {
                Files.writeString(file, pom, StandardCharsets.UTF_8);
            }
            Path output = folder.resolve("classpath.txt");
            List<String> command = new ArrayList<>(List.of(mavenCommand(), "-q", "-B", "-Dstyle.color=never", "-f", file.toString(),
                    "org.apache.maven.plugins:maven-dependency-plugin:" + dependencyPluginVersion() + ":build-classpath",
                    "-Dmdep.outputFile=" + output, "-Dmdep.includeScope=" + scope));
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(output)) {
                throw new MagicException("Maven could not resolve " + what
                        + ". If you are offline, the artifacts must already be in ~/.m2 (build the kit once online),"
                        + " or add the jars with %jars. Maven said: " + reason(log));
            }
            String classpath = Files.readString(output, StandardCharsets.UTF_8).strip();
            List<Path> jars = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
            return jars;
        } catch (IOException e) {
            throw new MagicException("%maven needs the 'mvn' command on the PATH (or MAVEN_HOME set) to resolve "
                    + what + ": " + e.getMessage()
                    + ". Alternatively copy the jars next to the notebook and use %jars.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagicException("Resolving " + what + " was interrupted.");
        } finally {
            deleteQuietly(folder);
        }
    }

    /** A throw-away POM with the given dependencies and the repositories added by %mavenRepo. */
    private String projectXml(String dependenciesXml) {
        StringBuilder repos = new StringBuilder();
        repositories.forEach((id, url) -> repos.append("<repository><id>").append(xml(id)).append("</id><url>")
                .append(xml(url)).append("</url></repository>"));
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>workshop.kernel</groupId><artifactId>notebook-dependencies</artifactId><version>1</version>"
                + dependenciesXml + "<repositories>" + repos + "</repositories></project>";
    }

    private static String dependencyXml(String coordinate) throws MagicException {
        String[] parts = coordinate.split(":");
        String type = "jar";
        String classifier = null;
        String version;
        switch (parts.length) {
            case 3:
                version = parts[2];
                break;
            case 4:
                type = parts[2];
                version = parts[3];
                break;
            case 5:
                type = parts[2];
                classifier = parts[3];
                version = parts[4];
                break;
            default:
                throw new MagicException("'" + coordinate + "' is not a Maven coordinate; write group:artifact:version,"
                        + " e.g. %maven io.jsonwebtoken:jjwt-api:0.13.0");
        }
        return "<dependency><groupId>" + xml(parts[0]) + "</groupId><artifactId>" + xml(parts[1])
                + "</artifactId><version>" + xml(version) + "</version><type>" + xml(type) + "</type>"
                + (classifier == null ? "" : "<classifier>" + xml(classifier) + "</classifier>") + "</dependency>";
    }

    private static String mavenCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        String executable = windows ? "mvn.cmd" : "mvn";
        for (String variable : List.of("MAVEN_HOME", "M2_HOME")) {
            String home = System.getenv(variable);
            if (home != null && Files.isRegularFile(Path.of(home, "bin", executable))) {
                return Path.of(home, "bin", executable).toString();
            }
        }
        return executable;
    }

    static String dependencyPluginVersion() {
        try (InputStream in = MavenResolver.class.getResourceAsStream("kernel.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("dependency-plugin.version", "3.8.1");
        } catch (IOException e) {
            return "3.8.1";
        }
    }

    /** The first real error line of Maven's output, without colours and the generic help lines. */
    static String reason(String log) {
        List<String> lines = log.lines()
                .map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "").strip())
                .filter(line -> !line.isBlank())
                .collect(Collectors.toList());
        return lines.stream()
                .filter(line -> line.startsWith("[ERROR]") && line.length() > "[ERROR]".length() + 1)
                .map(line -> line.substring("[ERROR]".length()).replace(" -> [Help 1]", "").strip())
                .findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }
}
