package workshop.cookies;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A browser's cookie store (RFC 6265 sections 5.3 and 5.4, 6265bis): it decides which {@code Set-Cookie}
 * headers to keep and which cookies go with each request. Time comes from the injected clock.
 */
public final class CookieJar {

    private final Clock clock;
    private final List<Cookie> store = new ArrayList<>();

    /** An empty jar that reads the time from {@code clock}. */
    public CookieJar(Clock clock) {
        this.clock = clock;
    }

    /** Every cookie in the jar that has not expired, oldest first. */
    public synchronized List<Cookie> cookies() {
        Instant now = clock.instant();
        return store.stream().filter(c -> !c.isExpiredAt(now)).sorted(Comparator.comparing(Cookie::creation)).toList();
    }

    /**
     * C9 · stores (or ignores) a {@code Set-Cookie} header received in the response to {@code requestUri}.
     * Returns the cookie now in the jar, or empty when the header was ignored or deleted a cookie.
     */
    public synchronized Optional<Cookie> setCookie(URI requestUri, String setCookieHeader) {
        throw new UnsupportedOperationException("C9 · storing cookies — see notebooks/01-cookies.ipynb, C9");
    }

    /**
     * C10 · the {@code Cookie} header value for a request to {@code uri} in {@code context}, or empty when
     * no cookie goes: domain and path match, not expired, {@code Secure} only to a secure context;
     * longer paths first, then older first, joined by {@code "; "}. C12 · cross-site requests follow SameSite.
     */
    public synchronized Optional<String> cookieHeader(URI uri, RequestContext context) {
        throw new UnsupportedOperationException("C10 · sending cookies — see notebooks/01-cookies.ipynb, C10");
    }

    /** The {@code Cookie} header for a same-site request to {@code uri} (the user typed it or followed a link on the site). */
    public Optional<String> cookieHeader(URI uri) {
        return cookieHeader(uri, RequestContext.sameSite());
    }

    /**
     * C10 · whether requests to {@code uri} count as secure: https (or wss), or a loopback host
     * ({@code localhost}, 127.0.0.0/8, {@code ::1}), which browsers treat as potentially trustworthy.
     */
    public static boolean isSecureContext(URI uri) {
        throw new UnsupportedOperationException("C10 · sending cookies — see notebooks/01-cookies.ipynb, C10");
    }

    /**
     * C11 · what a script on the page at {@code uri} reads from {@code document.cookie}: the cookies a
     * same-site request would carry, without the {@code HttpOnly} ones; {@code ""} when there are none.
     */
    public synchronized String documentCookie(URI uri) {
        throw new UnsupportedOperationException("C11 · HttpOnly — see notebooks/01-cookies.ipynb, C11");
    }

    /** C15 · the browser closes and opens again: session cookies are gone, unexpired persistent ones stay. */
    public synchronized void restart() {
        throw new UnsupportedOperationException("C15 · restart — see notebooks/01-cookies.ipynb, C15");
    }

    /** C15 · writes the unexpired persistent cookies to {@code file} (session cookies are never written). */
    public synchronized void save(Path file) {
        throw new UnsupportedOperationException("C15 · save and load — see notebooks/01-cookies.ipynb, C15");
    }

    /** C15 · a jar with the cookies {@link #save(Path) saved} in {@code file}, minus those expired by now. */
    public static CookieJar load(Path file, Clock clock) {
        throw new UnsupportedOperationException("C15 · save and load — see notebooks/01-cookies.ipynb, C15");
    }
}
