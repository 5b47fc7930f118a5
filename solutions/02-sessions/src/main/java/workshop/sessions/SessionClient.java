package workshop.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A client of the session site that handles its session cookie itself: it keeps the
 * {@code __Host-SESSION} value from {@code Set-Cookie}, sends it back in {@code Cookie}, and
 * forgets it when the server deletes it.
 */
public final class SessionClient {

    private final URI baseUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String sessionId;

    public SessionClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** S11 · {@code POST /login} with a form; keeps the session cookie the server sets. */
    public HttpResponse<String> login(String user, String password) {
        return post("/login", "username=" + form(user) + "&password=" + form(password));
    }

    /** S11 · {@code GET /me}: who the server thinks we are. */
    public HttpResponse<String> me() {
        return send(HttpRequest.newBuilder(baseUri.resolve("/me")).GET());
    }

    /** S11 · {@code POST /cart} with {@code item=...}. */
    public HttpResponse<String> addToCart(String item) {
        return post("/cart", "item=" + form(item));
    }

    /** S11 · {@code GET /cart}: one item per line. */
    public HttpResponse<String> cart() {
        return send(HttpRequest.newBuilder(baseUri.resolve("/cart")).GET());
    }

    /** S11 · {@code POST /logout}; the server deletes the cookie, and so do we. */
    public HttpResponse<String> logout() {
        return post("/logout", "");
    }

    /** S11 · the session ID we currently hold, if any. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String id = sessionId;
        if (id != null) {
            // java.net.CookieManager would not send a Secure cookie over plain http://127.0.0.1, so we do it.
            request.header("Cookie", SessionCookies.NAME + "=" + id);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                remember(setCookie);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("The session site at " + baseUri + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + baseUri, e);
        }
    }

    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq < 0 || !parts[0].substring(0, eq).strip().equals(SessionCookies.NAME)) {
            return;
        }
        String value = parts[0].substring(eq + 1).strip();
        Boolean maxAgeDeletes = null;
        boolean expiresInPast = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (lower.startsWith("max-age=")) {
                // Max-Age=0 (or negative): delete now (RFC 6265bis 5.6.2)
                maxAgeDeletes = !lower.substring(8).strip().matches("[1-9][0-9]*");
            } else if (lower.startsWith("expires=")) {
                expiresInPast = isPast(attribute.substring(8).strip());
            }
        }
        // Max-Age wins over Expires when both are present (RFC 6265bis 5.7). An empty value alone does
        // not delete a cookie (RFC 6265 5.3), but it is no ID either: nothing to send back.
        boolean deleted = value.isEmpty() || (maxAgeDeletes != null ? maxAgeDeletes : expiresInPast);
        sessionId = deleted ? null : value;
    }

    /** Expires in the past (e.g. {@code Thu, 01 Jan 1970 00:00:00 GMT}) deletes the cookie; an unreadable date is ignored. */
    private static boolean isPast(String date) {
        try {
            return !ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isAfter(Instant.now());
        } catch (DateTimeParseException e) {
            return false;   // RFC 6265bis 5.6.1: a date that does not parse is ignored, not treated as "now"
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
