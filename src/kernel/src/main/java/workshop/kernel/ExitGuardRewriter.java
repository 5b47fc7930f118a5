package workshop.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites {@code System.exit(...)} and {@code Runtime.getRuntime().exit/halt(...)} in cell
 * source to a call that fails with a clear message, because cell code runs inside the kernel's
 * own JVM and would otherwise end the kernel. String literals and comments are left alone.
 */
final class ExitGuardRewriter {

    private static final Pattern EXIT = Pattern.compile(
            "\\b(?:java\\.lang\\.)?(?:System\\s*\\.\\s*exit|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:exit|halt))\\s*\\(");
    private static final String GUARD = "workshop.kernel.runtime.ExitGuard.exit(";

    private ExitGuardRewriter() {
    }

    static String rewrite(String source) {
        if (!source.contains("exit") && !source.contains("halt")) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + 32);
        int i = 0;
        int codeStart = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int skipTo = -1;
            if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                skipTo = end < 0 ? source.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                skipTo = Math.min(source.length(), j + 1);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                skipTo = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                skipTo = end < 0 ? source.length() : end + 2;
            }
            if (skipTo >= 0) {
                out.append(replaceExits(source.substring(codeStart, i))).append(source, i, skipTo);
                i = skipTo;
                codeStart = i;
            } else {
                i++;
            }
        }
        out.append(replaceExits(source.substring(codeStart)));
        return out.toString();
    }

    private static String replaceExits(String code) {
        return EXIT.matcher(code).replaceAll(Matcher.quoteReplacement(GUARD));
    }
}
