package workshop.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and IJava-style magics: a first line {@code %%name args} makes the
 * whole cell a cell magic; any line starting with {@code %name} is a line magic, run in order.
 */
final class CellParser {

    /** One piece of a cell. */
    sealed interface Part permits Code, LineMagic, CellMagic {
    }

    /** Java source starting on cell line {@code firstLine} (1-based). */
    record Code(String source, int firstLine) implements Part {
    }

    /** A {@code %name args} line. */
    record LineMagic(String name, List<String> args, int line) implements Part {
    }

    /** A {@code %%name args} cell with its body. */
    record CellMagic(String name, List<String> args, String body) implements Part {
    }

    private CellParser() {
    }

    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        String stripped = cell.stripLeading();
        if (stripped.startsWith("%%")) {
            int newline = stripped.indexOf('\n');
            String header = newline < 0 ? stripped.substring(2) : stripped.substring(2, newline);
            List<String> words = split(header);
            String body = newline < 0 ? "" : stripped.substring(newline + 1);
            parts.add(new CellMagic(words.isEmpty() ? "" : words.get(0), words.subList(Math.min(1, words.size()), words.size()), body));
            return parts;
        }
        String[] lines = cell.split("\r?\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (isLineMagic(trimmed)) {
                if (!code.toString().isBlank()) {
                    parts.add(new Code(code.toString(), codeStart));
                }
                code.setLength(0);
                codeStart = i + 2;
                List<String> words = split(trimmed.substring(1));
                parts.add(new LineMagic(words.get(0), words.subList(1, words.size()), i + 1));
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), codeStart));
        }
        return parts;
    }

    /**
     * Splits a cell as IJava 1.3 hands it to JShell: IJava turns a line magic into a statement on
     * the same line, so the code after it begins with the newline that ends the magic line, and
     * the code before it ends before the newline that precedes the magic line. Code keeps its
     * leading and trailing whitespace exactly as in the cell.
     *
     * @param cell the cell source
     * @return the parts in order; {@link Code#firstLine()} is the line the code's first character is on
     */
    static List<Part> parseAsIJava(String cell) {
        if (cell.stripLeading().startsWith("%%")) {
            return parse(cell);
        }
        List<Part> parts = new ArrayList<>();
        int codeStart = 0;
        int codeLine = 1;
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart <= cell.length()) {
            int newline = cell.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? cell.length() : newline;
            String trimmed = cell.substring(lineStart, lineEnd).strip();
            if (isLineMagic(trimmed)) {
                int codeEnd = Math.max(codeStart, lineStart - 1);
                addCode(parts, cell.substring(codeStart, codeEnd), codeLine);
                List<String> words = split(trimmed.substring(1));
                parts.add(new LineMagic(words.get(0), words.subList(1, words.size()), lineNumber));
                codeStart = lineEnd;
                codeLine = lineNumber;
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
            lineNumber++;
        }
        addCode(parts, cell.substring(Math.min(codeStart, cell.length())), codeLine);
        return parts;
    }

    private static void addCode(List<Part> parts, String code, int firstLine) {
        if (!code.isBlank()) {
            parts.add(new Code(code, firstLine));
        }
    }

    /** Replaces magic lines by spaces so positions in the rest of the cell stay the same. */
    static String blankMagics(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        boolean cellMagic = cell.stripLeading().startsWith("%%");
        for (String line : cell.split("(?<=\n)", -1)) {
            boolean magic = isLineMagic(line.strip()) || cellMagic && line.strip().startsWith("%%");
            out.append(magic ? line.replaceAll("[^\n]", " ") : line);
            cellMagic = false;
        }
        return out.toString();
    }

    private static boolean isLineMagic(String trimmed) {
        return trimmed.length() > 1 && trimmed.charAt(0) == '%' && Character.isLetter(trimmed.charAt(1));
    }

    /** Splits magic arguments on whitespace, keeping "double" or 'single' quoted words together. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
