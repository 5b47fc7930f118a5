package workshop.simulator.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Chromium-family browser, headless, driven from Java through the Chrome DevTools Protocol (CDP): open
 * loopback pages, run scripts in them, read the cookies the browser stored and the requests it sent.
 * <pre>
 * try (HeadlessBrowser browser = HeadlessBrowser.launch()) {
 *     browser.navigate(URI.create("http://127.0.0.1:40123/login"));
 *     browser.evaluate("document.cookie");      // what a script sees (no HttpOnly cookies)
 *     browser.cookies();                        // what the browser stored
 *     browser.requests();                       // what it sent, Cookie header included
 * }
 * </pre>
 *
 * <h2>What it launches</h2>
 * The browser {@link BrowserFinder} finds, with {@code --headless=new} (the real browser without a window), a fresh
 * throwaway profile ({@code --user-data-dir} in a new temporary directory, deleted on {@link #close()} and by a
 * shutdown hook; on Linux its XDG config and cache directories point there too, so nothing lands in the learner's
 * home), and everything that talks to the internet on its own switched off: no first-run, sync, extensions,
 * component updates, background networking or crash reports. Its name resolver knows only loopback names
 * ({@code --host-resolver-rules}), so not even a page's own links and scripts leave the machine. Cookie rules are
 * the browser's own, with one setting pinned: third-party cookies are allowed outside Incognito, as in a new desktop
 * profile (a fresh headless profile blocks them, which would hide what {@code SameSite=None} does);
 * {@link LaunchOptions#withThirdPartyCookiesBlocked()} shows the other case.
 *
 * <h2>Port or pipe: {@code --remote-debugging-port=0} on loopback</h2>
 * A debugging pipe has no port at all and would be the safer transport; but Chromium reads it from file descriptors
 * 3 and 4 (Linux, macOS), or on Windows from inherited handles named by {@code --remote-debugging-io-pipes}. Java's
 * {@code ProcessBuilder} hands a child only standard input, output and error: on Linux and macOS a {@code /bin/sh}
 * wrapper could move them to 3 and 4, on Windows nothing in JDK 17 can pass extra handles. One transport that works
 * and is tested everywhere beats a safer one on two systems plus an untested fallback on the third. So the browser
 * opens a port the system chooses ({@code 0}), read back from the {@code DevToolsActivePort} file of the profile,
 * and that port is closed to web pages (each point is checked by {@code BrowserLaptopSafetyTest}):
 * <ul>
 *   <li>it listens on 127.0.0.1 only (Chromium's default; the kit never passes {@code --remote-debugging-address});</li>
 *   <li>a page can make the browser connect to loopback ports, but Chromium answers 403 to a DevTools WebSocket
 *       handshake whose {@code Origin} it was not told to allow (the kit never passes {@code --remote-allow-origins}),
 *       and a page's WebSocket always carries its {@code Origin}; this client, not being a page, sends none;</li>
 *   <li>the HTTP endpoints that list the WebSocket's random path grant no CORS, and answer only a {@code Host} that
 *       is an IP address or {@code localhost} (no DNS rebinding), so no page learns the path;</li>
 *   <li>the browser lives seconds, with a profile that holds nothing but the lab's test cookies.</li>
 * </ul>
 * Another program of the same user could connect, as it could read that user's files anyway.
 *
 * <h2>A hand-written CDP client</h2>
 * The lab needs a dozen commands and five events. The CDP libraries on Maven Central each cost more than they
 * save here: Selenium's {@code selenium-devtools-vNNN} artifacts follow Chrome's versions (a learner's newer Chrome
 * outruns the pinned one), chrome-devtools-java-client (com.github.kklisura.cdt) has had no release since 2021,
 * jvppeteer brings a large API of its own, and Playwright for Java downloads its own browsers and a Node.js driver
 * at run time. A small client on the JDK's {@code java.net.http.WebSocket} and the Jackson the simulator already
 * uses speaks the stable domains (Target, Page, Runtime, Network, Storage), which current Chrome, Edge and Chromium
 * all support.
 *
 * <h2>Root</h2>
 * Chromium will not start as root with its sandbox on; as root (CI containers) the kit adds {@code --no-sandbox},
 * acceptable because the lab opens only its own loopback pages. As any other user the sandbox stays on.
 */
public final class HeadlessBrowser implements AutoCloseable {

    /** How long the browser may take to start: a first start on a laptop (antivirus, cold disk) can be slow. */
    public static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    /** The host names the lab opens (the same the simulated servers answer to). */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    // Any name other than loopback resolves to nothing, IP addresses included: a page's link cannot leave the machine.
    static final String HOST_RESOLVER_RULES = "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE ::1";

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int STDERR_LINES = 30;

    private final Path executable;
    private final Process process;
    private final Path tempRoot;
    private final URI endpoint;
    private final Duration timeout;
    private final StderrTail stderr;
    private final Thread shutdownHook;
    private final RequestLog requestLog = new RequestLog();
    private final Navigations navigations = new Navigations();
    private CdpConnection cdp;
    private String sessionId;
    private String mainFrameId;
    private volatile boolean closed;

    private HeadlessBrowser(Path executable, Process process, Path tempRoot, URI endpoint, Duration timeout,
                            StderrTail stderr, Thread shutdownHook) {
        this.executable = executable;
        this.process = process;
        this.tempRoot = tempRoot;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.stderr = stderr;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Launches the browser {@link BrowserFinder} finds on this machine, with {@link LaunchOptions#defaults()}.
     *
     * @throws BrowserException if there is none (the message says how to install one) or it does not start
     */
    public static HeadlessBrowser launch() {
        return launch(LaunchOptions.defaults());
    }

    /** Launches this browser executable (Chromium, Chrome or Edge) with {@link LaunchOptions#defaults()}. */
    public static HeadlessBrowser launch(Path executable) {
        return launch(LaunchOptions.defaults().withExecutable(executable));
    }

    /**
     * Launches a browser as {@code options} say.
     *
     * @throws BrowserException if no browser is found (the message says how to install one) or it does not start
     *                          within {@link #LAUNCH_TIMEOUT} (the message quotes its last words)
     */
    public static HeadlessBrowser launch(LaunchOptions options) {
        Path executable = options.executable().orElseGet(() -> {
            BrowserFinder finder = BrowserFinder.forThisMachine();
            return finder.find().orElseThrow(() -> new BrowserException(
                    "No Chromium-family browser found for the browser lab. " + finder.howToInstall()));
        });
        Path tempRoot = newTempRoot();
        Path profile = tempRoot.resolve("profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-sync",
                "--disable-extensions",
                "--disable-component-extensions-with-background-pages",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-breakpad",
                "--no-pings",
                "--password-store=basic",
                "--use-mock-keychain",
                "--disable-dev-shm-usage",
                "--mute-audio",
                "--host-resolver-rules=" + HOST_RESOLVER_RULES));
        if (runsAsRoot(tempRoot)) {
            command.add("--no-sandbox");
        }
        command.addAll(options.extraSwitches());
        command.add("about:blank");

        Process process;
        try {
            writeProfilePreferences(profile, options.thirdPartyCookiesBlocked());
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            // On Linux the browser keeps its crash database (~/.config/chromium/Crash Reports) and GTK's dconf cache
            // outside the profile, whatever --user-data-dir says: point them into the throwaway directory too.
            builder.environment().put("XDG_CONFIG_HOME", tempRoot.resolve("config").toString());
            builder.environment().put("XDG_CACHE_HOME", tempRoot.resolve("cache").toString());
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            deleteTree(tempRoot);
            throw new BrowserException("Could not start the browser " + executable + ": " + e.getMessage()
                    + ". Check that it is a Chromium-family browser's executable, or set " + BrowserFinder.ENV
                    + " to one.", e);
        }
        StderrTail stderr = new StderrTail(process);
        Thread hook = new Thread(() -> killAndDelete(process, tempRoot), "workshop-browser-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        HeadlessBrowser browser = null;
        try {
            URI endpoint = awaitEndpoint(process, profile, stderr, executable);
            browser = new HeadlessBrowser(executable, process, tempRoot, endpoint, options.timeout(), stderr, hook);
            browser.connect();
            return browser;
        } catch (RuntimeException e) {
            if (browser != null) {
                browser.close();
            } else {
                killAndDelete(process, tempRoot);
                removeHook(hook);
            }
            throw e;
        }
    }

    // Chromium's profile setting "cookie_controls_mode": 2 blocks third-party cookies in Incognito only (a new desktop
    // profile's default), 1 everywhere (what a fresh headless profile does, observed on Chromium 156), 0 nowhere.
    private static void writeProfilePreferences(Path profile, boolean blockThirdPartyCookies) throws IOException {
        Path preferences = profile.resolve("Default").resolve("Preferences");
        Files.createDirectories(preferences.getParent());
        Files.writeString(preferences, "{\"profile\":{\"cookie_controls_mode\":" + (blockThirdPartyCookies ? 1 : 2) + "}}",
                StandardCharsets.UTF_8);
    }

    private static Path newTempRoot() {
        try {
            return Files.createTempDirectory("workshop-browser-"); // owner-only permissions on POSIX
        } catch (IOException e) {
            throw new BrowserException("The browser lab needs a temporary directory for a throwaway profile and could not"
                    + " create one in " + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + ").", e);
        }
    }

    private static boolean runsAsRoot(Path ownDirectory) {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(ownDirectory, "unix:uid"));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return false; // no unix attributes (Windows): no root, the sandbox question does not arise
        }
    }

    private static URI awaitEndpoint(Process process, Path profile, StderrTail stderr, Path executable) {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (true) {
            Optional<URI> fromFile = readPortFile(portFile);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
            // A confined browser (Ubuntu's snap) writes the file into its private /tmp; its log line says the same.
            Optional<URI> fromLog = stderr.announcedEndpoint();
            if (fromLog.isPresent()) {
                return fromLog.get();
            }
            if (!process.isAlive()) {
                throw new BrowserException("The browser " + executable + " stopped at start (exit code "
                        + process.exitValue() + ") before opening its DevTools endpoint." + stderr.lastWords());
            }
            if (System.nanoTime() > deadline) {
                throw new BrowserException("The browser " + executable + " did not open its DevTools endpoint within "
                        + CdpConnection.seconds(LAUNCH_TIMEOUT) + "." + stderr.lastWords());
            }
            try {
                Thread.sleep(10); // polling a file the browser writes once; no clock is involved
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrowserException("Interrupted while the browser was starting.", e);
            }
        }
    }

    private static Optional<URI> readPortFile(Path portFile) {
        try {
            List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(0).strip().matches("[0-9]{1,5}") && lines.get(1).startsWith("/devtools/")) {
                return Optional.of(URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()));
            }
        } catch (IOException | UncheckedIOException e) {
            // not written yet, or half written: try again
        }
        return Optional.empty();
    }

    // Setting up may take as long as a start: a short operation timeout must not fail a slow machine's launch.
    private void connect() {
        cdp = CdpConnection.open(endpoint, LAUNCH_TIMEOUT);
        cdp.addListener(this::onEvent);
        String targetId = null;
        for (JsonNode t : setup(null, "Target.getTargets", Map.of()).path("targetInfos")) {
            if (t.path("type").asText().equals("page")) {
                targetId = t.path("targetId").asText();
                break;
            }
        }
        if (targetId == null) {
            targetId = setup(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        }
        sessionId = setup(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asText();
        setup(sessionId, "Page.enable", Map.of());
        setup(sessionId, "Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        setup(sessionId, "Network.enable", Map.of());
        // Every request reaches the server: what was sent never hides behind a cached answer.
        setup(sessionId, "Network.setCacheDisabled", Map.of("cacheDisabled", true));
        mainFrameId = setup(sessionId, "Page.getFrameTree", Map.of()).path("frameTree").path("frame").path("id").asText();
    }

    private JsonNode setup(String session, String method, Map<String, ?> params) {
        return cdp.call(session, method, params, LAUNCH_TIMEOUT);
    }

    private void onEvent(CdpConnection.Event event) {
        if (sessionId == null || !sessionId.equals(event.sessionId())) {
            return;
        }
        if (event.method().startsWith("Network.")) {
            requestLog.onEvent(event.method(), event.params());
        } else if (event.method().equals("Page.frameNavigated")) {
            JsonNode frame = event.params().path("frame");
            if (!frame.has("parentId")) {
                navigations.committed(frame.path("loaderId").asText(), frame.path("url").asText(),
                        frame.path("unreachableUrl").asText(""));
            }
        } else if (event.method().equals("Page.lifecycleEvent")) {
            JsonNode p = event.params();
            if (p.path("name").asText().equals("load") && p.path("frameId").asText().equals(mainFrameId)) {
                navigations.loaded(p.path("loaderId").asText());
            }
        }
    }

    // ---- the lab's API ----

    /**
     * Opens a loopback address as a top-level navigation (as if typed into the address bar) and waits until the page
     * has loaded, images included.
     *
     * @throws BrowserException if the address is not on loopback, the browser cannot load it, or it takes longer
     *                          than the timeout
     */
    public void navigate(URI uri) {
        requireLoopback(uri);
        open(uri.toString());
    }

    private void open(String url) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result;
        try {
            result = call(sessionId, "Page.navigate", Map.of("url", url)); // answers once the page's answer arrived
        } catch (CdpConnection.Timeout e) {
            throw new BrowserException(notLoaded(url), e);
        }
        String error = result.path("errorText").asText("");
        if (!error.isEmpty()) {
            throw new BrowserException("The browser could not load " + url + ": " + error + hintFor(error));
        }
        if (!result.hasNonNull("loaderId")) {
            return; // same-document navigation (a #fragment): nothing loads
        }
        navigations.awaitLoad(result.get("loaderId").asText(), deadline, notLoaded(url));
    }

    private String notLoaded(String url) {
        return "The browser did not load " + url + " within " + CdpConnection.seconds(timeout)
                + ". Is the server answering (a page that never ends, a very slow image)?";
    }

    /**
     * Opens a loopback page that navigates on its own — an attacker's page whose form submits itself, or whose script
     * sets {@code location} — and waits until the page it goes to has loaded (whatever its status: a 403 is a page).
     *
     * @throws BrowserException if the address is not on loopback, or no second page loads within the timeout
     */
    public void openAndFollow(URI uri) {
        requireLoopback(uri);
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result;
        try {
            result = call(sessionId, "Page.navigate", Map.of("url", uri.toString()));
        } catch (CdpConnection.Timeout e) {
            throw new BrowserException(notLoaded(uri.toString()), e);
        }
        String error = result.path("errorText").asText("");
        if (!error.isEmpty() || !result.hasNonNull("loaderId")) {
            throw new BrowserException("The browser could not load " + uri + ": " + error + hintFor(error));
        }
        navigations.awaitLoadAfter(result.get("loaderId").asText(), deadline, "No page loaded after " + uri
                + " within " + CdpConnection.seconds(timeout) + ": did it navigate on its own (a form that submits"
                + " itself, a script that sets location)?");
    }

    /**
     * Runs a script that makes the page navigate (a link click, a form submission, {@code location = ...}) and
     * waits until the next page has loaded.
     */
    public void navigateBy(String script) {
        int before = navigations.count();
        try {
            evaluate(script);
        } catch (BrowserException e) {
            // A navigation that starts before the script's answer leaves no page to answer from: not an error.
            if (navigations.count() == before) {
                throw e;
            }
        }
        navigations.awaitNextLoad(before, timeout, "after the script " + abbreviate(script));
    }

    /** Submits the form that {@code cssSelector} selects (as a script would) and waits for the answer page to load. */
    public void submitForm(String cssSelector) {
        navigateBy("(() => { const f = document.querySelector(" + jsString(cssSelector) + ");"
                + " if (!(f instanceof HTMLFormElement)) throw new Error('no form matches ' + " + jsString(cssSelector) + ");"
                + " HTMLFormElement.prototype.submit.call(f); })()");
    }

    /** Clicks the element (a link) that {@code cssSelector} selects and waits for the next page to load. */
    public void click(String cssSelector) {
        navigateBy("(() => { const e = document.querySelector(" + jsString(cssSelector) + ");"
                + " if (!e) throw new Error('nothing matches ' + " + jsString(cssSelector) + "); e.click(); })()");
    }

    /**
     * Runs JavaScript in the page (as the page's own script would run) and returns its value: a string as it is,
     * anything else as JSON ({@code "undefined"} when there is none). A promise is awaited.
     *
     * @throws BrowserException if the script throws (the message quotes the error)
     */
    public String evaluate(String script) {
        JsonNode value = evaluateJson(script);
        return value == null ? "undefined" : value.isTextual() ? value.asText() : value.toString();
    }

    /** Like {@link #evaluate}, the value as JSON; null for {@code undefined}. */
    public JsonNode evaluateJson(String script) {
        JsonNode result = call(sessionId, "Runtime.evaluate", Map.of("expression", script, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            String why = details.path("exception").path("description").asText(details.path("text").asText("an error"));
            throw new BrowserException("The script threw in the page: " + why.lines().findFirst().orElse(why)
                    + " (script: " + abbreviate(script) + ").");
        }
        JsonNode value = result.path("result");
        if (value.has("value")) {
            return value.get("value");
        }
        return value.has("unserializableValue") ? CdpConnection.JSON.getNodeFactory().textNode(
                value.get("unserializableValue").asText()) : null;
    }

    /**
     * A PNG of the whole page as the browser renders it now ({@code Page.captureScreenshot}), e.g. to keep what a
     * test saw.
     */
    public byte[] screenshot() {
        JsonNode result = call(sessionId, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        return Base64.getDecoder().decode(result.path("data").asText());
    }

    /** The address of the page now open. */
    public URI currentUrl() {
        return URI.create(evaluate("location.href"));
    }

    /** Every cookie the browser has stored, for every site, as it stored them. */
    public List<BrowserCookie> cookies() {
        List<BrowserCookie> out = new ArrayList<>();
        for (JsonNode c : call(null, "Storage.getCookies", Map.of()).path("cookies")) {
            out.add(BrowserCookie.fromCdp(c));
        }
        out.sort(Comparator.comparing(BrowserCookie::domain).thenComparing(BrowserCookie::name));
        return out;
    }

    /** The stored cookie of that name (the first, if several domains or paths have one). */
    public Optional<BrowserCookie> cookie(String name) {
        return cookies().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Every request the page made since the last {@link #clearRequests()} or {@link #reset()}, oldest first, with
     * the headers the browser really sent.
     */
    public List<SeenRequest> requests() {
        try {
            return requestLog.snapshot(SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("Interrupted while collecting the requests the browser sent.", e);
        }
    }

    /** The requests whose URL path is {@code path} (e.g. {@code "/transfer"}), oldest first. */
    public List<SeenRequest> requestsTo(String path) {
        return requests().stream().filter(r -> path.equals(r.url().getPath())).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requestLog.clear();
    }

    /** Deletes every cookie the browser stored. */
    public void clearCookies() {
        call(null, "Storage.clearCookies", Map.of());
    }

    /** Back to a clean browser: no cookies, no cache, {@code about:blank}, no recorded requests. */
    public void reset() {
        clearCookies();
        call(sessionId, "Network.clearBrowserCache", Map.of());
        open("about:blank");
        clearRequests();
    }

    /** The browser's product and version, e.g. {@code Chrome/156.0.8078.108} (Chromium calls itself Chrome). */
    public String version() {
        return call(null, "Browser.getVersion", Map.of()).path("product").asText();
    }

    /** The browser executable this runs. */
    public Path executable() {
        return executable;
    }

    /** The DevTools endpoint (loopback), e.g. {@code ws://127.0.0.1:40123/devtools/browser/<id>}. */
    public URI devToolsEndpoint() {
        return endpoint;
    }

    /** The throwaway profile directory (deleted on {@link #close()}). */
    public Path profileDirectory() {
        return tempRoot.resolve("profile");
    }

    /** The browser's process ID. */
    public long pid() {
        return process.pid();
    }

    /** Closes the browser: asks it to quit, kills its whole process tree if it does not, deletes the profile. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> tree = process.descendants().toList();
        if (cdp != null) {
            try {
                if (cdp.isOpen()) {
                    cdp.call(null, "Browser.close", Map.of(), Duration.ofSeconds(2));
                }
            } catch (BrowserException e) {
                // The browser may close the connection before it answers; killing it below is the fallback.
            }
            cdp.close();
        }
        try {
            process.onExit().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // still running: killed below
        }
        killAndDelete(process, tempRoot);
        tree.forEach(ProcessHandle::destroyForcibly);
        removeHook(shutdownHook);
    }

    @Override
    public String toString() {
        return closed ? "headless browser (closed)" : "headless browser " + executable + " (pid " + process.pid() + ")";
    }

    // ---- helpers ----

    /** Refuses any address that is not on this machine's loopback (by name, as the simulated servers require). */
    static URI requireLoopback(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && LOOPBACK_HOSTS.contains(host) && uri.getUserInfo() == null) {
            return uri;
        }
        throw new BrowserException("The browser lab opens only loopback addresses (http://127.0.0.1:PORT/..., "
                + "http://localhost:PORT/... or http://[::1]:PORT/...), so it never leaves this machine; " + uri
                + " is not one. Start a simulated server and open its address.");
    }

    private JsonNode call(String session, String method, Map<String, ?> params) {
        if (closed) {
            throw new BrowserException("The browser is closed; launch a new one.");
        }
        try {
            return cdp.call(session, method, params, timeout);
        } catch (BrowserException e) {
            if (!process.isAlive()) { // a crash: say so, with the browser's last words
                throw new BrowserException(e.getMessage() + " The browser has stopped (exit code " + process.exitValue()
                        + ")." + stderr.lastWords(), e);
            }
            throw e;
        }
    }

    private static String hintFor(String error) {
        if (error.contains("CONNECTION_REFUSED")) {
            return ". Nothing listens there: is the simulated server still running, on that port?";
        }
        if (error.contains("NAME_NOT_RESOLVED")) {
            return ". The lab's browser resolves only loopback names.";
        }
        return ".";
    }

    static String jsString(String s) {
        return CdpConnection.JSON.getNodeFactory().textNode(s).toString();
    }

    private static String abbreviate(String script) {
        String oneLine = script.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    private static void killAndDelete(Process process, Path tempRoot) {
        List<ProcessHandle> tree = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        deleteTree(tempRoot);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private static void deleteTree(Path root) {
        // Windows keeps a file locked for a moment after the process that held it exits: try a few times.
        for (int attempt = 0; attempt < 20 && Files.exists(root); attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(root)) {
            System.err.println("[browser] could not delete the throwaway profile " + root + "; delete it by hand.");
        }
    }

    /** Main-frame navigations of the page, in commit order, and which of them finished loading. */
    private static final class Navigations {
        private final List<String> committedLoaders = new ArrayList<>();
        private final Map<String, String> unreachable = new LinkedHashMap<>();
        private final Set<String> loaded = new java.util.HashSet<>();

        synchronized void committed(String loaderId, String url, String unreachableUrl) {
            committedLoaders.add(loaderId);
            if (!unreachableUrl.isEmpty()) {
                unreachable.put(loaderId, unreachableUrl);
            }
            notifyAll();
        }

        synchronized void loaded(String loaderId) {
            loaded.add(loaderId);
            notifyAll();
        }

        synchronized int count() {
            return committedLoaders.size();
        }

        synchronized void awaitLoad(String loaderId, long deadline, String timeoutMessage) {
            while (!loaded.contains(loaderId)) {
                waitUntil(deadline, () -> timeoutMessage);
            }
            failIfUnreachable(loaderId);
        }

        // The page of loaderId committed, then another one committed after it and loaded.
        synchronized void awaitLoadAfter(String loaderId, long deadline, String timeoutMessage) {
            while (true) {
                int at = committedLoaders.indexOf(loaderId);
                if (at >= 0 && committedLoaders.size() > at + 1
                        && loaded.contains(committedLoaders.get(committedLoaders.size() - 1))) {
                    break;
                }
                waitUntil(deadline, () -> timeoutMessage);
            }
            failIfUnreachable(committedLoaders.get(committedLoaders.size() - 1));
        }

        synchronized void awaitNextLoad(int before, Duration timeout, String what) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (committedLoaders.size() <= before || !loaded.contains(committedLoaders.get(committedLoaders.size() - 1))) {
                waitUntil(deadline, () -> "No new page loaded " + what + " within " + CdpConnection.seconds(timeout)
                        + ". Did it navigate at all (a form with an action, a link with an href)?");
            }
            failIfUnreachable(committedLoaders.get(committedLoaders.size() - 1));
        }

        private void failIfUnreachable(String loaderId) {
            String url = unreachable.get(loaderId);
            if (url != null) {
                throw new BrowserException("The browser could not load " + url + " and shows its error page instead."
                        + " Is the server running on that port?");
            }
        }

        private void waitUntil(long deadline, java.util.function.Supplier<String> message) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new BrowserException(message.get());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrowserException("Interrupted while waiting for a page to load.", e);
            }
        }
    }

    /** Reads the browser's standard error (it blocks if nobody does), keeping the last lines for error messages. */
    private static final class StderrTail {
        private static final String ANNOUNCEMENT = "DevTools listening on ";
        private final Deque<String> lines = new ArrayDeque<>();
        private volatile URI announced;

        StderrTail(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        int at = line.indexOf(ANNOUNCEMENT);
                        if (at >= 0 && announced == null) {
                            URI uri = URI.create(line.substring(at + ANNOUNCEMENT.length()).strip());
                            if ("127.0.0.1".equals(uri.getHost())) {
                                announced = uri;
                            }
                        }
                        synchronized (lines) {
                            lines.addLast(line);
                            if (lines.size() > STDERR_LINES) {
                                lines.removeFirst();
                            }
                        }
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // the browser went away, or said something odd: its last words are kept
                }
            }, "workshop-browser-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        Optional<URI> announcedEndpoint() {
            return Optional.ofNullable(announced);
        }

        String lastWords() {
            synchronized (lines) {
                return lines.isEmpty() ? "" : " Its last messages:\n  " + String.join("\n  ", lines);
            }
        }
    }
}
