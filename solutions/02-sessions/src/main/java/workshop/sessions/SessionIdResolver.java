package workshop.sessions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the session ID a request carries: in the {@code __Host-SESSION} cookie and nowhere else. */
public final class SessionIdResolver {

    // 22 characters = 128 bits; 86 = 512 bits. Anything else was not issued by us.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,86}");

    private SessionIdResolver() {
    }

    /**
     * S8 · the session ID of a request, or empty. The URL is never read (no {@code ;jsessionid=}, no
     * {@code ?sid=}): IDs in URLs leak through Referer, logs and shared links.
     *
     * @param uri           the request's URI (deliberately ignored)
     * @param cookieHeaders every {@code Cookie} header of the request
     */
    public static Optional<String> resolve(URI uri, List<String> cookieHeaders) {
        List<String> found = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(SessionCookies.NAME)) {
                    found.add(pair.substring(eq + 1).strip());
                }
            }
        }
        // Kit policy: two session cookies, trust neither. A browser cannot hold two __Host- cookies of one
        // name (host-only, Path=/); two mean a non-browser client or one smuggled in under another name.
        if (found.size() != 1 || !WELL_FORMED.matcher(found.get(0)).matches()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }
}
