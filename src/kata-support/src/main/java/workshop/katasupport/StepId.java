package workshop.katasupport;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A step ID such as {@code C3}: one letter for the module, a number for the step. */
public record StepId(String value) {

    private static final Pattern IN_DISPLAY_NAME = Pattern.compile("^\\s*([A-Z][0-9]+)\\s*·");

    /** The step ID a display name starts with, e.g. {@code "C3 · domain matching"} gives {@code C3}. */
    public static Optional<StepId> ofDisplayName(String displayName) {
        Matcher m = IN_DISPLAY_NAME.matcher(displayName == null ? "" : displayName);
        return m.find() ? Optional.of(new StepId(m.group(1))) : Optional.empty();
    }

    /** The module letter, e.g. {@code C}. */
    public String module() {
        return value.substring(0, 1);
    }

    /** The step number, e.g. 3 for {@code C3}. */
    public int number() {
        return Integer.parseInt(value.substring(1));
    }

    /**
     * Whether this step is selected by a filter such as {@code C} (the whole module), {@code C3}
     * or {@code C3,C4}. A blank filter selects everything.
     */
    public boolean isSelectedBy(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        for (String part : filter.split("[,\\s]+")) {
            String wanted = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (wanted.equals(value) || wanted.equals(module())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
