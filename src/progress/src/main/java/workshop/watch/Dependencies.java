package workshop.watch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The jars and folders a kata needs besides its own classes. {@code mvn -Pwatch} writes them per kata
 * (maven-dependency-plugin {@code build-classpath}); a test of the watch engine uses its own JVM's.
 */
public interface Dependencies {

    /** What the kata's tests need (Maven's test scope). */
    List<Path> test(Path kataDir);

    /** What the kata's own code may use (Maven's compile scope); by default the same as {@link #test}. */
    default List<Path> main(Path kataDir) {
        return test(kataDir);
    }

    /** The classpath files {@code mvn -Pwatch} writes into {@code katas/NN/target/watch}. */
    static Dependencies fromMaven() {
        return new Dependencies() {
            @Override
            public List<Path> test(Path kataDir) {
                return read(kataDir, "classpath-test.txt");
            }

            @Override
            public List<Path> main(Path kataDir) {
                return Files.isRegularFile(kataDir.resolve("target/watch/classpath-main.txt"))
                        ? read(kataDir, "classpath-main.txt") : test(kataDir);
            }
        };
    }

    /** The class path of the running JVM ({@code java.class.path}), for tests that have every library already. */
    static Dependencies ofThisJvm() {
        List<Path> entries = split(System.getProperty("java.class.path", ""));
        return kataDir -> entries;
    }

    private static List<Path> read(Path kataDir, String name) {
        Path file = kataDir.resolve("target/watch").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new WatchException("katas/" + kataDir.getFileName() + "/target/watch/" + name + " is missing: start watch"
                    + " mode with mvn -Pwatch from the kit's root folder (Maven writes that file before the watch starts).");
        }
        try {
            return split(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static List<Path> split(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .filter(Files::exists)
                .toList();
    }
}
