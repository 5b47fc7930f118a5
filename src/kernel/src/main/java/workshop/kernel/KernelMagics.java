package workshop.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The IJava magics: {@code %jars}, {@code %classpath}, {@code %load}, {@code %maven}, {@code %mavenRepo}. */
final class KernelMagics {

    /** A line magic: arguments in, an optional value out. */
    @FunctionalInterface
    interface LineMagic {
        Object run(List<String> args) throws Exception;
    }

    /** Runs more cell source; used by {@code %load}. */
    @FunctionalInterface
    interface CellRunner {
        CellResult run(String code) throws Exception;
    }

    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Path workingDirectory;
    private final JShellEvaluator evaluator;
    private final CellRunner cells;
    private final MavenResolver maven = new MavenResolver();

    KernelMagics(Path workingDirectory, JShellEvaluator evaluator, CellRunner cells) {
        this.workingDirectory = workingDirectory;
        this.evaluator = evaluator;
        this.cells = cells;
        lineMagics.put("jars", args -> addGlobs(args, true));
        lineMagics.put("classpath", args -> addGlobs(args, false));
        lineMagics.put("load", this::load);
        lineMagics.put("maven", this::maven);
        lineMagics.put("addMavenDependency", this::maven);
        lineMagics.put("addMavenDependencies", this::maven);
        lineMagics.put("mavenRepo", this::mavenRepo);
        lineMagics.put("loadFromPOM", this::loadFromPom);
    }

    Object runLineMagic(String name, List<String> args) throws Exception {
        LineMagic magic = lineMagics.get(name);
        if (magic == null) {
            throw new MagicException("Unknown line magic %" + name + ". This kernel knows: %"
                    + String.join(", %", lineMagics.keySet()) + ".");
        }
        return magic.run(args);
    }

    Object runCellMagic(String name, List<String> args, String body) throws MagicException {
        if (name.equals("loadFromPOM")) {
            maven.resolvePomText(body, scope(args, 0)).forEach(evaluator::addToClasspath);
            return null;
        }
        throw new MagicException("Unknown cell magic %%" + name + ". This kernel knows %%loadFromPOM;"
                + " line magics (%" + String.join(", %", lineMagics.keySet()) + ") go on their own lines.");
    }

    private Object loadFromPom(List<String> args) throws MagicException {
        if (args.isEmpty()) {
            throw new MagicException("Usage: %loadFromPOM <pom.xml> [compile|runtime|test]");
        }
        Path pom = workingDirectory.resolve(args.get(0)).normalize();
        if (!Files.isRegularFile(pom)) {
            throw new MagicException("%loadFromPOM cannot find " + pom.toAbsolutePath() + ".");
        }
        maven.resolvePomFile(pom, scope(args, 1)).forEach(evaluator::addToClasspath);
        return null;
    }

    private static String scope(List<String> args, int index) throws MagicException {
        if (args.size() <= index) {
            return "runtime";
        }
        String scope = args.get(index);
        if (!List.of("compile", "runtime", "test").contains(scope)) {
            throw new MagicException("Scope '" + scope + "' is not one of compile, runtime, test.");
        }
        return scope;
    }

    /** Adds every match of every glob; {@code jarsOnly} keeps only .jar files, as IJava's %jars does. */
    Object addGlobs(List<String> globs, boolean jarsOnly) throws IOException, MagicException {
        if (globs.isEmpty()) {
            throw new MagicException("Give at least one path or glob, e.g. %jars lib/*.jar");
        }
        for (String glob : globs) {
            List<Path> matches = new ArrayList<>(Globs.resolve(workingDirectory, glob));
            if (jarsOnly) {
                matches.removeIf(path -> !Files.isRegularFile(path) || !path.toString().endsWith(".jar"));
            }
            if (matches.isEmpty()) {
                throw new MagicException("No " + (jarsOnly ? "jar" : "file or folder") + " matches '" + glob
                        + "' (looked in " + Globs.searchedFolder(workingDirectory, glob) + ")."
                        + " If this is the kit's lib folder, build it first: mvn -Pjupyter (or mvn -pl notebooks -am package).");
            }
            matches.forEach(evaluator::addToClasspath);
        }
        return null;
    }

    private Object load(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw new MagicException("Usage: %load <file> (a .jsh, .jshell, .java, .ijava or .ipynb file)");
        }
        Path file = workingDirectory.resolve(args.get(0)).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicException("%load cannot find " + file.toAbsolutePath() + ".");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String code = file.toString().endsWith(".ipynb") ? codeCells(text) : text;
        CellResult result = cells.run(code);
        return result.hasValue() ? result.value() : null;
    }

    private static String codeCells(String notebookJson) {
        StringBuilder code = new StringBuilder();
        JsonObject notebook = new JsonParser().parse(notebookJson).getAsJsonObject();
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement source = cell.get("source");
            if (source.isJsonArray()) {
                JsonArray lines = source.getAsJsonArray();
                lines.forEach(line -> code.append(line.getAsString()));
            } else {
                code.append(source.getAsString());
            }
            code.append('\n');
        }
        return code.toString();
    }

    private Object maven(List<String> coordinates) throws MagicException {
        if (coordinates.isEmpty()) {
            throw new MagicException("Usage: %maven group:artifact:version ...");
        }
        maven.resolve(coordinates).forEach(evaluator::addToClasspath);
        return null;
    }

    private Object mavenRepo(List<String> args) throws MagicException {
        if (args.size() != 2) {
            throw new MagicException("Usage: %mavenRepo <id> <url>");
        }
        maven.addRepository(args.get(0), args.get(1));
        return null;
    }
}
