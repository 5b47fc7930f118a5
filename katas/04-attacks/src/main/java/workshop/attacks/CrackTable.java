package workshop.attacks;

import java.util.List;

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
        throw new UnsupportedOperationException("A3 · the time-to-crack table — see notebooks/04-attacks.ipynb, A3");
    }
}
