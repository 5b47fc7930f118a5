package workshop.simulator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.simulator.browser.BrowserFinder.Os;

/** Where the lab looks for a browser on each operating system, checked against described machines. */
class BrowserFinderTest {

    private static BrowserFinder machine(Os os, Map<String, String> env, String... executables) {
        Set<String> files = Set.of(executables);
        return BrowserFinder.of(os, env, p -> files.contains(p.toString()));
    }

    @Test
    @DisplayName("WORKSHOP_BROWSER wins over everything on PATH")
    void theEnvironmentVariableWins() {
        BrowserFinder finder = machine(Os.LINUX, Map.of("WORKSHOP_BROWSER", "/opt/edge/msedge", "PATH", "/usr/bin"),
                "/opt/edge/msedge", "/usr/bin/chromium");

        assertThat(finder.find()).hasValue(Path.of("/opt/edge/msedge"));
    }

    @Test
    @DisplayName("a WORKSHOP_BROWSER that names no executable fails with a sentence, never falls back quietly")
    void aWrongEnvironmentVariableIsAnError() {
        BrowserFinder finder = machine(Os.LINUX, Map.of("WORKSHOP_BROWSER", "/usr/bin/chromum", "PATH", "/usr/bin"),
                "/usr/bin/chromium");

        assertThatThrownBy(finder::find).isInstanceOf(BrowserException.class)
                .hasMessage("WORKSHOP_BROWSER=/usr/bin/chromum is not an executable file. Set it to the full path of a"
                        + " Chromium-family browser's executable (e.g. /usr/bin/chromium), or unset it to let the kit"
                        + " look for one.");
    }

    @Test
    @DisplayName("WORKSHOP_BROWSER=none: no browser, on purpose, even where one is installed (the skipped path)")
    void noneMeansNoBrowser() {
        BrowserFinder finder = machine(Os.LINUX, Map.of("WORKSHOP_BROWSER", "none", "PATH", "/usr/bin"),
                "/usr/bin/chromium");

        assertThat(finder.find()).isEmpty();
    }

    @Test
    @DisplayName("Linux: the usual names on PATH, in PATH order, then snap and /opt")
    void linuxLooksOnThePathFirst() {
        BrowserFinder finder = machine(Os.LINUX, Map.of("PATH", "/home/me/bin:/usr/bin"),
                "/usr/bin/google-chrome", "/home/me/bin/microsoft-edge", "/snap/bin/chromium");

        assertThat(finder.find()).hasValue(Path.of("/home/me/bin/microsoft-edge"));
        assertThat(finder.candidates()).extracting(Path::toString).startsWith("/home/me/bin/chromium",
                "/home/me/bin/chromium-browser", "/home/me/bin/google-chrome", "/home/me/bin/google-chrome-stable",
                "/home/me/bin/microsoft-edge", "/home/me/bin/microsoft-edge-stable", "/usr/bin/chromium")
                .endsWith("/snap/bin/chromium", "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge");
        assertThat(machine(Os.LINUX, Map.of(), "/snap/bin/chromium").find()).hasValue(Path.of("/snap/bin/chromium"));
    }

    @Test
    @DisplayName("macOS: the apps in /Applications and ~/Applications")
    void macLooksInsideTheAppBundles() {
        BrowserFinder finder = machine(Os.MAC, Map.of("PATH", "/usr/bin:/opt/homebrew/bin", "HOME", "/Users/me"),
                "/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium");

        assertThat(finder.find()).hasValue(Path.of("/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium"));
        assertThat(finder.candidates()).extracting(Path::toString)
                .contains("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                        "/opt/homebrew/bin/chromium");
    }

    @Test
    @DisplayName("Windows: chrome.exe or msedge.exe on Path, then Program Files, Program Files (x86), LocalAppData")
    void windowsLooksInTheInstallFolders() {
        Map<String, String> env = Map.of("Path", "C:\\Windows\\system32;C:\\tools",
                "ProgramFiles", "C:\\Program Files", "ProgramFiles(x86)", "C:\\Program Files (x86)",
                "LOCALAPPDATA", "C:\\Users\\me\\AppData\\Local");
        BrowserFinder edgeOnly = machine(Os.WINDOWS, env,
                "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
        BrowserFinder userChrome = machine(Os.WINDOWS, env,
                "C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
                "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");

        assertThat(edgeOnly.find()).hasValue(Path.of("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"));
        assertThat(userChrome.find()).as("Edge in Program Files (x86) is tried before a per-user Chrome")
                .hasValue(Path.of("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"));
        assertThat(edgeOnly.candidates()).extracting(Path::toString).startsWith("C:\\Windows\\system32\\chrome.exe")
                .contains("C:\\tools\\msedge.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    }

    @Test
    @DisplayName("no browser: empty, and a sentence per system says how to install one")
    void noBrowserSaysHowToInstallOne() {
        assertThat(machine(Os.LINUX, Map.of("PATH", "/usr/bin")).find()).isEmpty();
        assertThat(machine(Os.LINUX, Map.of()).howToInstall()).contains("sudo apt-get install chromium", "WORKSHOP_BROWSER");
        assertThat(machine(Os.MAC, Map.of()).howToInstall()).contains("brew install --cask chromium", "/Applications");
        assertThat(machine(Os.WINDOWS, Map.of()).howToInstall()).contains("Microsoft Edge comes with Windows", "msedge.exe");
    }

    @Test
    @DisplayName("this machine's finder runs without error (finds a browser or none)")
    void thisMachine() {
        BrowserFinder finder = BrowserFinder.forThisMachine();
        assertThat(finder.candidates()).isNotEmpty();
        assertThat(finder.howToInstall()).endsWith(").");
    }
}
