package workshop.simulator.browser;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lab for one test class ({@code @RegisterExtension static final BrowserLab LAB = new BrowserLab();}): the two
 * sites and one browser, started once for the class and stopped after it. Before each test the browser is clean and
 * the sites' records empty — or, with no browser on the machine, the test is skipped saying how to install one.
 */
final class BrowserLab implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

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

    @Override
    public void beforeEach(ExtensionContext context) {
        LabSites.assumeBrowser(found);
        browser.reset();
        sites.clearExchanges();
    }

    HeadlessBrowser browser() {
        return browser;
    }

    LabSites sites() {
        return sites;
    }

    /** The browser's program, for tests that launch a second browser with other options. */
    Path executable() {
        return found.orElseThrow();
    }
}
