package workshop.kernel;

import java.util.Locale;

/**
 * How cell source reaches JShell, chosen with {@code WORKSHOP_KERNEL_MODE}.
 *
 * <p>{@link #KIT} strips each snippet: a snippet handed to JShell with leading whitespace can make
 * JShell recompile earlier snippets, and with in-process execution their variables restart as
 * {@code null}/{@code 0}. {@link #IJAVA} hands JShell every snippet exactly as IJava 1.3 does
 * (its {@code CodeEvaluator}: {@code analyzeCompletion} source, unstripped; a magic line is a
 * statement, so the code after it starts with that line's newline), so a notebook that loses its
 * variables on a user's own IJava loses them here too.
 */
public enum EvaluationMode {
    /** The kit's own evaluation: snippets stripped, variables never reset by layout. */
    KIT,
    /** IJava 1.3's evaluation: snippets unstripped, as {@code CodeEvaluator.eval} passes them. */
    IJAVA;

    /** The environment variable that selects the mode ({@code kit}, the default, or {@code ijava}). */
    public static final String ENV = "WORKSHOP_KERNEL_MODE";

    /**
     * @param text the value of {@code WORKSHOP_KERNEL_MODE}, may be {@code null}
     * @return the mode it names; {@link #KIT} when unset or blank
     * @throws IllegalArgumentException when the value names no mode
     */
    public static EvaluationMode parse(String text) {
        if (text == null || text.isBlank()) {
            return KIT;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "='" + text + "' is not a kernel mode; use 'kit' (the"
                    + " default) or 'ijava' (hand JShell each snippet unstripped, exactly as IJava 1.3 does).", e);
        }
    }
}
