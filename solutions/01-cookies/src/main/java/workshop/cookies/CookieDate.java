package workshop.cookies;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cookie-date algorithm of RFC 6265 section 5.1.1: the forgiving way a browser reads {@code Expires},
 * which accepts the old formats servers still send.
 */
public final class CookieDate {

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private CookieDate() {
    }

    /**
     * C3 · the instant a cookie date names, or empty if it is not a valid cookie date (then the browser
     * ignores the {@code Expires} attribute). Accepts e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT},
     * {@code Sunday, 06-Nov-94 08:49:37 GMT} and {@code Sun Nov  6 08:49:37 1994}; two-digit years
     * 70–99 mean 19xx and 0–69 mean 20xx.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int[] time = null;
        Integer day = null;
        Integer month = null;
        Integer year = null;
        for (String token : tokens(text)) {
            int[] hms;
            Integer n;
            if (time == null && (hms = time(token)) != null) {
                time = hms;
            } else if (day == null && (n = digits(token, 1, 2)) != null) {
                day = n;
            } else if (month == null && month(token) >= 0) {
                month = month(token) + 1;
            } else if (year == null && (n = digits(token, 2, 4)) != null) {
                year = n;
            }
        }
        if (time == null || day == null || month == null || year == null) {
            return Optional.empty();
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, time[0], time[1], time[2]).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty(); // e.g. 31 Feb: "the date does not exist", so the attribute is ignored
        }
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40)
                || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (isDelimiter(c)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** {@code min..max} digits, optionally followed by a non-digit and anything: e.g. "06" or "1994x". */
    private static Integer digits(String token, int min, int max) {
        int n = leadingDigits(token, 0);
        if (n < min || n > max) {
            return null;
        }
        return Integer.parseInt(token.substring(0, n));
    }

    private static int leadingDigits(String s, int from) {
        int i = from;
        while (i < s.length() && Ascii.isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** hms-time = time-field ":" time-field ":" time-field, each 1–2 digits, then optionally a non-digit and anything. */
    private static int[] time(String token) {
        int[] hms = new int[3];
        int pos = 0;
        for (int field = 0; field < 3; field++) {
            int n = leadingDigits(token, pos);
            if (n < 1 || n > 2) {
                return null;
            }
            hms[field] = Integer.parseInt(token.substring(pos, pos + n));
            pos += n;
            if (field < 2) {
                if (pos >= token.length() || token.charAt(pos) != ':') {
                    return null;
                }
                pos++;
            }
        }
        return hms;
    }

    private static int month(String token) {
        return token.length() < 3 ? -1 : MONTHS.indexOf(Ascii.toLowerCase(token.substring(0, 3)));
    }
}
