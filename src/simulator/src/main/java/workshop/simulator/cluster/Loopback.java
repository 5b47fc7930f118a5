package workshop.simulator.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The laptop-safety rules the cluster's servers share with the other simulated servers: only requests addressed to
 * a loopback name (a page using DNS rebinding names its own host in {@code Host}), and small bodies.
 */
final class Loopback {

    static {
        // The JDK's HTTP server waits for more data before it sends a small answer (Nagle's algorithm): about 40 ms per
        // request on loopback, which would swamp every measurement of the cluster. Read once, when the first server of
        // the JVM starts: set here, before the cluster's first server, unless the JVM was given a value.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Makes sure the static settings above are applied before a server is created. */
    static HttpServer server(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    }

    static final Set<String> NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    static final int MAX_BODY = 16 * 1024;
    private static final Pattern PORT = Pattern.compile("(:[0-9]{1,5})?");

    private Loopback() {
    }

    /** Whether a {@code Host} header value names a loopback host, with or without a port; no header is fine. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 from a local tool: no browser sends that
        }
        String value = host.strip().toLowerCase(Locale.ROOT);
        int portStart = value.startsWith("[") ? value.indexOf(']') + 1 : value.indexOf(':');
        if (portStart <= 0) {
            portStart = value.startsWith("[") ? 0 : value.length();
        }
        return NAMES.contains(value.substring(0, portStart)) && PORT.matcher(value.substring(portStart)).matches();
    }

    /** Answers 403 and returns false if the request names a foreign host. */
    static boolean check(HttpExchange exchange, String who) throws IOException {
        if (isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
            return true;
        }
        send(exchange, 403, "403 Forbidden: the " + who + " answers only requests addressed to 127.0.0.1, localhost or"
                + " [::1]. This one named another host in its Host header, which is how a web page reaches a local"
                + " server through DNS rebinding.\n");
        return false;
    }

    /** The request body, or null if it is longer than {@link #MAX_BODY} bytes (the caller answers 413). */
    static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    static void tooLarge(HttpExchange exchange) throws IOException {
        send(exchange, 413, "413 Content Too Large: bodies up to " + MAX_BODY + " bytes.\n");
    }

    static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
