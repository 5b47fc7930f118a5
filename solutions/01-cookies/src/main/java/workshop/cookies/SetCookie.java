package workshop.cookies;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code Set-Cookie} header: the cookie's name and value and its attributes in the order
 * the server sent them (unknown ones included; the jar simply never asks for them).
 */
public record SetCookie(String name, String value, List<CookieAttribute> attributes) {

    /** RFC 6265bis: no cookie lives longer than 400 days, whatever the server asks for. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(400);

    public SetCookie {
        attributes = List.copyOf(attributes);
    }

    /**
     * C2 · the value of the attribute called {@code attributeName}, compared case-insensitively; when the
     * server sent it more than once, the last one wins. Flags such as {@code Secure} have the value {@code ""}.
     */
    public Optional<String> attribute(String attributeName) {
        Optional<String> found = Optional.empty();
        for (CookieAttribute a : attributes) {
            if (Ascii.equalsIgnoreCase(a.name(), attributeName)) {
                found = Optional.of(a.value());
            }
        }
        return found;
    }

    /** Whether the header carries the {@code Secure} flag. */
    public boolean secure() {
        return attribute("Secure").isPresent();
    }

    /** Whether the header carries the {@code HttpOnly} flag. */
    public boolean httpOnly() {
        return attribute("HttpOnly").isPresent();
    }

    /**
     * C4 · when the cookie expires if it was received at {@code now}; empty for a session cookie.
     * {@code Max-Age} wins over {@code Expires}; {@code Max-Age} ≤ 0 gives a time that has already
     * passed (delete at once); an unparsable attribute is ignored, so an earlier readable one of
     * the same name applies; the lifetime is capped at 400 days.
     */
    public Optional<Instant> expiryTime(Instant now) {
        // RFC 6265 5.2.1/5.2.2: an unreadable Expires or Max-Age is ignored, so the last READABLE one counts
        Optional<Instant> maxAge = Optional.empty();
        Optional<Instant> expires = Optional.empty();
        for (CookieAttribute a : attributes) {
            if (Ascii.equalsIgnoreCase(a.name(), "Max-Age")) {
                Optional<Instant> read = maxAge(a.value(), now);
                maxAge = read.isPresent() ? read : maxAge;
            } else if (Ascii.equalsIgnoreCase(a.name(), "Expires")) {
                Optional<Instant> read = CookieDate.parse(a.value());
                expires = read.isPresent() ? read : expires;
            }
        }
        Optional<Instant> expiry = maxAge.isPresent() ? maxAge : expires;
        Instant cap = now.plus(MAX_LIFETIME);
        return expiry.map(e -> e.isAfter(cap) ? cap : e);
    }

    private static Optional<Instant> maxAge(String text, Instant now) {
        // RFC 6265 5.2.2: a leading '-' or a digit, then digits only; anything else ignores the attribute.
        if (text.isEmpty() || !(text.charAt(0) == '-' || Ascii.isDigit(text.charAt(0)))) {
            return Optional.empty();
        }
        String digits = text.charAt(0) == '-' ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Ascii.isDigit((char) c))) {
            return Optional.empty();
        }
        if (text.charAt(0) == '-' || digits.chars().allMatch(c -> c == '0')) {
            return Optional.of(Instant.EPOCH); // "the earliest representable time": expired at once
        }
        // More digits than a long holds is still just "very long": the 400-day cap applies.
        long seconds = digits.length() > 12 ? MAX_LIFETIME.toSeconds() + 1 : Long.parseLong(digits);
        return Optional.of(now.plusSeconds(seconds));
    }
}
