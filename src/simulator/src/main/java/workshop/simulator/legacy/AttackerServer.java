package workshop.simulator.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import workshop.simulator.SimulatedServer;

/**
 * ATTACK DEMO: the attacker's own web server (a second WireMock on loopback). An exploit publishes files on it, e.g.
 * a JWKS with the attacker's key for {@code jku} injection (A7), and it records every request it receives, so a
 * defence is proven by "the attacker's server received zero requests".
 */
public final class AttackerServer implements AutoCloseable {

    private final SimulatedServer server;

    private AttackerServer(SimulatedServer server) {
        this.server = server;
    }

    /** Starts the attacker's server on a free loopback port. */
    public static AttackerServer start(Clock clock) {
        return new AttackerServer(SimulatedServer.start("attacker's server (ATTACK DEMO)", 0, clock, wireMock -> { }));
    }

    /** Serves {@code body} as {@code contentType} at {@code path} (e.g. "/jwks.json") and returns its full address. */
    public URI publish(String path, String contentType, String body) {
        server.wireMock().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withHeader("X-Attack-Demo", "the attacker's server")
                .withBody(body)));
        return server.uri(path);
    }

    /** Every request received, as "METHOD /path", oldest first. */
    public List<String> requests() {
        return server.exchanges().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList();
    }

    /** How many requests the server received. */
    public int requestCount() {
        return server.wireMock().findAll(anyRequestedFor(anyUrl())).size();
    }

    /** Forgets the recorded requests (not what is published). */
    public void clearRequests() {
        server.clearExchanges();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The underlying simulated server. */
    public SimulatedServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
