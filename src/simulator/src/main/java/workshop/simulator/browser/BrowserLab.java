package workshop.simulator.browser;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workshop.simulator.legacy.LegacyBank;

/**
 * The lab for one test class ({@code @RegisterExtension static final BrowserLab LAB = new BrowserLab();}): the
 * {@link LabSites} and one {@link HeadlessBrowser}, started once for the class and stopped after it. Before each test
 * the browser is clean, the sites' records empty and the legacy bank without defences — or, with no browser on the
 * machine, the test is skipped (aborted, never passed) with {@link LabSites#noBrowser()}: how to install one.
 * {@link #shared()} starts them once for the whole test run instead, for test classes that each reset what they use.
 */
public final class BrowserLab implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(BrowserLab.class);

    private final boolean shared;
    private Optional<Path> found = Optional.empty();
    private LabSites sites;
    private HeadlessBrowser browser;

    /** A lab for this test class alone. */
    public BrowserLab() {
        this(false);
    }

    private BrowserLab(boolean shared) {
        this.shared = shared;
    }

    /**
     * A lab shared by every test class of the run that registers one (one browser start instead of one per class),
     * stopped when the run ends. Each test still begins with a clean browser and legacy bank.
     */
    public static BrowserLab shared() {
        return new BrowserLab(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            Running running = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Running.class, k -> Running.start(),
                    Running.class);
            found = running.found;
            sites = running.sites;
            browser = running.browser;
            return;
        }
        Running running = Running.start();
        found = running.found;
        sites = running.sites;
        browser = running.browser;
    }

    // Closed by JUnit at the end of the run (a stored AutoCloseable), or by afterAll for a class's own lab.
    private record Running(Optional<Path> found, LabSites sites, HeadlessBrowser browser) implements AutoCloseable {

        static Running start() {
            Optional<Path> found = LabSites.findBrowser();
            if (found.isEmpty()) {
                return new Running(found, null, null);
            }
            LabSites sites = LabSites.start();
            try {
                return new Running(found, sites, HeadlessBrowser.launch(found.get()));
            } catch (RuntimeException e) {
                sites.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                if (browser != null) {
                    browser.close();
                }
            } finally {
                if (sites != null) {
                    sites.close();
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared) {
            return;
        }
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (sites != null) {
            sites.close();
            sites = null;
        }
    }

    // Checked before each test, not once per class: a class-level skip leaves no trace in the test report.
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(found.isPresent(), LabSites::noBrowser);
        browser.reset();
        sites.clearExchanges();
    }

    /** The lab's browser (clean before each test). */
    public HeadlessBrowser browser() {
        return browser;
    }

    /** The lab's sites. */
    public LabSites sites() {
        return sites;
    }

    /** The legacy bank of module 04 (ATTACK DEMO). */
    public LegacyBank bank() {
        return sites.legacyBank();
    }

    /** Signs the browser in at the legacy bank through its own sign-in form, as a person would. */
    public void signIn(String user, String password) {
        browser.navigate(bank().uri("/sign-in"));
        browser.navigateBy("document.querySelector('#user').value = " + HeadlessBrowser.jsString(user) + ";"
                + " document.querySelector('#password').value = " + HeadlessBrowser.jsString(password) + ";"
                + " document.querySelector('#sign-in').submit();");
    }

    /** The browser's program, for tests that launch a second browser with other options. */
    public Path executable() {
        return found.orElseThrow();
    }
}
