package workshop.simulator.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A cookie as the browser stored it (CDP's {@code Storage.getCookies}).
 *
 * @param domain   the host for a host-only cookie ({@code 127.0.0.1}); a leading dot means a Domain cookie
 * @param expires  when a persistent cookie expires; empty for a session cookie
 * @param sameSite {@code Strict}, {@code Lax} or {@code None} as the server set it; empty when the {@code Set-Cookie}
 *                 line had no SameSite (Chromium then treats it as Lax, see {@link HeadlessBrowser})
 * @param session  true when the cookie goes when the browser closes (no Expires, no Max-Age)
 */
public record BrowserCookie(String name, String value, String domain, String path, Optional<Instant> expires,
                            boolean httpOnly, boolean secure, Optional<String> sameSite, boolean session) {

    static BrowserCookie fromCdp(JsonNode c) {
        boolean session = c.path("session").asBoolean(false);
        double expires = c.path("expires").asDouble(-1);
        Optional<Instant> expiry = session || expires < 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Math.round(expires * 1000)));
        return new BrowserCookie(c.path("name").asText(), c.path("value").asText(), c.path("domain").asText(),
                c.path("path").asText(), expiry, c.path("httpOnly").asBoolean(false), c.path("secure").asBoolean(false),
                c.hasNonNull("sameSite") ? Optional.of(c.get("sameSite").asText()) : Optional.empty(), session);
    }

    /** The cookie in the style of a {@code Set-Cookie} line, e.g. {@code lax=1; Domain=127.0.0.1 (host-only); Path=/; SameSite=Lax}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name).append('=').append(value)
                .append("; Domain=").append(domain).append(domain.startsWith(".") ? "" : " (host-only)")
                .append("; Path=").append(path);
        expires.ifPresentOrElse(e -> out.append("; Expires=").append(e), () -> out.append("; (session)"));
        if (secure) {
            out.append("; Secure");
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        out.append("; SameSite=").append(sameSite.orElse("(unspecified)"));
        return out.toString();
    }
}
