package workshop.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Resolves IJava-style path globs such as {@code lib/*.jar} or {@code ../build/**}{@code /*.jar}. */
final class Globs {

    private Globs() {
    }

    /**
     * @param base the folder relative globs start from (the notebook's folder)
     * @param glob a path, possibly with {@code * ? ** [..] {..}}; {@code ~/} means the home folder
     * @return the matching paths, sorted; empty when nothing matches
     * @throws IOException when a folder cannot be read
     */
    static List<Path> resolve(Path base, String glob) throws IOException {
        String normalized = glob.replace('\\', '/');
        if (normalized.equals("~") || normalized.startsWith("~/")) {
            normalized = System.getProperty("user.home").replace('\\', '/') + normalized.substring(1);
        }
        String[] segments = normalized.split("/", -1);
        int firstGlob = 0;
        while (firstGlob < segments.length && !hasGlob(segments[firstGlob])) {
            firstGlob++;
        }
        Path root = base.resolve(normalized.startsWith("/") && firstGlob > 0
                ? "/" + String.join("/", List.of(segments).subList(1, firstGlob))
                : String.join("/", List.of(segments).subList(0, firstGlob))).normalize();
        if (firstGlob == segments.length) {
            return Files.exists(root) ? List.of(root) : List.of();
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String pattern = String.join("/", List.of(segments).subList(firstGlob, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(path -> !path.equals(root) && matcher.matches(root.relativize(path)))
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }

    /** @return the folder a glob would search, for error messages */
    static Path searchedFolder(Path base, String glob) {
        String normalized = glob.replace('\\', '/');
        int cut = normalized.length();
        for (int i = 0; i < normalized.length(); i++) {
            if ("*?[{".indexOf(normalized.charAt(i)) >= 0) {
                cut = normalized.lastIndexOf('/', i) + 1;
                break;
            }
        }
        return base.resolve(normalized.substring(0, cut).isEmpty() ? "." : normalized.substring(0, cut))
                .toAbsolutePath().normalize();
    }

    private static boolean hasGlob(String segment) {
        return segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }
}
