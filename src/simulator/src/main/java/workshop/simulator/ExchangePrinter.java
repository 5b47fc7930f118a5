package workshop.simulator;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Renders an HTTP exchange as short readable text, showing only the headers that carry state:
 * <pre>
 * → GET /prefs?theme=dark
 *   Cookie: SID=abc
 * ← 200
 *   Set-Cookie: theme=dark; Path=/; Max-Age=2592000; SameSite=Lax
 *   | Theme 'dark' is remembered with Max-Age.
 * </pre>
 */
public final class ExchangePrinter {

    /** The headers worth seeing when learning about state and identity, in this order. */
    public static final List<String> STATE_HEADERS =
            List.of("Cookie", "Authorization", "Set-Cookie", "WWW-Authenticate", "Cache-Control", "Location");

    private static final int MAX_BODY_LINE = 120;
    private static final int MAX_TOKEN_SHOWN = 40;

    private ExchangePrinter() {
    }

    /** An exchange as the simulated server saw it: exactly what crossed the wire. */
    public static String format(ServeEvent event) {
        StringBuilder out = new StringBuilder();
        out.append("→ ").append(event.getRequest().getMethod()).append(' ').append(event.getRequest().getUrl()).append('\n');
        appendHeaders(out, event.getRequest().getHeaders(), true);
        var response = event.getResponse();
        out.append("← ").append(response.getStatus()).append('\n');
        appendHeaders(out, response.getHeaders(), false);
        appendBody(out, response.getBodyAsString());
        return out.toString();
    }

    /** An exchange as a {@code java.net.http} client saw it (headers the client added itself are not visible). */
    public static String format(HttpResponse<?> response) {
        StringBuilder out = new StringBuilder();
        var request = response.request();
        out.append("→ ").append(request.method()).append(' ').append(pathAndQuery(request.uri())).append('\n');
        appendHeaders(out, request.headers().map(), true);
        out.append("← ").append(response.statusCode()).append('\n');
        appendHeaders(out, response.headers().map(), false);
        if (response.body() instanceof String body) {
            appendBody(out, body);
        }
        return out.toString();
    }

    private static void appendHeaders(StringBuilder out, HttpHeaders headers, boolean request) {
        if (headers == null) {
            return;
        }
        for (String name : STATE_HEADERS) {
            HttpHeader header = headers.getHeader(name);
            if (header.isPresent() && isFor(name, request)) {
                for (String value : header.values()) {
                    out.append("  ").append(name).append(": ").append(shorten(name, value)).append('\n');
                }
            }
        }
    }

    private static void appendHeaders(StringBuilder out, Map<String, List<String>> headers, boolean request) {
        for (String name : STATE_HEADERS) {
            if (!isFor(name, request)) {
                continue;
            }
            headers.forEach((key, values) -> {
                if (key.equalsIgnoreCase(name)) {
                    values.forEach(v -> out.append("  ").append(name).append(": ").append(shorten(name, v)).append('\n'));
                }
            });
        }
    }

    private static boolean isFor(String header, boolean request) {
        boolean requestHeader = header.equals("Cookie") || header.equals("Authorization");
        return requestHeader == request;
    }

    /** Long bearer tokens are cut so the exchange stays readable; decode them with a JWT inspector instead. */
    private static String shorten(String header, String value) {
        if (header.equals("Authorization") && value.length() > MAX_TOKEN_SHOWN + 10) {
            return value.substring(0, MAX_TOKEN_SHOWN) + "…(" + value.length() + " chars)";
        }
        return value;
    }

    private static void appendBody(StringBuilder out, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        String first = body.strip().lines().findFirst().orElse("");
        if (first.startsWith("<!doctype") || first.startsWith("<html")) {
            return;
        }
        if (first.length() > MAX_BODY_LINE) {
            first = first.substring(0, MAX_BODY_LINE) + "…";
        }
        out.append("  | ").append(first).append('\n');
    }

    private static String pathAndQuery(java.net.URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
