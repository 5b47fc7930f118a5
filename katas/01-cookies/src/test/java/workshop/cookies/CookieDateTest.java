package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Order(2)
@DisplayName("Cookie dates")
class CookieDateTest {

    @ParameterizedTest(name = "\"{0}\"")
    @Order(1)
    @DisplayName("C3 · the date formats servers send all mean 1994-11-06T08:49:37Z")
    @ValueSource(strings = {
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "6 nov 1994 08:49:37",
            "1994 Nov 06 08:49:37 GMT"})
    void acceptedFormats(String date) {
        assertThat(CookieDate.parse(date))
                .as("RFC 6265 5.1.1 reads tokens, not a fixed layout: the first hh:mm:ss is the time, the first 1–2 digit number"
                        + " the day, the first month name the month, the first 2–4 digit number the year; weekday and zone are ignored")
                .contains(Instant.parse("1994-11-06T08:49:37Z"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @Order(2)
    @DisplayName("C3 · two-digit years: 70–99 mean 19xx, 0–69 mean 20xx")
    @CsvSource(delimiter = '|', value = {
            "Thu, 01-Jan-70 00:00:00 GMT | 1970-01-01T00:00:00Z",
            "Fri, 31-Dec-99 23:59:59 GMT | 1999-12-31T23:59:59Z",
            "Sat, 01-Jan-00 00:00:00 GMT | 2000-01-01T00:00:00Z",
            "Sun, 01-Jan-69 12:00:00 GMT | 2069-01-01T12:00:00Z"})
    void twoDigitYears(String date, Instant expected) {
        assertThat(CookieDate.parse(date))
                .as("RFC 6265 5.1.1 step 3–4: a year 70–99 gets 1900 added, a year 0–69 gets 2000 added").contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @Order(3)
    @DisplayName("C3 · an invalid date gives no date (the Expires attribute is ignored)")
    @ValueSource(strings = {
            "tomorrow",
            "",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1600 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Tue, 31 Feb 2026 10:00:00 GMT"})
    void invalidDates(String date) {
        assertThat(CookieDate.parse(date))
                .as("RFC 6265 5.1.1 step 5: fail if a part is missing, the day is not 1–31, the year is before 1601, the time is"
                        + " out of range, or the date does not exist — a failed date means the Expires attribute is ignored")
                .isEmpty();
    }
}
