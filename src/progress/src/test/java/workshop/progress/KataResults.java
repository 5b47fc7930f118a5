package workshop.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workshop.katasupport.ResultLine;
import workshop.katasupport.ResultLine.Status;

/** Writes the recorded results of a fake kata module, as a kata's test run leaves them, for the progress tests. */
final class KataResults {

    private KataResults() {
    }

    static ResultLine line(Status status, String step, String method, String title, String message) {
        return new ResultLine(status, step, "[engine:junit-jupiter]/[method:" + method + "]", "T#" + method, title, message);
    }

    /** A module folder {@code dir} under {@code root} with a pom and {@code target/kata-results/results.tsv}. */
    static void write(Path root, String dir, String filter, ResultLine... lines) throws IOException {
        Path module = root.resolve(dir);
        Files.createDirectories(module.resolve("target/kata-results"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        List<String> text = new ArrayList<>();
        text.add("# step-filter=" + filter);
        for (ResultLine l : lines) {
            text.add(l.format());
        }
        Files.write(module.resolve("target/kata-results/results.tsv"), text, StandardCharsets.UTF_8);
    }
}
