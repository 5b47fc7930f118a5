package workshop.kernel;

/**
 * What a cell produced: either nothing (the cell ended with a statement or declaration) or the
 * value of its last expression, which may be {@code null}.
 *
 * @param hasValue whether the cell ended with an expression
 * @param value that expression's value
 */
public record CellResult(boolean hasValue, Object value) {

    /** A cell that ended with a statement, declaration or magic without a value. */
    public static final CellResult NONE = new CellResult(false, null);

    /**
     * @param value the value of the last expression
     * @return a result carrying it
     */
    public static CellResult of(Object value) {
        return new CellResult(true, value);
    }
}
