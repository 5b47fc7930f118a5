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
        throw new UnsupportedOperationException("C2 · attributes — see notebooks/01-cookies.ipynb, C2");
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
        throw new UnsupportedOperationException("C4 · lifetime — see notebooks/01-cookies.ipynb, C4");
    }
}
