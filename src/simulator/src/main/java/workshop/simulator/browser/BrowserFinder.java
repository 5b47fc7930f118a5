package workshop.simulator.browser;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a Chromium-family browser (Chromium, Google Chrome, Microsoft Edge) for the browser lab.
 * <p>
 * The environment variable {@value #ENV} (the path of the browser's executable) wins; it is never second-guessed:
 * when it is set but names no executable file, {@link #find()} says so instead of quietly using another browser.
 * Otherwise the usual names on {@code PATH} and the usual install locations of the operating system are tried,
 * in the order of {@link #candidates()}. {@value #ENV}{@code =none} means "no browser": {@link #find()} is empty.
 */
public final class BrowserFinder {

    /** The environment variable that names the browser to use, e.g. {@code /usr/bin/chromium}. */
    public static final String ENV = "WORKSHOP_BROWSER";

    /**
     * {@value #ENV}{@code =none}: run as if no browser were installed (the browser steps are then skipped), to see
     * that path on a machine that has one.
     */
    public static final String NONE = "none";

    /** How a browser step that cannot run begins its message (the progress table shows such a step as skipped). */
    public static final String NO_BROWSER = "skipped: no browser";

    /** The operating systems the finder knows the install locations of. */
    public enum Os {
        LINUX, MAC, WINDOWS;

        /** The operating system this JVM runs on (anything that is neither Windows nor macOS is treated as Linux). */
        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") || name.contains("darwin") ? MAC : LINUX;
        }
    }

    private static final List<String> UNIX_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable");
    private static final List<String> WINDOWS_NAMES = List.of("chrome.exe", "msedge.exe", "chromium.exe");
    private static final List<String> MAC_APPS = List.of("Google Chrome.app/Contents/MacOS/Google Chrome",
            "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge");

    private final Os os;
    private final Map<String, String> env;
    private final Predicate<Path> isExecutable;

    private BrowserFinder(Os os, Map<String, String> env, Predicate<Path> isExecutable) {
        this.os = os;
        this.env = Map.copyOf(env);
        this.isExecutable = isExecutable;
    }

    /** A finder for this machine: its operating system, environment and files. */
    public static BrowserFinder forThisMachine() {
        return new BrowserFinder(Os.current(), System.getenv(),
                p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    /** A finder for another machine, described by its operating system, environment and executable files. */
    static BrowserFinder of(Os os, Map<String, String> env, Predicate<Path> isExecutable) {
        return new BrowserFinder(os, env, isExecutable);
    }

    /**
     * The browser to use: the one {@value #ENV} names, else the first candidate that is an executable file.
     *
     * @throws BrowserException if {@value #ENV} is set but names no executable file (a typo must not look like
     *                          "no browser installed", nor silently pick another browser)
     */
    public Optional<Path> find() {
        String chosen = env.getOrDefault(ENV, "").strip();
        if (chosen.equals(NONE)) {
            return Optional.empty();
        }
        if (!chosen.isEmpty()) {
            Path path = toPath(chosen);
            if (path == null || !isExecutable.test(path)) {
                throw new BrowserException(ENV + "=" + chosen + " is not an executable file. Set it to the full path of"
                        + " a Chromium-family browser's executable (" + example() + "), or unset it to let the kit"
                        + " look for one.");
            }
            return Optional.of(path);
        }
        return candidates().stream().filter(isExecutable).findFirst();
    }

    /** Where this finder looks, in order (without {@value #ENV}). */
    public List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        List<String> names = os == Os.WINDOWS ? WINDOWS_NAMES : UNIX_NAMES;
        for (String dir : pathDirectories()) {
            for (String name : names) {
                add(out, dir, name);
            }
        }
        switch (os) {
            case LINUX -> {
                add(out, "/snap/bin", "chromium");
                add(out, "/opt/google/chrome", "chrome");
                add(out, "/opt/microsoft/msedge", "msedge");
            }
            case MAC -> {
                for (String app : MAC_APPS) {
                    add(out, "/Applications", app);
                }
                String home = env.getOrDefault("HOME", "");
                for (String app : MAC_APPS) {
                    add(out, home.isEmpty() ? "" : home + "/Applications", app);
                }
            }
            case WINDOWS -> {
                for (String root : List.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")) {
                    String dir = env.getOrDefault(root, "");
                    add(out, dir, "Google\\Chrome\\Application\\chrome.exe");
                    add(out, dir, "Microsoft\\Edge\\Application\\msedge.exe");
                    add(out, dir, "Chromium\\Application\\chrome.exe");
                }
            }
        }
        return out.stream().distinct().toList();
    }

    /** One sentence for "skipped: no browser": how to install a Chromium-family browser on this operating system. */
    public String howToInstall() {
        return switch (os) {
            case LINUX -> "Install Chromium (Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium;"
                    + " Fedora: sudo dnf install chromium) or Google Chrome, or set " + ENV + " to the path of a"
                    + " Chromium-family browser (" + example() + ").";
            case MAC -> "Install Google Chrome, Microsoft Edge or Chromium (brew install --cask chromium) into"
                    + " /Applications, or set " + ENV + " to the executable inside the app (" + example() + ").";
            case WINDOWS -> "Microsoft Edge comes with Windows 10 and 11; if it was removed, install Google Chrome, or set "
                    + ENV + " to the path of chrome.exe or msedge.exe (" + example() + ").";
        };
    }

    private String example() {
        return switch (os) {
            case LINUX -> "e.g. /usr/bin/chromium";
            case MAC -> "e.g. /Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            case WINDOWS -> "e.g. C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
        };
    }

    private List<String> pathDirectories() {
        String path = env.getOrDefault(os == Os.WINDOWS ? windowsPathKey() : "PATH", "");
        List<String> dirs = new ArrayList<>();
        for (String dir : path.split(os == Os.WINDOWS ? ";" : ":")) {
            if (!dir.isBlank()) {
                dirs.add(dir.strip());
            }
        }
        return dirs;
    }

    // Windows spells it Path; a Map copy of the environment is case-sensitive.
    private String windowsPathKey() {
        return env.keySet().stream().filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("Path");
    }

    private void add(List<Path> out, String dir, String relative) {
        if (dir == null || dir.isBlank()) {
            return;
        }
        String separator = os == Os.WINDOWS ? "\\" : "/";
        String joined = dir.endsWith(separator) ? dir + relative : dir + separator + relative;
        Path path = toPath(joined);
        if (path != null) {
            out.add(path);
        }
    }

    private static Path toPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null; // a PATH entry this file system cannot even name holds no browser
        }
    }
}
