package workshop.simulator.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link HeadlessBrowser#launch(LaunchOptions)} starts the browser:
 * {@code LaunchOptions.defaults().withThirdPartyCookiesBlocked()}.
 *
 * @param executable               the browser to run; empty: the one {@link BrowserFinder} finds
 * @param timeout                  how long each operation (a page load, a script, a command) may take
 * @param thirdPartyCookiesBlocked false (the default): third-party cookies are allowed, as in a new desktop profile
 *                                 of Chrome, Edge or Chromium outside Incognito; true: blocked, as in Incognito
 *                                 (and in a fresh headless profile, which the lab does not keep as it is)
 * @param extraSwitches            more command-line switches, e.g. {@code --enable-features=...} to compare a
 *                                 browser setting
 */
public record LaunchOptions(Optional<Path> executable, Duration timeout, boolean thirdPartyCookiesBlocked,
                            List<String> extraSwitches) {

    /** How long one operation may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LaunchOptions {
        Objects.requireNonNull(executable);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
        extraSwitches = List.copyOf(extraSwitches);
        for (String s : extraSwitches) {
            String name = s.toLowerCase(Locale.ROOT);
            if (!name.startsWith("--") || name.startsWith("--remote-") || name.startsWith("--user-data-dir")
                    || name.startsWith("--headless") || name.startsWith("--host-resolver-rules")
                    || name.startsWith("--proxy")) {
                throw new BrowserException("The switch '" + s + "' is not allowed: the lab's browser keeps its debugging"
                        + " endpoint closed to pages, its profile throwaway and its network on loopback.");
            }
        }
    }

    /** The browser {@link BrowserFinder} finds, a 10 s timeout, third-party cookies allowed, no extra switches. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), DEFAULT_TIMEOUT, false, List.of());
    }

    public LaunchOptions withExecutable(Path browser) {
        return new LaunchOptions(Optional.of(browser), timeout, thirdPartyCookiesBlocked, extraSwitches);
    }

    public LaunchOptions withTimeout(Duration each) {
        return new LaunchOptions(executable, each, thirdPartyCookiesBlocked, extraSwitches);
    }

    /** Third-party cookies blocked, as in an Incognito window. */
    public LaunchOptions withThirdPartyCookiesBlocked() {
        return new LaunchOptions(executable, timeout, true, extraSwitches);
    }

    /** These switches added to the command line (after the lab's own). */
    public LaunchOptions withSwitches(String... switches) {
        List<String> all = new ArrayList<>(extraSwitches);
        all.addAll(List.of(switches));
        return new LaunchOptions(executable, timeout, thirdPartyCookiesBlocked, all);
    }
}
