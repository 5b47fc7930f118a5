package workshop.watch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a kata's sources in-process with the JDK's own compiler. The compiler and its file manager
 * stay warm between saves (the JDK's and the libraries' class indexes are read once), so recompiling a
 * kata's whole source set takes a fraction of a second.
 */
final class KataCompiler {

    /** What one compilation gave: javac's error messages (empty when it compiled) and the classes written. */
    record Result(List<String> errors, Set<String> classNames) {
        boolean ok() {
            return errors.isEmpty();
        }

        /** The errors as javac prints them, then javac's count line ({@code 1 error}). */
        String report() {
            return String.join("\n", errors) + "\n" + errors.size() + (errors.size() == 1 ? " error" : " errors");
        }
    }

    private static final int MAX_ERRORS = 10;

    private final String release;
    private final Path root;
    private JavaCompiler javac;
    private StandardJavaFileManager files;

    /**
     * @param release the Java release the kit compiles for (the root pom's {@code java.release})
     * @param root    the kit's root: file names in messages are relative to it
     */
    KataCompiler(String release, Path root) {
        this.release = release;
        this.root = root.toAbsolutePath().normalize();
    }

    /** Compiles every source under {@code sourceDir} into a freshly emptied {@code outputDir}. */
    Result compile(Path sourceDir, List<Path> classpath, Path outputDir) {
        ensureCompiler();
        List<Path> sources = javaFiles(sourceDir);
        clean(outputDir);
        if (sources.isEmpty()) {
            return new Result(List.of(), Set.of());
        }
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set up the compiler for " + outputDir, e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", release, "-encoding", "UTF-8", "-g", "-proc:none",
                "-implicit:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", String.valueOf(MAX_ERRORS));
        StringWriter other = new StringWriter();
        boolean ok = javac.getTask(other, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(format(d));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add("error: " + other.toString().strip());
        }
        return new Result(List.copyOf(errors), ok ? classNames(outputDir) : Set.of());
    }

    /** One error the way javac prints it: {@code file:line: error: message}, the source line, a caret, the details. */
    private String format(Diagnostic<? extends JavaFileObject> d) {
        String[] message = d.getMessage(Locale.getDefault()).split("\\R");
        StringBuilder out = new StringBuilder();
        JavaFileObject source = d.getSource();
        if (source == null) {
            out.append("error: ").append(message[0]);
        } else {
            Path file = Path.of(source.toUri());
            Path shown = file.startsWith(root) ? root.relativize(file) : file;
            out.append(shown.toString().replace('\\', '/')).append(':').append(d.getLineNumber()).append(": error: ").append(message[0]);
            sourceLineWithCaret(file, d.getPosition()).forEach(line -> out.append('\n').append(line));
        }
        for (int i = 1; i < message.length; i++) {
            out.append('\n').append(message[i]);
        }
        return out.toString();
    }

    private static List<String> sourceLineWithCaret(Path file, long position) {
        if (position == Diagnostic.NOPOS) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int pos = (int) Math.min(position, text.length());
            int start = text.lastIndexOf('\n', pos - 1) + 1;
            int end = text.indexOf('\n', pos);
            String line = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
            StringBuilder caret = new StringBuilder();
            for (int i = start; i < pos; i++) {
                caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            return List.of(line, caret.append('^').toString());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void ensureCompiler() {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new WatchException("Watch mode compiles your code in-process and needs a JDK, but Maven runs on a"
                        + " Java runtime without a compiler (" + System.getProperty("java.home") + "): set JAVA_HOME to a JDK 17+.");
            }
            files = javac.getStandardFileManager(null, Locale.getDefault(), StandardCharsets.UTF_8);
        }
    }

    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the sources in " + dir, e);
        }
    }

    private static Set<String> classNames(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> names = new LinkedHashSet<>();
            walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            });
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the classes in " + dir, e);
        }
    }

    static void clean(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + dir, e);
        }
    }
}
