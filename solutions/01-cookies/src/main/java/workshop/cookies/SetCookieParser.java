package workshop.cookies;

import java.util.Optional;

/** Reads one {@code Set-Cookie} header value the way a browser does (RFC 6265 section 5.2). */
public final class SetCookieParser {

    /** C1 · the cookie's name and value, or empty if the header must be ignored. */
    public static Optional<SetCookie> parse(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String name = pair.substring(0, eq).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(new SetCookie(name, pair.substring(eq + 1).strip()));
    }
}
