package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workshop.simulator.MutableClock;

@Order(9)
@DisplayName("S9 · IDs never in logs")
class S9LogTest {

    private final SessionStore store = new SessionStore(MutableClock.atWorkshopStart(), Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S9 · a fingerprint is short, stable and differs between sessions")
    void fingerprint() {
        Session a = store.login(null, "ada");
        Session b = store.login(null, "ada");
        assertThat(a.fingerprint()).as("the same session always has the same fingerprint, so log lines can be correlated")
                .isEqualTo(a.fingerprint());
        assertThat(a.fingerprint()).as("two sessions, two fingerprints").isNotEqualTo(b.fingerprint());
        assertThat(a.fingerprint()).as("a fingerprint is a one-way hash of the ID (e.g. SHA-256, shortened), never a piece of it")
                .doesNotContain(a.id().substring(0, 6)).hasSizeBetween(6, 20);
    }

    @Test
    @Order(2)
    @DisplayName("S9 · toString shows the fingerprint, never the ID")
    void toStringRedacts() {
        Session session = store.login(null, "ada");
        String text = session.toString();
        assertThat(text)
                .as("toString ends up in logs, debuggers and error pages; anyone who reads the ID there can hijack the session "
                        + "(OWASP Logging Cheat Sheet: never log session IDs). Show the fingerprint instead")
                .doesNotContain(session.id())
                .contains(session.fingerprint());
    }

    @Test
    @Order(3)
    @DisplayName("S9 · a log line names the event, the user and the fingerprint, not the ID")
    void logLine() {
        Session session = store.login(null, "ada");
        String line = SessionLog.line("login", session);
        assertThat(line).as("a useful log line: what happened, to whom, which session (by fingerprint)")
                .contains("login").contains("ada").contains(session.fingerprint())
                .doesNotContain(session.id());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @Order(4)
    @DisplayName("S9 · a user name cannot forge a log line or a field: it is quoted and escaped")
    @CsvSource(delimiter = '|', textBlock = """
            CR LF, then a forged line                 | mallory\\r\\n2026-01-01T09:00:00Z session LOGIN ok user=admin
            a lone LF                                 | mallory\\nsession logout user=admin
            a lone CR (overwrites the line on a terminal) | mallory\\rsession login user=admin
            a quote that would close the field early  | ada" session=#000000000000
            a backslash before a quote                | ada\\\\" session=#000000000000
            NUL, ESC and a terminal colour code       | ada\\u0000\\u001b[31m admin
            a tab                                     | ada\\tadmin
            NEL and the Unicode line separators       | ada\\u0085x\\u2028y\\u2029z
            U+202E, which makes a line read backwards | ada\\u202enimda
            plain non-ASCII text, kept as it is       | Zoë Ørsted
            """)
    void userNameCannotForgeLines(String what, String escapedName) {
        String name = unescapeJava(escapedName);
        Session session = store.login(null, name);
        String line = SessionLog.line("login", session);
        for (char c : line.toCharArray()) {
            assertThat(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT)
                    .as("one event, one line (OWASP Logging Cheat Sheet; CWE-117): the line for user %s contains the invisible "
                            + "character U+%04X. Escape CR, LF, other control characters and the line separators in text a user "
                            + "chose, e.g. as \\r, \\n, \\u0085. Line: %s", quoteForMessage(name), (int) c, line)
                    .isFalse();
        }
        int field = line.indexOf("user=\"");
        assertThat(field).as("the user name goes into a quoted field user=\"...\", so nothing in it can start a new field. "
                + "Line: %s", line).isNotNegative();
        int[] end = new int[1];
        String logged = readQuoted(line, field + 5, end);
        assertThat(logged)
                .as("the quoted field, read back with JSON string escapes (\\\" \\\\ \\r \\n \\t \\uXXXX), gives exactly the "
                        + "user's name: escape the quote and the backslash too, or a name can close the field. Line: %s", line)
                .isEqualTo(name);
        String outside = line.substring(0, field) + line.substring(end[0]);
        assertThat(outside)
                .as("outside the quoted name, the line has its own fields only: one session=, the real fingerprint. Line: %s", line)
                .containsOnlyOnce("session=#")
                .contains("session=" + session.fingerprint())
                .doesNotContain("user=");
    }

    /** Reads a JSON-style quoted string starting at {@code start} (the opening quote); {@code end[0]} is set after the closing one. */
    private static String readQuoted(String line, int start, int[] end) {
        assertThat(line.charAt(start)).as("a quoted field starts with '\"': %s", line).isEqualTo('"');
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < line.length() && line.charAt(i) != '"') {
            char c = line.charAt(i++);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            assertThat(i).as("a backslash at the end of the line: %s", line).isLessThan(line.length());
            char escaped = line.charAt(i++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    assertThat(line.length()).as("\\u needs four hex digits: %s", line).isGreaterThanOrEqualTo(i + 4);
                    value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new AssertionError("\\" + escaped + " is no JSON string escape (use \\\" \\\\ \\r \\n \\t "
                        + "\\uXXXX): " + line);
            }
        }
        assertThat(i).as("the quoted user name is never closed: %s", line).isLessThan(line.length());
        end[0] = i + 1;
        return value.toString();
    }

    /** The table above writes invisible characters as Java escapes: backslash r, n, t, or u and four hex digits. */
    private static String unescapeJava(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String quoteForMessage(String name) {
        StringBuilder out = new StringBuilder("'");
        name.chars().forEach(c -> out.append(c < 0x20 || c >= 0x7f && c <= 0x9f || c > 0x2000 && c < 0x2030
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append("'").toString();
    }
}
