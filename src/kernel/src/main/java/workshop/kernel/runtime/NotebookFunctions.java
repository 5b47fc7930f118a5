package workshop.kernel.runtime;

import java.util.UUID;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The helpers every cell can call without an import, compatible with IJava's:
 * {@code display}, {@code render}, {@code updateDisplay}, {@code printf} and {@code eval}.
 */
public final class NotebookFunctions {

    private static volatile NotebookBridge bridge;

    private NotebookFunctions() {
    }

    /**
     * Connects the helpers to a kernel.
     *
     * @param kernel the running kernel
     */
    public static void install(NotebookBridge kernel) {
        bridge = kernel;
    }

    private static NotebookBridge bridge() {
        NotebookBridge current = bridge;
        if (current == null) {
            throw new IllegalStateException("The notebook helpers only work inside the Java kernel.");
        }
        return current;
    }

    /**
     * Renders an object as MIME bundle, e.g. {@code render("<b>hi</b>", "text/html")}.
     *
     * @param value what to render
     * @param mimeTypes the wanted types; none means the value's preferred ones
     * @return the bundle; a cell that ends with it shows it
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData && mimeTypes.length == 0) {
            return (DisplayData) value;
        }
        return mimeTypes.length == 0
                ? bridge().renderer().render(value)
                : bridge().renderer().renderAs(value, mimeTypes);
    }

    /**
     * Shows an object below the cell now, even in the middle of the cell.
     *
     * @param value what to show
     * @param mimeTypes the wanted types; none means the value's preferred ones
     * @return the display id, for {@link #updateDisplay}
     */
    public static String display(Object value, String... mimeTypes) {
        DisplayData data = new DisplayData(render(value, mimeTypes));
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        bridge().display(data);
        return data.getDisplayId();
    }

    /**
     * Replaces what an earlier {@link #display} call showed.
     *
     * @param id the id {@code display} returned
     * @param value the new content
     * @param mimeTypes the wanted types; none means the value's preferred ones
     */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        bridge().updateDisplay(id, render(value, mimeTypes));
    }

    /**
     * {@code System.out.printf} without the prefix.
     *
     * @param format a {@link java.util.Formatter} format
     * @param args its arguments
     */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * Evaluates more cell source, magics included, as if it were a cell.
     *
     * @param code the source
     * @return the value of its last expression, or {@code null}
     * @throws Exception when the code fails
     */
    public static Object eval(String code) throws Exception {
        return bridge().evalCell(code);
    }
}
