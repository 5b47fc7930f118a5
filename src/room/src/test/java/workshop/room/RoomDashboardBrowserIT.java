package workshop.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.simulator.browser.HeadlessBrowser;
import workshop.simulator.browser.LabSites;

/**
 * The dashboard in a real headless Chromium (the kit's own CDP driver): three learners appear, a new result turns a
 * cell green within a bounded time, and a name made of markup stays text. Saves {@code target/room-dashboard.png}.
 */
class RoomDashboardBrowserIT {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    @DisplayName("the dashboard shows the learners live, turns a cell green, renders a markup name as text")
    void liveGrid() throws Exception {
        Optional<Path> found = LabSites.findBrowser();
        Assumptions.assumeTrue(found.isPresent(), LabSites::noBrowser);
        Syllabus kit = Syllabus.of(Path.of("../.."));
        try (RoomServer server = new RoomServer(new Room(kit, Clock.systemUTC(), 200), RoomFixture.CODE, RoomFixture.KEY,
                false, Clock.systemUTC(), Duration.ofSeconds(20)).start(0);
             HeadlessBrowser browser = HeadlessBrowser.launch(found.get())) {
            RoomClient client = new RoomClient();
            String url = "http://127.0.0.1:" + server.port();

            browser.navigate(server.dashboardUrl());
            // Any dialog a script opens from now on is counted instead of shown.
            browser.evaluate("window.__dialogs = 0; ['alert', 'confirm', 'prompt'].forEach(f =>"
                    + " window[f] = () => { window.__dialogs++; }); 'ok'");
            awaitTrue(browser, "document.body.dataset.version === '0'", "the empty grid is drawn");

            send(client, url, "ana", result("C1", "passed", 1), result("C2", "failed", 0));
            send(client, url, "bo", result("C1", "failed", 2));
            send(client, url, XSS, result("C1", "passed", 0), result("C2", "passed", 3));
            awaitTrue(browser, "document.querySelectorAll('tr[data-learner]').length === 3", "three learners appear");

            assertThat(browser.evaluateJson("[...document.querySelectorAll('tr[data-learner] th')].map(th => th.textContent)")
                    .toString()).contains("\"ana\"", "\"bo\"", "\"<img src=x onerror=alert(1)>\"");
            assertThat(browser.evaluate("String(document.querySelectorAll('img').length)"))
                    .as("the name is text: no <img> element exists").isEqualTo("0");
            assertThat(browser.evaluate("String(window.__dialogs)")).as("no alert fired").isEqualTo("0");
            assertThat(cellClass(browser, "bo", "C1")).isEqualTo("s-failed");
            assertThat(cellClass(browser, "ana", "C2")).isEqualTo("s-failed");
            assertThat(browser.evaluate("document.getElementById('stuck').textContent")).contains("C1", "bo")
                    .contains("C2", "ana");

            send(client, url, "bo", result("C1", "passed", 2));
            Instant accepted = Instant.now();
            awaitTrue(browser, cellSelector("bo", "C1") + ".className === 's-passed'", "bo's C1 turns green");
            Duration took = Duration.between(accepted, Instant.now());
            System.out.println("Room dashboard: bo's C1 turned green " + took.toMillis() + " ms after the post was accepted");
            assertThat(took).isLessThan(BOUND);
            assertThat(cellClass(browser, "bo", "C1")).isEqualTo("s-passed");
            assertThat(browser.evaluate(cellSelector("bo", "C1") + ".textContent")).isEqualTo("2");

            Path png = Path.of("target", "room-dashboard.png");
            Files.createDirectories(png.getParent());
            Files.write(png, browser.screenshot());
            assertThat(Files.size(png)).isGreaterThan(1000);
            assertThat(browser.evaluate("String(window.__dialogs)")).isEqualTo("0");

            browser.navigate(server.url().resolve("/"));
            awaitTrue(browser, "document.getElementById('problem').textContent.includes('No instructor key')",
                    "without #key=… the page says how to open the dashboard");
            assertThat(browser.evaluate("document.querySelectorAll('tr[data-learner]').length")).isEqualTo("0");
        }
    }

    private static StepResult result(String step, String status, int hints) {
        return new StepResult("01-cookies", step, status, hints, Instant.now());
    }

    private static void send(RoomClient client, String url, String name, StepResult... steps) {
        RoomClient.Sent sent = client.send(RoomSettings.of(url, RoomFixture.CODE, name), List.of(steps));
        assertThat(sent.ok()).as(sent.line()).isTrue();
    }

    private static String cellSelector(String name, String step) {
        return "[...document.querySelectorAll('tr[data-learner]')].find(tr => tr.dataset.learner === " + js(name)
                + ").querySelector('td[data-step=\"" + step + "\"]')";
    }

    private static String cellClass(HeadlessBrowser browser, String name, String step) {
        return browser.evaluate(cellSelector(name, step) + ".className");
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Polls the page until the condition holds; fails after {@link #BOUND} with what was expected. */
    private static void awaitTrue(HeadlessBrowser browser, String condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Supplier<String> value = () -> {
            try {
                return browser.evaluate("String(!!(" + condition + "))");
            } catch (RuntimeException e) {
                return "false";
            }
        };
        while (!value.get().equals("true")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Within " + BOUND.toSeconds() + " s: " + what + " (" + condition + ")");
            }
            Thread.sleep(20);
        }
    }
}
