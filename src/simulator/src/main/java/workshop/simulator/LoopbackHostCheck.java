package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers only requests addressed to a loopback name. A web page on another site can make a browser send requests to
 * a loopback port, and with DNS rebinding (its own host name resolving to 127.0.0.1) it can even read the answers;
 * such requests carry the page's host name in {@code Host}, so they are refused here with a 403 that says why.
 */
final class LoopbackHostCheck implements StubRequestFilterV2 {

    /** The host names the simulator answers to (any port). */
    static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private static final Pattern PORT = Pattern.compile("(:[0-9]{1,5})?");

    @Override
    public String getName() {
        return "workshop-loopback-host-check";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        // No Host header at all is HTTP/1.0 from a local tool: no browser sends that, so no page can be behind it.
        if (!request.containsHeader("Host") || isLoopback(request.getHeader("Host"))) {
            return RequestFilterAction.continueWith(request);
        }
        return RequestFilterAction.stopWith(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withBody("403 Forbidden: the simulator answers only requests addressed to 127.0.0.1, localhost or [::1]."
                        + " This one named another host in its Host header, which is how a web page reaches a local"
                        + " server through DNS rebinding. Open http://127.0.0.1:<port>/ instead.\n")
                .build());
    }

    /** Whether a {@code Host} header value names a loopback host, with or without a port. */
    static boolean isLoopback(String host) {
        String value = host.strip().toLowerCase(Locale.ROOT);
        int portStart = value.startsWith("[") ? value.indexOf(']') + 1 : value.indexOf(':');
        if (portStart <= 0) {
            portStart = value.startsWith("[") ? 0 : value.length();
        }
        String name = value.substring(0, portStart);
        return LOOPBACK_NAMES.contains(name) && PORT.matcher(value.substring(portStart)).matches();
    }
}
