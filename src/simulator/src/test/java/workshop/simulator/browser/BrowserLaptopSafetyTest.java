package workshop.simulator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab's browser on a learner's laptop: its debugging endpoint answers no web page, it listens on loopback only,
 * its pages cannot reach beyond loopback, and closing it leaves no process and no profile behind.
 */
class BrowserLaptopSafetyTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();


    @Test
    @DisplayName("A web page cannot open the browser's DevTools WebSocket, even knowing its port and secret path")
    void aPageCannotDriveTheBrowser() {
        LAB.browser().navigate(LAB.sites().crossSite("/lab/fetch"));
        String outcome = LAB.browser().evaluate("new Promise(done => { const ws = new WebSocket('" + LAB.browser().devToolsEndpoint()
                + "'); ws.onopen = () => done('opened'); ws.onerror = () => done('refused'); })");

        assertThat(outcome).as("Chromium refuses a DevTools WebSocket whose Origin it was not told to allow, and every"
                + " page's WebSocket carries its Origin; the lab never passes --remote-allow-origins").isEqualTo("refused");
    }

    @Test
    @DisplayName("A WebSocket handshake with a page's Origin header is refused; the kit's client sends none")
    void anOriginHeaderIsRefused() {
        HttpClient http = HttpClient.newHttpClient();
        Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> http.newWebSocketBuilder()
                .header("Origin", "http://localhost:" + LAB.sites().other.port())
                .buildAsync(LAB.browser().devToolsEndpoint(), new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS));

        assertThat(refusal).as("a handshake that names a page's origin").isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refusal.getCause()).getResponse().statusCode())
                .as("Chromium answers 403 Forbidden").isEqualTo(403);
        assertThat(LAB.browser().evaluate("1 + 1")).as("the kit's own connection (no Origin) keeps working").isEqualTo("2");
    }

    @Test
    @DisplayName("A page cannot read the DevTools HTTP endpoint (no CORS), so it cannot learn the secret path")
    void aPageCannotReadTheEndpointList() {
        LAB.browser().navigate(LAB.sites().crossSite("/lab/fetch"));
        String outcome = LAB.browser().evaluate("fetch('http://127.0.0.1:" + LAB.browser().devToolsEndpoint().getPort()
                + "/json/version').then(r => r.text(), e => 'blocked')");

        assertThat(outcome).isEqualTo("blocked");
    }

    @ParameterizedTest(name = "Host: {0} is refused (DNS rebinding)")
    @ValueSource(strings = {"evil.example", "lab.localhost.evil.example"})
    void theHttpEndpointRefusesRebindingHosts(String host) throws IOException {
        String answer = rawGet(LAB.browser().devToolsEndpoint().getPort(), "/json/version", host);

        assertThat(answer).as("a page whose own name resolves to 127.0.0.1 sends its name in Host: Chromium answers only"
                + " an IP address or localhost").doesNotStartWith("HTTP/1.1 200").doesNotContain("webSocketDebuggerUrl");
    }

    @Test
    @DisplayName("The DevTools port listens on 127.0.0.1 only (Linux: read from /proc/net)")
    void theDebuggingPortIsLoopbackOnly() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: /proc/net/tcp is Linux only");
        int port = LAB.browser().devToolsEndpoint().getPort();
        List<String> listeners = listeningAddresses(port);

        assertThat(listeners).as("sockets listening on the DevTools port %d", port).isNotEmpty()
                .allSatisfy(address -> assertThat(address).as("nothing outside this machine can reach it")
                        .isIn("0100007F", "00000000000000000000000001000000"));
    }

    @ParameterizedTest(name = "a page's request to {0} fails: the browser resolves only loopback names")
    @ValueSource(strings = {"lab.localhost", "127.0.0.2"})
    void pagesCannotLeaveLoopback(String host) {
        LAB.browser().navigate(LAB.sites().crossSite("/lab/fetch"));
        String outcome = LAB.browser().evaluate("fetch('http://" + host + ":" + LAB.sites().bank.port()
                + "/echo').then(r => 'reached ' + r.status, e => 'failed')");
        SeenRequest attempt = LAB.browser().requestsTo("/echo").get(0);

        assertThat(outcome).isEqualTo("failed");
        assertThat(attempt.failure()).as("--host-resolver-rules maps every other name, and every other address, to"
                + " nothing: no request leaves the machine, whatever the page does").hasValue("net::ERR_NAME_NOT_RESOLVED");
    }

    @ParameterizedTest(name = "navigate refuses {0}")
    @ValueSource(strings = {"https://example.com/", "http://10.0.0.1/", "http://127.0.0.1@evil.example/",
            "http://localhost.evil.example/", "file:///etc/passwd", "javascript:alert(1)"})
    void navigateRefusesAnythingButLoopback(String address) {
        assertThatThrownBy(() -> LAB.browser().navigate(URI.create(address)))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("opens only loopback addresses")
                .hasMessageContaining(address);
    }

    @Test
    @DisplayName("close() ends the browser's whole process tree and deletes its throwaway profile")
    void closeLeavesNothingBehind() throws Exception {
        HeadlessBrowser second = HeadlessBrowser.launch(LAB.browser().executable());
        second.navigate(LAB.sites().bank("/lab/login"));
        Path profile = second.profileDirectory();
        ProcessHandle process = ProcessHandle.of(second.pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        assertThat(Files.exists(profile.resolve("DevToolsActivePort"))).isTrue();
        if (Files.isReadable(Path.of("/proc/self"))) { // Linux: what Chromium keeps outside its profile lands here too
            try (var kept = Files.list(profile.getParent().resolve("config"))) {
                assertThat(kept).as("the crash database is in the throwaway directory, not in ~/.config").isNotEmpty();
            }
        }

        second.close();
        second.close(); // twice is harmless

        for (ProcessHandle p : tree) {
            p.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(tree).as("every browser process has exited").noneMatch(ProcessHandle::isAlive);
        assertThat(profile.getParent()).as("the profile, cookies included, is gone").doesNotExist();
        assertThatThrownBy(() -> second.navigate(LAB.sites().bank("/lab/login")))
                .isInstanceOf(BrowserException.class).hasMessageContaining("closed");
    }

    // Linux lists listening sockets with hex addresses: 0100007F is 127.0.0.1, the long one ::1.
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equals(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    // A hand-written request: the JDK's HttpClient does not let a caller choose the Host header.
    private static String rawGet(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // the endpoint keeps the connection open: what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
