package workshop.simulator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lab's guard rails that need no browser: which switches and which addresses it refuses. */
class LaunchOptionsTest {

    @ParameterizedTest(name = "refuses the switch {0}")
    @ValueSource(strings = {"--remote-debugging-port=9222", "--remote-allow-origins=*", "--Remote-Debugging-Pipe",
            "--user-data-dir=/home/me", "--headless=old", "--host-resolver-rules=MAP * 10.0.0.1",
            "--proxy-server=http://proxy:3128", "https://evil.example/"})
    void refusesSwitchesThatWidenTheLab(String unsafe) {
        assertThatThrownBy(() -> LaunchOptions.defaults().withSwitches(unsafe))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("'" + unsafe + "' is not allowed")
                .hasMessageContaining("closed to pages");
    }

    @Test
    @DisplayName("defaults: found browser, 10 s per operation, third-party cookies allowed, no extra switches")
    void defaults() {
        LaunchOptions options = LaunchOptions.defaults();

        assertThat(options.executable()).isEmpty();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.thirdPartyCookiesBlocked()).isFalse();
        assertThat(options.extraSwitches()).isEmpty();
        LaunchOptions changed = options.withExecutable(Path.of("/usr/bin/chromium")).withTimeout(Duration.ofSeconds(3))
                .withThirdPartyCookiesBlocked().withSwitches("--enable-features=X");
        assertThat(changed).isEqualTo(new LaunchOptions(java.util.Optional.of(Path.of("/usr/bin/chromium")),
                Duration.ofSeconds(3), true, java.util.List.of("--enable-features=X")));
    }

    @ParameterizedTest(name = "opens {0}")
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost:9090/a?b=c", "http://[::1]:1234/",
            "https://LOCALHOST:8443/"})
    void opensLoopbackAddresses(String address) {
        assertThat(HeadlessBrowser.requireLoopback(URI.create(address))).hasToString(address);
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"https://example.com/", "http://10.0.0.1/", "http://127.0.0.1@evil.example/",
            "http://user@127.0.0.1/", "http://localhost.evil.example/", "http://127.0.0.2/", "file:///etc/passwd",
            "ws://127.0.0.1:9222/devtools/browser/x", "about:blank", "/relative"})
    void refusesEverythingElse(String address) {
        assertThatThrownBy(() -> HeadlessBrowser.requireLoopback(URI.create(address)))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("opens only loopback addresses")
                .hasMessageContaining(address + " is not one");
    }
}
