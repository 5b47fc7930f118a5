package workshop.cookies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's cookie store (RFC 6265 sections 5.3 and 5.4, 6265bis): it decides which {@code Set-Cookie}
 * headers to keep and which cookies go with each request. Time comes from the injected clock.
 */
public final class CookieJar {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final String FILE_HEADER = "# cookie jar v1: name value domain hostOnly path expiry creation secure httpOnly sameSite";

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
        Optional<SetCookie> parsed = SetCookieParser.parse(setCookieHeader);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SetCookie sc = parsed.get();
        Instant now = clock.instant();
        String host = hostOf(requestUri);
        boolean secureOrigin = isSecureContext(requestUri);

        String domain = host;
        boolean hostOnly = true;
        Optional<String> domainAttribute = sc.attribute("Domain").flatMap(DomainRules::normalise);
        if (domainAttribute.isPresent() && isSingleLabel(domainAttribute.get())) {
            // 6265bis 5.7 step 9, with "one label" standing in for the Public Suffix List: Domain=com is refused;
            // Domain=localhost from localhost itself is allowed but the cookie stays host-only.
            if (!domainAttribute.get().equals(host)) {
                return Optional.empty();
            }
            domainAttribute = Optional.empty();
        }
        if (domainAttribute.isPresent()) {
            if (!DomainRules.domainMatches(host, domainAttribute.get())) {
                return Optional.empty(); // evil.example may not set cookies for bank.example
            }
            domain = domainAttribute.get();
            hostOnly = false;
        }

        String path = sc.attribute("Path").filter(p -> p.startsWith("/")).orElse(PathRules.defaultPath(pathOf(requestUri)));
        boolean secure = sc.secure();
        if (secure && !secureOrigin) {
            return Optional.empty(); // 6265bis: only a secure origin may set a Secure cookie
        }
        SameSite sameSite = sc.attribute("SameSite").map(CookieJar::sameSiteOf).orElse(SameSite.LAX);
        if (sameSite == SameSite.NONE && !secure) {
            return Optional.empty(); // 6265bis: SameSite=None without Secure is rejected
        }
        if (!prefixAllows(sc, secure, secureOrigin, !hostOnly)) {
            return Optional.empty();
        }
        if (!secure && !secureOrigin && shadowsSecureCookie(sc.name(), domain, path, now)) {
            return Optional.empty(); // 6265bis 5.7 step 16: plain http may not overwrite (or delete) a Secure cookie
        }

        Optional<Instant> expiry = sc.expiryTime(now);
        Cookie old = find(sc.name(), domain, path);
        Instant creation = old == null ? now : old.creation();
        if (old != null) {
            store.remove(old);
        }
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            return Optional.empty(); // Max-Age=0 or an Expires in the past: the cookie is deleted
        }
        Cookie cookie = new Cookie(sc.name(), sc.value(), domain, hostOnly, path, expiry, creation, secure, sc.httpOnly(), sameSite);
        store.add(cookie);
        return Optional.of(cookie);
    }

    /**
     * C10 · the {@code Cookie} header value for a request to {@code uri} in {@code context}, or empty when
     * no cookie goes: domain and path match, not expired, {@code Secure} only to a secure context;
     * longer paths first, then older first, joined by {@code "; "}. C12 · cross-site requests follow SameSite.
     */
    public synchronized Optional<String> cookieHeader(URI uri, RequestContext context) {
        String header = matching(uri, context).stream().map(Cookie::pair).collect(Collectors.joining("; "));
        return header.isEmpty() ? Optional.empty() : Optional.of(header);
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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("wss")) {
            return true;
        }
        String host = hostOf(uri);
        return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches() || host.equals("::1");
    }

    /**
     * C11 · what a script on the page at {@code uri} reads from {@code document.cookie}: the cookies a
     * same-site request would carry, without the {@code HttpOnly} ones; {@code ""} when there are none.
     */
    public synchronized String documentCookie(URI uri) {
        return matching(uri, RequestContext.sameSite()).stream()
                .filter(c -> !c.httpOnly())
                .map(Cookie::pair)
                .collect(Collectors.joining("; "));
    }

    /** C15 · the browser closes and opens again: session cookies are gone, unexpired persistent ones stay. */
    public synchronized void restart() {
        Instant now = clock.instant();
        store.removeIf(c -> !c.persistent() || c.isExpiredAt(now));
    }

    /** C15 · writes the unexpired persistent cookies to {@code file} (session cookies are never written). */
    public synchronized void save(Path file) {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        lines.add(FILE_HEADER);
        for (Cookie c : store) {
            if (c.persistent() && !c.isExpiredAt(now)) {
                lines.add(String.join("\t", enc(c.name()), enc(c.value()), enc(c.domain()), String.valueOf(c.hostOnly()),
                        enc(c.path()), c.expiry().get().toString(), c.creation().toString(),
                        String.valueOf(c.secure()), String.valueOf(c.httpOnly()), c.sameSite().name()));
            }
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the cookie jar to " + file + ": " + e.getMessage(), e);
        }
    }

    /** C15 · a jar with the cookies {@link #save(Path) saved} in {@code file}, minus those expired by now. */
    public static CookieJar load(Path file, Clock clock) {
        CookieJar jar = new CookieJar(clock);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the cookie jar from " + file + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("Not a cookie jar line (expected 10 tab-separated fields): " + line);
            }
            Cookie c = new Cookie(dec(f[0]), dec(f[1]), dec(f[2]), Boolean.parseBoolean(f[3]), dec(f[4]),
                    Optional.of(Instant.parse(f[5])), Instant.parse(f[6]), Boolean.parseBoolean(f[7]),
                    Boolean.parseBoolean(f[8]), SameSite.valueOf(f[9]));
            if (!c.isExpiredAt(clock.instant())) {
                jar.store.add(c);
            }
        }
        return jar;
    }

    private List<Cookie> matching(URI uri, RequestContext context) {
        Instant now = clock.instant();
        String host = hostOf(uri);
        String path = pathOf(uri);
        boolean secure = isSecureContext(uri);
        store.removeIf(c -> c.isExpiredAt(now));
        return store.stream()
                .filter(c -> c.hostOnly() ? host.equals(c.domain()) : DomainRules.domainMatches(host, c.domain()))
                .filter(c -> PathRules.pathMatches(path, c.path()))
                .filter(c -> !c.secure() || secure)
                .filter(c -> !context.crossSite() || c.sameSite().allowsCrossSite(context))
                .sorted(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed().thenComparing(Cookie::creation))
                .toList();
    }

    // 6265bis 5.7 step 16: an unexpired Secure cookie of the same name, whose domain domain-matches the new one's (or
    // the other way round) and whose path the new path path-matches. Not symmetric: Path=/ beside a Secure Path=/login is fine.
    private boolean shadowsSecureCookie(String name, String domain, String path, Instant now) {
        return store.stream().anyMatch(c -> c.secure() && !c.isExpiredAt(now) && c.name().equals(name)
                && (DomainRules.domainMatches(c.domain(), domain) || DomainRules.domainMatches(domain, c.domain()))
                && PathRules.pathMatches(path, c.path()));
    }

    // "com", "example", "localhost": no dot, so no registrable domain under it (IPv6 literals hold ':' and no dot too).
    private static boolean isSingleLabel(String domain) {
        return domain.indexOf('.') < 0;
    }

    // 6265bis 4.1.3: __Secure- needs Secure from a secure origin; __Host- also Path=/ and no Domain.
    private static boolean prefixAllows(SetCookie sc, boolean secure, boolean secureOrigin, boolean hasDomain) {
        if (sc.name().isEmpty() && (Ascii.startsWithIgnoreCase(sc.value(), "__Secure-")
                || Ascii.startsWithIgnoreCase(sc.value(), "__Host-"))) {
            return false; // 6265bis 5.7: "Cookie: __Host-id=1" must not be forgeable by a nameless cookie
        }
        if (Ascii.startsWithIgnoreCase(sc.name(), "__Secure-")) {
            return secure && secureOrigin;
        }
        if (Ascii.startsWithIgnoreCase(sc.name(), "__Host-")) {
            return secure && secureOrigin && !hasDomain && sc.attribute("Path").filter("/"::equals).isPresent();
        }
        return true;
    }

    private static SameSite sameSiteOf(String value) {
        if (Ascii.equalsIgnoreCase(value, "Strict")) {
            return SameSite.STRICT;
        }
        if (Ascii.equalsIgnoreCase(value, "None")) {
            return SameSite.NONE;
        }
        return SameSite.LAX; // "Lax", and unknown values: 6265bis' "Default", which this jar treats as Lax
    }

    private Cookie find(String name, String domain, String path) {
        return store.stream().filter(c -> c.name().equals(name) && c.domain().equals(domain) && c.path().equals(path))
                .findFirst().orElse(null);
    }

    static String hostOf(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return Ascii.toLowerCase(host);
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
