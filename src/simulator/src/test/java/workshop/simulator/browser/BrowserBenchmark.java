package workshop.simulator.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * How long the browser lab takes: from launching the browser to the first verdict (a cross-site POST withholds a
 * SameSite=Lax cookie), and a run of five checks in one browser; also launch and close alone. Medians of 5 runs,
 * each in a fresh browser. Prints; asserts nothing (not a timed test). Arguments are extra browser switches, to
 * compare a setting ({@code -Dexec.args=--disable-gpu}).
 * <pre>mvn -q -pl src/simulator test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=workshop.simulator.browser.BrowserBenchmark</pre>
 */
public final class BrowserBenchmark {

    private static final int RUNS = 5;

    public static void main(String[] args) {
        BrowserFinder finder = BrowserFinder.forThisMachine();
        Path executable = finder.find().orElseThrow(() -> new IllegalStateException("No browser: " + finder.howToInstall()));
        LaunchOptions options = LaunchOptions.defaults().withExecutable(executable).withSwitches(args);
        List<Long> launch = new ArrayList<>();
        List<Long> firstVerdict = new ArrayList<>();
        List<Long> fiveChecks = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        String version = "";
        try (LabSites sites = LabSites.start()) {
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                HeadlessBrowser browser = HeadlessBrowser.launch(options);
                long launched = System.nanoTime();
                check(laxStaysHomeOnCrossSitePost(browser, sites), "Lax withheld from a cross-site POST");
                long verdict = System.nanoTime();
                browser.reset();
                long checksStart = System.nanoTime();
                runFiveChecks(browser, sites);
                long checksEnd = System.nanoTime();
                version = browser.version();
                browser.close();
                long closed = System.nanoTime();
                launch.add(launched - start);
                firstVerdict.add(verdict - start);
                fiveChecks.add(checksEnd - checksStart);
                close.add(closed - checksEnd);
                System.out.printf("run %d: launch %.0f ms, first verdict %.0f ms, five checks %.0f ms, close %.0f ms%n",
                        run + 1, ms(launched - start), ms(verdict - start), ms(checksEnd - checksStart), ms(closed - checksEnd));
            }
        }
        System.out.println(version + " at " + executable + " " + String.join(" ", args) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.printf("median of %d: launch %.0f ms | launch to first verdict %.0f ms | five checks %.0f ms | close %.0f ms%n",
                RUNS, median(launch), median(firstVerdict), median(fiveChecks), median(close));
    }

    private static boolean laxStaysHomeOnCrossSitePost(HeadlessBrowser browser, LabSites sites) {
        browser.navigate(sites.bank("/lab/login"));
        browser.navigate(sites.crossSite("/lab/form"));
        browser.submitForm("#f");
        return !browser.requestsTo("/lab/transfer").get(0).sent("lax");
    }

    private static void runFiveChecks(HeadlessBrowser browser, LabSites sites) {
        browser.navigate(sites.bank("/lab/login"));
        check(!browser.evaluate("document.cookie").contains("http_only"), "HttpOnly hidden from scripts");
        check(laxStaysHomeOnCrossSitePost(browser, sites), "Lax withheld from a cross-site POST");
        browser.navigate(sites.crossSite("/lab/link"));
        browser.click("#go");
        check(lastTransfer(browser, r -> r.sent("lax") && !r.sent("strict")), "Lax sent, Strict withheld on a cross-site GET");
        browser.navigate(sites.sameSite("/lab/form"));
        browser.submitForm("#f");
        check(lastTransfer(browser, r -> r.sent("strict")), "Strict sent from the same site on another port");
        check(browser.cookie("none_insecure").isEmpty(), "SameSite=None without Secure refused");
    }

    private static boolean lastTransfer(HeadlessBrowser browser, Predicate<SeenRequest> verdict) {
        List<SeenRequest> transfers = browser.requestsTo("/lab/transfer");
        return verdict.test(transfers.get(transfers.size() - 1));
    }

    private static void check(boolean verdict, String what) {
        if (!verdict) {
            throw new IllegalStateException("The browser did not show: " + what);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return ms(sorted.get(sorted.size() / 2));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
