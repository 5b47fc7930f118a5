package workshop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import workshop.simulator.browser.BrowserFinder;

/** The doctor keeps its own copy of the browser lab's list (it has no dependencies): the two must not drift. */
class DoctorBrowserListTest {

    static List<String> finder(BrowserFinder.Os os, Map<String, String> env) throws Exception {
        Method of = BrowserFinder.class.getDeclaredMethod("of", BrowserFinder.Os.class, Map.class, Predicate.class);
        of.setAccessible(true);
        Predicate<Path> nothingExecutable = p -> false;
        BrowserFinder finder = (BrowserFinder) of.invoke(null, os, env, nothingExecutable);
        return finder.candidates().stream().map(Path::toString).toList();
    }

    static List<String> doctor(Doctor.Os os, Map<String, String> env) {
        return Doctor.browserCandidates(os, env).stream().map(Path::toString).toList();
    }

    @Test
    void linux_candidates_are_the_same() throws Exception {
        Map<String, String> env = Map.of("PATH", "/usr/local/bin:/usr/bin::/snap/bin/", "HOME", "/home/ada");
        assertThat(doctor(Doctor.Os.LINUX, env)).isNotEmpty().isEqualTo(finder(BrowserFinder.Os.LINUX, env));
    }

    @Test
    void mac_candidates_are_the_same() throws Exception {
        Map<String, String> env = Map.of("PATH", "/opt/homebrew/bin:/usr/bin", "HOME", "/Users/ada");
        assertThat(doctor(Doctor.Os.MAC, env)).isNotEmpty().isEqualTo(finder(BrowserFinder.Os.MAC, env));
    }

    @Test
    void windows_candidates_are_the_same() throws Exception {
        Map<String, String> env = Map.of("Path", "C:\\Windows\\system32;C:\\Tools\\", "ProgramFiles",
                "C:\\Program Files", "ProgramFiles(x86)", "C:\\Program Files (x86)", "LOCALAPPDATA",
                "C:\\Users\\ada\\AppData\\Local");
        assertThat(doctor(Doctor.Os.WINDOWS, env)).isNotEmpty().isEqualTo(finder(BrowserFinder.Os.WINDOWS, env));
    }

    @Test
    void this_machine_candidates_are_the_same() throws Exception {
        Map<String, String> env = System.getenv();
        assertThat(doctor(Doctor.Os.current(), env)).isEqualTo(finder(BrowserFinder.Os.current(), env));
    }
}
