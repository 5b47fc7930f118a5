package workshop.cookies;

import java.time.Instant;
import java.util.Optional;

/**
 * The cookie-date algorithm of RFC 6265 section 5.1.1: the forgiving way a browser reads {@code Expires},
 * which accepts the old formats servers still send.
 */
public final class CookieDate {

    private CookieDate() {
    }

    /**
     * C3 · the instant a cookie date names, or empty if it is not a valid cookie date (then the browser
     * ignores the {@code Expires} attribute). Accepts e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT},
     * {@code Sunday, 06-Nov-94 08:49:37 GMT} and {@code Sun Nov  6 08:49:37 1994}; two-digit years
     * 70–99 mean 19xx and 0–69 mean 20xx.
     */
    public static Optional<Instant> parse(String text) {
        throw new UnsupportedOperationException("C3 · cookie dates — see notebooks/01-cookies.ipynb, C3");
    }
}
