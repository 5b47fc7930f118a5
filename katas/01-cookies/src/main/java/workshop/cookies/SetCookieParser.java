package workshop.cookies;

import java.util.Optional;

/** Reads one {@code Set-Cookie} header value the way a browser does (RFC 6265 section 5.2, 6265bis 5.6). */
public final class SetCookieParser {

    /** 6265bis: name + value may use at most 4096 bytes together. */
    public static final int MAX_NAME_AND_VALUE_BYTES = 4096;
    /** 6265bis: one attribute value may use at most 1024 bytes. */
    public static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    private SetCookieParser() {
    }

    /**
     * C1 · the cookie's name, value and attributes, or empty if the browser must ignore the whole header.
     * The name=value pair ends at the first {@code ;}; names and values are trimmed of spaces and tabs.
     * As in 6265bis and current browsers, a pair without {@code =} is a nameless cookie (empty name, the
     * whole pair as its value), and so is {@code =value}; a pair whose name and value are both empty is
     * ignored. C2 · an empty {@code Domain=} is not kept (RFC 6265 5.2.3), so an earlier Domain applies.
     * C14 · a name + value over 4096 bytes ignores the header, an attribute value over 1024 bytes
     * ignores that attribute.
     */
    public static Optional<SetCookie> parse(String header) {
        throw new UnsupportedOperationException("C1 · parse a Set-Cookie header — see notebooks/01-cookies.ipynb, C1");
    }
}
