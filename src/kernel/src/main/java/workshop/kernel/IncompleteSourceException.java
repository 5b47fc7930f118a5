package workshop.kernel;

import java.util.List;

/** The cell ends in the middle of a statement, e.g. a missing closing brace. */
public final class IncompleteSourceException extends CellException {
    private static final long serialVersionUID = 1L;

    /** @param source the unfinished code at the end of the cell */
    public IncompleteSourceException(String source) {
        super("The cell ends before this code is complete (a missing ';', ')' or '}'?): "
                        + firstLine(source),
                List.of("The end of the cell is not a complete Java statement:", source,
                        "Add the missing ';', ')' or '}' and run the cell again."));
    }

    private static String firstLine(String source) {
        int newline = source.indexOf('\n');
        return newline < 0 ? source : source.substring(0, newline) + " …";
    }
}
