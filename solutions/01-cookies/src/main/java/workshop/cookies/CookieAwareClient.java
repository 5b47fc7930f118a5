package workshop.cookies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A tiny browser: a {@code java.net.http} client that sends the jar's cookies with every request and
 * stores every {@code Set-Cookie} it receives. Every request counts as a same-site navigation.
 */
public final class CookieAwareClient {

    private final CookieJar jar;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A client that keeps its cookies in {@code jar}. */
    public CookieAwareClient(CookieJar jar) {
        this.jar = jar;
    }

    /** The jar this client reads and fills. */
    public CookieJar jar() {
        return jar;
    }

    /** GET {@code uri}, with cookies. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /**
     * C19 · sends {@code request} with a {@code Cookie} header from the jar (when any cookie matches) and
     * stores every {@code Set-Cookie} header of the response in the jar.
     */
    public HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Cookie"));
        jar.cookieHeader(request.uri()).ifPresent(header -> withCookies.header("Cookie", header));
        HttpResponse<String> response;
        try {
            response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
        }
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            jar.setCookie(request.uri(), setCookie);
        }
        return response;
    }
}
