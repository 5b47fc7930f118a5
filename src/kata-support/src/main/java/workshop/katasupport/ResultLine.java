package workshop.katasupport;

import java.util.ArrayList;
import java.util.List;

/**
 * One recorded test result; the line format shared by {@link ResultRecorder} (writer) and the
 * progress report (reader). Tab-separated, with tabs, newlines and backslashes escaped.
 */
public record ResultLine(Status status, String step, String uniqueId, String method, String title, String message) {

    /** How a test ended. Only PASSED counts as done; SKIPPED and ABORTED never hide a failure. */
    public enum Status { PASSED, FAILED, ABORTED, SKIPPED }

    static final String HEADER_PREFIX = "# step-filter=";

    /** Joins a parameterized test's display name and one invocation's, e.g. {@code "C8 · path match ▸ /a, /a → true"}. */
    public static final String INVOCATION_SEPARATOR = " ▸ ";

    /** The test method's part of a title (the whole title for a plain test). */
    public String methodTitle() {
        int cut = title.indexOf(INVOCATION_SEPARATOR);
        return cut > 0 ? title.substring(0, cut) : title;
    }

    static String header(String stepFilter) {
        return HEADER_PREFIX + escape(stepFilter);
    }

    /** The step filter recorded in a header line, or null if the line is not a header. */
    public static String stepFilterOf(String headerLine) {
        return headerLine.startsWith(HEADER_PREFIX) ? unescape(headerLine.substring(HEADER_PREFIX.length())) : null;
    }

    public String format() {
        return String.join("\t", status.name(), escape(step), escape(uniqueId), escape(method), escape(title), escape(message));
    }

    /** Parses a line written by {@link #format()}. */
    public static ResultLine parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("Not a kata result line (expected 6 tab-separated fields): " + line);
        }
        return new ResultLine(Status.valueOf(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3]), unescape(f[4]), unescape(f[5]));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads every result line of a results file's lines, skipping the header. */
    public static List<ResultLine> parseAll(List<String> lines) {
        List<ResultLine> results = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                results.add(parse(line));
            }
        }
        return results;
    }
}
