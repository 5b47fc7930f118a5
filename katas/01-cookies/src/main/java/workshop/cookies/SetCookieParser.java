package workshop.cookies;

import java.util.Optional;

/** Reads one {@code Set-Cookie} header value the way a browser does (RFC 6265 section 5.2). */
public final class SetCookieParser {

    /** C1 · the cookie's name and value, or empty if the header must be ignored. */
    public static Optional<SetCookie> parse(String header) {
        throw new UnsupportedOperationException("C1 · parse name=value — see notebooks/01-cookies.ipynb, C1");
    }
}
