package workshop.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A client for the shop cluster that keeps cookies like a browser on {@code http://127.0.0.1} (which browsers treat as
 * a secure context, so {@code Secure} and {@code __Host-} cookies are kept and sent). One per simulated user.
 */
public final class ShopClient {

    /** One answer: status, body, and the instance that served it (0 if the balancer answered itself). */
    public record Answer(int status, String body, int servedBy, HttpHeaders headers) {
        @Override
        public String toString() {
            return status + " from " + (servedBy == 0 ? "the balancer" : "instance " + servedBy) + ": " + body.strip();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public ShopClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    /** {@code POST /login} with the form fields; the session cookie is kept. */
    public Answer login(String user, String password) {
        return post("/login", "username=" + encode(user) + "&password=" + encode(password));
    }

    public Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** A POST with a form body, e.g. {@code post("/cart", "item=tea")}. */
    public Answer post(String path, String form) {
        return send("POST", path, form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** {@code GET path} with {@code Authorization: Bearer token}. */
    public Answer getWithToken(String path, String token) {
        return send("GET", path, null, Map.of("Authorization", "Bearer " + token));
    }

    /** Any request; cookies from the jar are added, {@code Set-Cookie} answers update it. */
    public Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                StringJoiner header = new StringJoiner("; ");
                cookies.forEach((k, v) -> header.add(k + "=" + v));
                b.header("Cookie", header.toString());
            }
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").forEach(this::remember);
            int servedBy = r.headers().firstValue("X-Served-By").filter(v -> v.startsWith("instance-"))
                    .map(v -> Integer.parseInt(v.substring("instance-".length()))).orElse(0);
            return new Answer(r.statusCode(), r.body(), servedBy, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A cookie the client holds, e.g. {@code cookie("__Host-SESSION")}. */
    public Optional<String> cookie(String name) {
        synchronized (cookies) {
            return Optional.ofNullable(cookies.get(name));
        }
    }

    /** Sets or replaces a cookie by hand (e.g. to replay a stolen session ID). */
    public void setCookie(String name, String value) {
        synchronized (cookies) {
            cookies.put(name, value);
        }
    }

    /** Drops a cookie (e.g. the balancer's affinity cookie). */
    public void forget(String name) {
        synchronized (cookies) {
            cookies.remove(name);
        }
    }

    private void remember(String setCookie) {
        String first = setCookie.split(";", 2)[0];
        int eq = first.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = first.substring(0, eq).strip();
        String value = first.substring(eq + 1).strip();
        boolean delete = value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*max-age=(0|-[0-9]+)\\s*(;.*)?");
        synchronized (cookies) {
            if (delete) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
