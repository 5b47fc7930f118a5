package workshop.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(3)
@DisplayName("Session and persistent cookies")
class LifetimeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

    private static SetCookie parsed(String header) {
        return SetCookieParser.parse(header).orElseThrow(() -> new AssertionError("C1 first: could not parse " + header));
    }

    @Test
    @Order(1)
    @DisplayName("C4 · without Expires and Max-Age it is a session cookie (no expiry)")
    void sessionCookie() {
        assertThat(parsed("SID=abc; Path=/; HttpOnly").expiryTime(NOW))
                .as("RFC 6265 5.3 step 3: no Max-Age and no Expires → not persistent; it lives until the browser closes").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("C4 · Max-Age counts seconds from the moment the cookie is received")
    void maxAgeIsRelative() {
        assertThat(parsed("theme=dark; Max-Age=3600").expiryTime(NOW))
                .as("RFC 6265 5.2.2: expiry = the time the header was received + Max-Age seconds").contains(NOW.plusSeconds(3600));
    }

    @Test
    @Order(3)
    @DisplayName("C4 · Max-Age wins over Expires, whatever their order")
    void maxAgeWinsOverExpires() {
        String expires = "Expires=Thu, 01 Jan 2026 20:00:00 GMT";
        assertThat(parsed("a=1; Max-Age=60; " + expires).expiryTime(NOW))
                .as("RFC 6265 5.3 step 3: if the cookie has Max-Age, it is used and Expires is ignored").contains(NOW.plusSeconds(60));
        assertThat(parsed("a=1; " + expires + "; Max-Age=60").expiryTime(NOW))
                .as("Max-Age wins even when Expires comes last").contains(NOW.plusSeconds(60));
        assertThat(parsed("a=1; " + expires).expiryTime(NOW))
                .as("without Max-Age, Expires (read with CookieDate, C3) sets the expiry").contains(Instant.parse("2026-01-01T20:00:00Z"));
    }

    @Test
    @Order(4)
    @DisplayName("C4 · Max-Age of zero or less expires the cookie at once")
    void maxAgeZeroOrLessDeletes() {
        for (String maxAge : new String[] {"0", "-1", "-3600"}) {
            assertThat(parsed("theme=; Max-Age=" + maxAge).expiryTime(NOW))
                    .as("RFC 6265 5.2.2: Max-Age=%s ≤ 0 → expiry is the earliest representable time, so the cookie is deleted"
                            + " (expiry must be present and not after now)", maxAge)
                    .hasValueSatisfying(expiry -> assertThat(expiry).isBeforeOrEqualTo(NOW));
        }
    }

    @Test
    @Order(5)
    @DisplayName("C4 · no cookie lives longer than 400 days")
    void lifetimeIsCappedAt400Days() {
        Instant cap = NOW.plus(Duration.ofDays(400));
        assertThat(parsed("a=1; Max-Age=315360000").expiryTime(NOW))
                .as("RFC 6265bis 5.6.2: a Max-Age of ten years is cut to 400 days").contains(cap);
        assertThat(parsed("a=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT").expiryTime(NOW))
                .as("RFC 6265bis 5.6.1: an Expires far in the future is cut to now + 400 days too").contains(cap);
    }

    @Test
    @Order(6)
    @DisplayName("C4 · an unreadable Max-Age or Expires is ignored")
    void invalidValuesAreIgnored() {
        assertThat(parsed("a=1; Max-Age=1e3").expiryTime(NOW))
                .as("RFC 6265 5.2.2: Max-Age must be digits (optionally after '-'); '1e3' is ignored → a session cookie").isEmpty();
        assertThat(parsed("a=1; Expires=tomorrow").expiryTime(NOW))
                .as("an Expires that is no cookie date is ignored → a session cookie").isEmpty();
        assertThat(parsed("a=1; Max-Age=+60; Expires=Thu, 01 Jan 2026 10:00:00 GMT").expiryTime(NOW))
                .as("'+60' is not a valid Max-Age, so it is ignored and the (valid) Expires counts")
                .contains(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(parsed("a=1; Max-Age=60; Max-Age=soon").expiryTime(NOW))
                .as("an ignored attribute never enters the attribute list, so 'the last Max-Age' is the last READABLE one:"
                        + " Max-Age=60 still counts").contains(NOW.plusSeconds(60));
    }
}
