package workshop.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small HTTP client for attack code: loopback targets only ({@link Loopback}), no redirects, bounded waits, no
 * cookie jar (a cookie goes only where the code puts it).
 */
public final class Http {

    /** A status, a body and the cookies the answer set ({@code Set-Cookie} name → value, attributes dropped). */
    public record Answer(int status, String body, Map<String, String> setCookies) {

        /** The value of the cookie named {@code name} that this answer set, if it set one. */
        public Optional<String> cookie(String name) {
            return Optional.ofNullable(setCookies.get(name));
        }
    }

    /** Generous: the simulator may still be generating a key on a busy, slow machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** GET {@code target} (loopback only), optionally with {@code Authorization: Bearer <token>} (null: none). */
    public static Answer get(URI target, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.require(target)).timeout(TIMEOUT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** GET {@code target} (loopback only) with the header {@code Cookie: <cookies>} (e.g. {@code "sid=abc"}). */
    public static Answer getWithCookie(URI target, String cookies) {
        return send(HttpRequest.newBuilder(Loopback.require(target)).timeout(TIMEOUT).header("Cookie", cookies).GET().build());
    }

    /** POST form fields to {@code target} (loopback only). */
    public static Answer postForm(URI target, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(Loopback.require(target)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> cookies = new LinkedHashMap<>();
            for (String line : response.headers().allValues("Set-Cookie")) {
                String pair = line.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return new Answer(response.statusCode(), response.body(), Map.copyOf(cookies));
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }
}
