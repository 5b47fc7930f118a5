package workshop.cookies;

import java.time.Instant;
import java.util.Optional;

/**
 * A cookie as the jar keeps it (RFC 6265 section 5.3).
 *
 * @param domain   the host that set it (host-only) or the {@code Domain} it was set for
 * @param hostOnly true when the server sent no {@code Domain}: only this exact host gets it back
 * @param expiry   when it expires; empty for a session cookie (gone when the browser closes)
 * @param creation when it was first stored; a replacement keeps the old cookie's creation time
 */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path,
                     Optional<Instant> expiry, Instant creation, boolean secure, boolean httpOnly, SameSite sameSite) {

    /** Whether it outlives the browser session. */
    public boolean persistent() {
        return expiry.isPresent();
    }

    /** Whether it has expired at {@code now} (expiry at or before now). */
    public boolean isExpiredAt(Instant now) {
        return expiry.map(e -> !e.isAfter(now)).orElse(false);
    }

    /** {@code name=value}, as in a {@code Cookie} header; a nameless cookie is its value alone (6265bis 5.8.3). */
    public String pair() {
        return name.isEmpty() ? value : name + "=" + value;
    }
}
