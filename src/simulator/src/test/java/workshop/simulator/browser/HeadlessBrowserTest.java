package workshop.simulator.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab's API: pages, scripts, stored cookies, recorded requests, and clear failures instead of hangs. */
class HeadlessBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();


    @Test
    @DisplayName("navigate waits for the page; evaluate returns strings as they are and other values as JSON")
    void navigateAndEvaluate() {
        LAB.browser().navigate(LAB.sites().bank("/lab/transfer"));

        assertThat(LAB.browser().currentUrl()).isEqualTo(LAB.sites().bank("/lab/transfer"));
        assertThat(LAB.browser().evaluate("document.body.textContent")).isEqualTo("Transfer done.");
        assertThat(LAB.browser().evaluate("6 * 7")).isEqualTo("42");
        assertThat(LAB.browser().evaluate("({a: [1, 'x']})")).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(LAB.browser().evaluate("undefined")).isEqualTo("undefined");
        assertThat(LAB.browser().evaluate("Promise.resolve('awaited')")).isEqualTo("awaited");
        assertThat(LAB.browser().evaluateJson("[1, 2]").size()).isEqualTo(2);
        assertThat(LAB.browser().version()).as("Chromium, Chrome and Edge all call themselves Chrome here").contains("Chrome/");
    }

    @Test
    @DisplayName("a script that throws fails with the page's error message")
    void scriptErrorsAreReported() {
        LAB.browser().navigate(LAB.sites().bank("/lab/transfer"));

        assertThatThrownBy(() -> LAB.browser().evaluate("null.cookie"))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("The script threw in the page: TypeError")
                .hasMessageContaining("null.cookie");
        assertThatThrownBy(() -> LAB.browser().submitForm("#missing"))
                .isInstanceOf(BrowserException.class).hasMessageContaining("no form matches #missing");
    }

    @Test
    @DisplayName("cookies() shows what the browser stored: expiry for Max-Age, session for none, host-only domain")
    void cookiesAsStored() {
        Instant before = Instant.now();
        LAB.browser().navigate(LAB.sites().bank("/prefs?theme=dark")); // the cookie site's own page: Max-Age=600, SameSite=Lax
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));

        BrowserCookie theme = LAB.browser().cookie("theme").orElseThrow();
        assertThat(theme.session()).isFalse();
        assertThat(theme.expires()).hasValueSatisfying(e -> assertThat(e)
                .isBetween(before.plusSeconds(600 - 5), Instant.now().plusSeconds(600 + 5)));
        assertThat(theme.domain()).as("no Domain attribute: a host-only cookie for the IP address").isEqualTo("127.0.0.1");
        assertThat(theme.sameSite()).hasValue("Lax");
        BrowserCookie lax = LAB.browser().cookie("lax").orElseThrow();
        assertThat(lax.session()).isTrue();
        assertThat(lax.expires()).isEmpty();
        assertThat(lax.toString()).isEqualTo("lax=1; Domain=127.0.0.1 (host-only); Path=/; (session); SameSite=Lax");
    }

    @Test
    @DisplayName("requests() records every request with the headers as sent, and agrees with the server")
    void requestsAsSent() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        LAB.browser().navigate(LAB.sites().crossSite("/lab/image"));

        SeenRequest page = LAB.browser().requestsTo("/lab/image").get(0);
        SeenRequest image = LAB.browser().requestsTo("/lab/pixel.gif").get(0);
        assertThat(page.method()).isEqualTo("GET");
        assertThat(page.type()).isEqualTo("Document");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.sentHeadersKnown()).isTrue();
        assertThat(image.type()).isEqualTo("Image");
        assertThat(image.header("referer")).as("header names are case-insensitive; across origins the browser sends"
                + " only the page's origin (referrer policy strict-origin-when-cross-origin)")
                .hasValue(LAB.sites().crossSite("/").toString());
        assertThat(image.cookieHeader()).isEqualTo(java.util.Optional.ofNullable(
                LAB.sites().bankReceived("/lab/pixel.gif").get(0).getRequest().getHeader("Cookie")));
        LAB.browser().clearRequests();
        assertThat(LAB.browser().requests()).isEmpty();
    }

    @Test
    @DisplayName("reset() forgets cookies and requests")
    void resetStartsClean() {
        LAB.browser().navigate(LAB.sites().bank("/lab/login"));
        LAB.browser().reset();

        assertThat(LAB.browser().cookies()).isEmpty();
        assertThat(LAB.browser().requests()).isEmpty();
        assertThat(LAB.browser().currentUrl()).hasToString("about:blank");
    }

    @Test
    @DisplayName("a port where nothing listens fails at once with a hint")
    void refusedConnectionsSayWhy() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");

        assertThatThrownBy(() -> LAB.browser().navigate(nowhere))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("could not load " + nowhere)
                .hasMessageContaining("ERR_CONNECTION_REFUSED")
                .hasMessageContaining("is the simulated server still running");
    }

    @Test
    @DisplayName("a page that does not finish loading fails after the timeout with a clear message, never hangs")
    void slowPagesTimeOut() {
        LAB.sites().bank.wireMock().stubFor(get(urlPathEqualTo("/lab/slow.gif"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        LAB.sites().bank.wireMock().stubFor(get(urlPathEqualTo("/lab/slow"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<img src=\"/lab/slow.gif\">")));
        try (HeadlessBrowser impatient = HeadlessBrowser.launch(LaunchOptions.defaults().withExecutable(LAB.executable())
                .withTimeout(Duration.ofMillis(500)))) {
            URI slow = LAB.sites().bank("/lab/slow");

            assertThatThrownBy(() -> impatient.navigate(slow))
                    .isInstanceOf(BrowserException.class)
                    .hasMessage("The browser did not load " + slow + " within 500 ms. Is the server answering"
                            + " (a page that never ends, a very slow image)?");
        }
    }
}
