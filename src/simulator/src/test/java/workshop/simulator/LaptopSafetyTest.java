package workshop.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated servers on a learner's laptop, where every web page the browser opens is a local client of them.
 * Each scenario is started exactly as {@code SimulatorMain} starts it (the README's command).
 */
class LaptopSafetyTest {

    private static final String EVIL = "https://evil.example";
    private static final List<String> ADMIN_PATHS = List.of("/__admin", "/__admin/", "/__admin/requests",
            "/__admin/mappings", "/__admin/mappings/save", "/__admin/files/x", "/__admin/shutdown", "/__admin/settings",
            "/__admin/reset", "/__admin/scenarios", "/__admin/recordings/start", "/__admin/swagger-ui/",
            "/__admin/recorder/", "/__admin/docs", "/__admin/health", "/__admin/not-matched");
    private static final List<String> MALFORMED_HOSTS = List.of("localhost:PORT@evil.example", "[::1", "");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<String> scenarios() {
        return SimulatorMain.scenarios().stream();
    }

    private HttpResponse<String> send(SimulatedServer server, String method, String path, Map<String, String> headers,
                                      String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}: no /__admin path answers 2xx over HTTP")
    @MethodSource("scenarios")
    void adminApiIsNotServedOverHttp(String scenario) throws Exception {
        try (SimulatedServer server = SimulatorMain.start(scenario, clock, 0)) {
            SoftAssertions softly = new SoftAssertions();
            for (String path : ADMIN_PATHS) {
                for (String method : METHODS) {
                    String body = method.equals("POST") || method.equals("PUT")
                            ? "{\"request\":{\"url\":\"/planted\"},\"response\":{\"status\":200}}" : null;
                    HttpResponse<String> r = send(server, method, path, Map.of("Content-Type", "text/plain"), body);
                    softly.assertThat(r.statusCode())
                            .as("%s %s must be refused (any web page the learner visits could send it)", method, path)
                            .isIn(401, 403, 404);
                    softly.assertThat(r.body()).as("%s %s leaks nothing of the journal", method, path)
                            .doesNotContain("\"requests\"").doesNotContain("\"mappings\"");
                }
            }
            softly.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}: a foreign-origin preflight is never granted")
    @MethodSource("scenarios")
    void foreignOriginsGetNoCors(String scenario) throws Exception {
        try (SimulatedServer server = SimulatorMain.start(scenario, clock, 0)) {
            SoftAssertions softly = new SoftAssertions();
            List<String> paths = new ArrayList<>(List.of("/", "/prefs?theme=dark", "/weak/login", "/login", "/me",
                    "/token", "/refresh", "/api/profile", "/.well-known/jwks.json", "/nowhere"));
            paths.addAll(ADMIN_PATHS);
            for (String path : paths) {
                HttpResponse<String> preflight = send(server, "OPTIONS", path, Map.of("Origin", EVIL,
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
                HttpResponse<String> simple = send(server, "GET", path, Map.of("Origin", EVIL), null);
                for (HttpResponse<String> r : List.of(preflight, simple)) {
                    softly.assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
                            .as("%s %s from %s: no CORS grant, or that page could read the answer", r.request().method(),
                                    path, EVIL)
                            .isEmpty();
                    softly.assertThat(r.headers().firstValue("Access-Control-Allow-Credentials"))
                            .as("%s %s: never with credentials", r.request().method(), path).isEmpty();
                }
            }
            softly.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}: planted stubs and files reach no folder of the user")
    @MethodSource("scenarios")
    void attemptedWritesLeaveNoFiles(String scenario) throws Exception {
        Path workingDir = Path.of("").toAbsolutePath();
        List<Path> wireMockDefaults = Stream.of("src/test/resources/__files", "src/test/resources/mappings", "__files",
                "mappings").map(workingDir::resolve).toList();
        List<Path> existedBefore = wireMockDefaults.stream().filter(Files::exists).toList();
        Path root;
        try (SimulatedServer server = SimulatorMain.start(scenario, clock, 0)) {
            root = server.fileRoot();
            String proxyStub = "{\"request\":{\"url\":\"/planted\"},\"response\":{\"proxyBaseUrl\":\"http://10.0.0.1\"},"
                    + "\"persistent\":true}";
            send(server, "POST", "/__admin/mappings", Map.of("Content-Type", "text/plain"), proxyStub);
            send(server, "PUT", "/__admin/files/x", Map.of("Content-Type", "text/plain"), "planted");
            send(server, "POST", "/__admin/mappings/save", Map.of(), "");
            assertThat(send(server, "GET", "/planted", Map.of(), null).statusCode())
                    .as("no stub was planted over HTTP").isEqualTo(404);
            assertThat(send(server, "GET", "/__files/x", Map.of(), null).statusCode())
                    .as("no file was planted over HTTP").isEqualTo(404);
            assertThat(root.startsWith(workingDir))
                    .as("WireMock's file root %s must not be under the working directory %s", root, workingDir).isFalse();
            assertThat(root).as("WireMock's file root is a temporary directory")
                    .startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)).as("nothing was written into the file root").isEmpty();
            }
        }
        assertThat(root).as("the temporary file root is deleted when the server stops").doesNotExist();
        assertThat(wireMockDefaults.stream().filter(Files::exists))
                .as("WireMock's default folders did not appear in the working directory")
                .containsExactlyInAnyOrderElementsOf(existedBefore);
        try (SimulatedServer again = SimulatorMain.start(scenario, clock, 0)) {
            assertThat(send(again, "GET", "/planted", Map.of(), null).statusCode())
                    .as("a later start loads no stub from anywhere").isEqualTo(404);
        }
    }

    @Test
    void theKitsInProcessApiStillWorks() throws Exception {
        try (SimulatedServer server = SimulatorMain.start("cookies", clock, 0)) {
            server.wireMock().stubFor(get("/extra").willReturn(ok("added in-process")));
            HttpResponse<String> r = send(server, "GET", "/extra", Map.of(), null);
            assertThat(r.body()).as("stubFor works without the HTTP admin API").isEqualTo("added in-process");
            assertThat(server.exchanges()).as("the request journal is read in-process").hasSize(1);
            assertThat(server.lastExchange()).startsWith("→ GET /extra");
            server.clearExchanges();
            assertThat(server.exchanges()).isEmpty();
        }
    }

    @ParameterizedTest(name = "Host: {0} is answered")
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "LOCALHOST", "127.0.0.1", "[::1]:PORT"})
    void loopbackHostsAreAnswered(String host) throws Exception {
        try (SimulatedServer server = SimulatorMain.start("cookies", clock, 0)) {
            assertThat(raw(server, host.replace("PORT", String.valueOf(server.port()))))
                    .as("a request addressed to a loopback name").startsWith("HTTP/1.1 200");
        }
    }

    @ParameterizedTest(name = "Host: {0} is refused")
    @ValueSource(strings = {"evil.example:PORT", "evil.example", "127.0.0.1.evil.example:PORT", "localhost.evil.example",
            "10.0.0.1:PORT", "localhost:PORT@evil.example", "[::1", ""})
    void foreignHostsAreRefused(String host) throws Exception {
        try (SimulatedServer server = SimulatorMain.start("sessions", clock, 0)) {
            String response = raw(server, host.replace("PORT", String.valueOf(server.port())));
            assertThat(response).as("a foreign Host header is what a DNS-rebinding page sends").matches("(?s)HTTP/1.1 4\\d\\d.*");
            if (!MALFORMED_HOSTS.contains(host)) {   // Jetty itself refuses the malformed ones with a 400
                assertThat(response).startsWith("HTTP/1.1 403").contains("DNS rebinding").contains("http://127.0.0.1:");
            }
        }
    }

    @ParameterizedTest(name = "{0}: broken percent-encoding gets a 400 sentence, never the parser's exception")
    @MethodSource("scenarios")
    void brokenPercentEncodingGetsAFixedSentence(String scenario) throws Exception {
        try (SimulatedServer server = SimulatorMain.start(scenario, clock, 0)) {
            String form = "username=%zz&password=x";
            List<String> requests = List.of("GET /prefs?theme=%zz HTTP/1.1\r\n", "GET /nowhere?x=% HTTP/1.1\r\n",
                    "POST /login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                            + form.length() + "\r\n");
            for (String request : requests) {
                String response = rawRequest(server, request, request.startsWith("POST") ? form : "");
                assertThat(response).as("%s: bad input is the client's error", request.strip())
                        .startsWith("HTTP/1.1 400");
                assertThat(response.substring(response.indexOf("\r\n\r\n") + 4))
                        .as("%s: a fixed sentence, no exception text and no stack trace", request.strip())
                        .isEqualTo(FixedTextErrors.BAD_ENCODING);
            }
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (SimulatedServer server = SimulatorMain.start("tokens", clock, 0)) {
            assertThat(server.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, server.port()), 500);
                    throw new AssertionError("port " + server.port() + " answers on " + address
                            + ": the simulator must listen on 127.0.0.1 only");
                } catch (ConnectException | SocketTimeoutException | java.net.NoRouteToHostException expected) {
                    // refused: nothing listens there
                }
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> !a.isLinkLocalAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static String rawRequest(SimulatedServer server, String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String raw(SimulatedServer server, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
