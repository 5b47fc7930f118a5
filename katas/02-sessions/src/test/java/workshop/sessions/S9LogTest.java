package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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
}
