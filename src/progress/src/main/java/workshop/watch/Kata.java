package workshop.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One kata module of the kit, e.g. {@code katas/01-cookies}, and the folders watch mode uses in it.
 *
 * @param root the kit's root folder
 * @param dir  the kata's folder
 */
record Kata(Path root, Path dir) {

    /** The kata modules under {@code root/katas}, in name order. */
    static List<Kata> all(Path root) {
        Path katas = root.resolve("katas");
        if (!Files.isDirectory(katas)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(katas)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .sorted()
                    .map(p -> new Kata(root, p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the katas in " + katas, e);
        }
    }

    /** The folder name, e.g. {@code 01-cookies}. */
    String name() {
        return dir.getFileName().toString();
    }

    /** A path as the learner sees it: relative to the kit's root, with forward slashes. */
    String show(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return (p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
    }

    Path mainSources() {
        return dir.resolve("src/main/java");
    }

    Path testSources() {
        return dir.resolve("src/test/java");
    }

    Path mainResources() {
        return dir.resolve("src/main/resources");
    }

    Path testResources() {
        return dir.resolve("src/test/resources");
    }

    /** Everything watch mode writes, apart from the results: {@code target/watch}. */
    Path work() {
        return dir.resolve("target/watch");
    }

    Path mainClasses() {
        return work().resolve("main-classes");
    }

    Path testClasses() {
        return work().resolve("test-classes");
    }

    /** The file the progress table reads, written by the kit's ResultRecorder. */
    Path resultsFile() {
        return dir.resolve("target/kata-results/results.tsv");
    }
}
