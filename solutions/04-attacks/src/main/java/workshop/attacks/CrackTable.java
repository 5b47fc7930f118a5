package workshop.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long a brute-force search of a random key takes at a measured rate. */
public final class CrackTable {

    /** A key size, the expected time to find such a key (half the key space), and that time in words. */
    public record Row(int bits, double expectedSeconds, String readable) {
    }

    /** The key sizes of the table. */
    public static final List<Integer> BITS = List.of(40, 64, 128, 256);

    private CrackTable() {
    }

    /**
     * A3 · one row per size in {@link #BITS}: {@code 2^(bits-1) / attemptsPerSecond} seconds, and in words with
     * one unit — seconds, minutes, hours, days or years (365.25 days) — e.g. "6.4 days", "2.9e+25 years".
     */
    public static List<Row> rows(double attemptsPerSecond) {
        List<Row> rows = new ArrayList<>();
        for (int bits : BITS) {
            double seconds = Math.pow(2, bits - 1) / attemptsPerSecond; // on average, half the keys are tried
            rows.add(new Row(bits, seconds, readable(seconds)));
        }
        return rows;
    }

    private static String readable(double seconds) {
        double[] sizes = {1, 60, 3600, 86_400, 365.25 * 86_400};
        String[] units = {"seconds", "minutes", "hours", "days", "years"};
        int unit = 0;
        while (unit + 1 < sizes.length && seconds >= sizes[unit + 1]) {
            unit++;
        }
        double value = seconds / sizes[unit];
        String number = value < 1e6 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.1e", value);
        return number + " " + units[unit];
    }
}
