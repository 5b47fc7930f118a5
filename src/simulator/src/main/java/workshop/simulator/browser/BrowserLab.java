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
 */
public final class BrowserLab implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private Optional<Path> found = Optional.empty();
    private LabSites sites;
    private HeadlessBrowser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        found = LabSites.findBrowser();
        if (found.isPresent()) {
            sites = LabSites.start();
            browser = HeadlessBrowser.launch(found.get());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
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
