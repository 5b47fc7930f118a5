/**
 * The browser lab: a real Chromium-family browser (Chromium, Google Chrome, Microsoft Edge), headless, driven from
 * Java, to show browser facts that must not be asserted from memory: which cookies a browser stores, which a script
 * can read, which it sends from another site or from another port of the same site.
 *
 * <h2>What it launches</h2>
 * {@link workshop.simulator.browser.BrowserFinder} finds the learner's own browser ({@code WORKSHOP_BROWSER}, then
 * the usual names and install folders of Linux, macOS and Windows). {@link workshop.simulator.browser.HeadlessBrowser}
 * starts it with {@code --headless=new}, a new empty profile in a temporary directory, and no first-run, sync,
 * extensions, component updates or background networking. Nothing is downloaded, at build time or at run time.
 *
 * <h2>What it listens on</h2>
 * The browser's DevTools endpoint only: a port the system picks ({@code --remote-debugging-port=0}), on 127.0.0.1.
 * The kit connects to it with the JDK's WebSocket client and speaks the DevTools protocol as JSON (Jackson).
 *
 * <h2>Why it is safe on a learner's laptop</h2>
 * <ul>
 *   <li>No web page can reach the debugging endpoint: it listens on loopback only; Chromium refuses a DevTools
 *       WebSocket that carries an {@code Origin} (every page's does; the kit never allows one with
 *       {@code --remote-allow-origins}); its HTTP listing grants no CORS and answers only an IP or {@code localhost}
 *       {@code Host} (no DNS rebinding). {@code BrowserLaptopSafetyTest} checks each point against the real browser.</li>
 *   <li>The profile is throwaway: created empty for each launch, deleted with the whole process tree on
 *       {@code close()} (and by a shutdown hook if the JVM stops first). The learner's own profile, cookies and
 *       passwords are never opened; on Linux even the crash database and GTK's cache, which Chromium keeps outside
 *       its profile, go to the throwaway directory ({@code XDG_CONFIG_HOME}, {@code XDG_CACHE_HOME}).</li>
 *   <li>Only loopback is ever navigated: {@code navigate} refuses any address but {@code 127.0.0.1},
 *       {@code localhost} and {@code [::1]} with a message that says so, and the browser's resolver maps every other
 *       name and address to nothing, so a page's own links and scripts cannot leave the machine either.</li>
 *   <li>Switches that would open, move or widen the endpoint, replace the profile or change the network are refused
 *       ({@link workshop.simulator.browser.LaunchOptions}).</li>
 * </ul>
 *
 * <h2>Where there is no browser</h2>
 * The lab's tests report "skipped: no browser" with {@link workshop.simulator.browser.BrowserFinder#howToInstall()}:
 * a skipped check never counts as passed. A {@code WORKSHOP_BROWSER} that names no executable is an error, not a skip;
 * {@code WORKSHOP_BROWSER=none} runs as if there were no browser, to see that path where there is one.
 *
 * <h2>For tests and notebooks</h2>
 * {@link workshop.simulator.browser.LabSites} starts the lab's sites (two cookie sites and module 04's legacy bank,
 * ATTACK DEMO); {@link workshop.simulator.browser.BrowserLab} is the JUnit extension that starts them with a browser
 * for a test class (or, {@code BrowserLab.shared()}, once for a run) and skips its tests where there is no browser.
 */
package workshop.simulator.browser;
