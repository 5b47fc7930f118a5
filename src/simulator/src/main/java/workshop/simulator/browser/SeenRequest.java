package workshop.simulator.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request the page made, as the browser sent it: the headers are the ones that went on the wire (CDP's
 * {@code Network.requestWillBeSentExtraInfo}), so {@code Cookie}, {@code Origin} and {@code Sec-Fetch-Site} are
 * the real ones, not what a script asked for.
 *
 * @param type             what asked for it: {@code Document} (a top-level navigation), {@code Image}, {@code Fetch}, ...
 * @param headers          the request headers as sent, looked up by case-insensitive name
 * @param sentHeadersKnown false when the browser reported no wire-level headers (the request failed before it was
 *                         sent): then {@code headers} are only the page's own and say nothing about cookies
 * @param notSent          cookies the browser holds for this URL but did not send, each with Chromium's reasons
 *                         (e.g. {@code SameSiteLax}, {@code SameSiteStrict}, {@code SameSiteUnspecifiedTreatedAsLax})
 * @param notStored        {@code Set-Cookie} lines of the answer that the browser refused to store, with its reasons
 * @param status           the HTTP status of the answer, 0 if none arrived
 * @param failure          the network error, e.g. {@code net::ERR_NAME_NOT_RESOLVED}, if the request failed
 */
public record SeenRequest(URI url, String method, String type, Map<String, String> headers, boolean sentHeadersKnown,
                          List<BlockedCookie> notSent, List<BlockedCookie> notStored, int status,
                          Optional<String> failure) {

    /**
     * A cookie the browser did not send (by name) or did not store (its {@code Set-Cookie} line), and Chromium's
     * reasons ({@code CookieBlockedReason} and {@code SetCookieBlockedReason} in the DevTools protocol).
     */
    public record BlockedCookie(String cookie, List<String> reasons) {
        public BlockedCookie {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String toString() {
            return cookie + " " + reasons;
        }
    }

    public SeenRequest {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = Collections.unmodifiableMap(byName);
        notSent = List.copyOf(notSent);
        notStored = List.copyOf(notStored);
    }

    /** A request header as sent, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The {@code Cookie} header the browser sent; empty when it sent none. */
    public Optional<String> cookieHeader() {
        return header("Cookie");
    }

    /** The names of the cookies sent, in the order of the {@code Cookie} header. */
    public List<String> sentCookieNames() {
        List<String> names = new ArrayList<>();
        cookieHeader().ifPresent(h -> {
            for (String pair : h.split(";")) {
                String p = pair.strip();
                if (!p.isEmpty()) {
                    int eq = p.indexOf('=');
                    names.add(eq < 0 ? "" : p.substring(0, eq)); // RFC 6265bis: "foo" alone is a nameless cookie
                }
            }
        });
        return names;
    }

    /** Whether the {@code Cookie} header carried a cookie of that name. */
    public boolean sent(String cookieName) {
        return sentCookieNames().contains(cookieName);
    }

    /** Chromium's reasons for not sending that cookie with this request; empty if it was sent (or is unknown here). */
    public List<String> whyNotSent(String cookieName) {
        return notSent.stream().filter(c -> c.cookie().equals(cookieName)).findFirst()
                .map(BlockedCookie::reasons).orElse(List.of());
    }

    /** One line, e.g. {@code POST http://127.0.0.1:40123/transfer (Document) → 200 Cookie: a=1 — not sent: b [SameSiteLax]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(method).append(' ').append(url).append(" (").append(type).append(')');
        if (status > 0) {
            out.append(" → ").append(status);
        }
        failure.ifPresent(f -> out.append(" failed: ").append(f));
        out.append(sentHeadersKnown ? cookieHeader().map(c -> " Cookie: " + c).orElse(" (no Cookie header)")
                : " (headers as sent unknown)");
        if (!notSent.isEmpty()) {
            out.append(" — not sent: ").append(notSent.stream().map(BlockedCookie::toString).collect(Collectors.joining(", ")));
        }
        if (!notStored.isEmpty()) {
            out.append(" — not stored: ").append(notStored.stream().map(BlockedCookie::toString).collect(Collectors.joining(", ")));
        }
        return out.toString();
    }
}
