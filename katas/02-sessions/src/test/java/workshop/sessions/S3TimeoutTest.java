package workshop.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.katasupport.ExpectThrow;
import workshop.simulator.MutableClock;

@Order(3)
@DisplayName("S3 · idle and absolute timeouts")
class S3TimeoutTest {

    private final MutableClock clock = MutableClock.atWorkshopStart();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    @Order(1)
    @DisplayName("S3 · a new session expires 15 idle minutes after creation")
    void expiresAtIdle() {
        Session session = store.create();
        assertThat(store.expiresAt(session))
                .as("idle timeout: 15 minutes after the last request. The OWASP Session Management Cheat Sheet gives 2-5 minutes "
                        + "for high-value applications and 15-30 minutes for low-risk ones; the kata uses 15")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    @Order(2)
    @DisplayName("S3 · a session idle for 14 minutes is still there")
    void stillAliveBeforeIdle() {
        Session session = store.create();
        clock.advance(Duration.ofMinutes(14));
        assertThat(store.find(session.id())).as("14 minutes idle < 15 minutes: still alive").isPresent();
        assertThat(store.expiresAt(session)).as("the request just now restarted the idle timer")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    @Order(3)
    @DisplayName("S3 · a session idle for 15 minutes is gone")
    void idleTimeout() {
        Session session = store.create();
        clock.advance(Duration.ofMinutes(15));
        assertThat(store.find(session.id()))
                .as("after 15 minutes without a request, find must not return the session (expiresAt was %s, now is %s)",
                        store.expiresAt(session), clock.instant())
                .isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("S3 · every request slides the idle timeout")
    void slidingIdle() {
        Session session = store.create();
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(store.find(session.id()))
                    .as("a request every 10 minutes keeps the session alive (sliding idle timeout), %d minutes in", i * 10)
                    .isPresent();
        }
    }

    @Test
    @Order(5)
    @DisplayName("S3 · the absolute timeout ends even a busy session after 8 hours")
    void absoluteTimeout() {
        Session session = store.create();
        for (int minutes = 10; minutes < 8 * 60; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(store.find(session.id())).as("busy session, %d minutes in", minutes).isPresent();
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.find(session.id()))
                .as("8 hours after creation the session ends however busy it is: activity never extends the absolute timeout "
                        + "(OWASP Session Management, 'Absolute Timeout')")
                .isEmpty();
    }

    @Test
    @Order(6)
    @DisplayName("S3 · near the end, the absolute deadline wins over the idle one")
    void absoluteWinsNearTheEnd() {
        Session session = store.create();
        clock.advance(Duration.ofHours(7).plusMinutes(55));
        session.touch(clock.instant());
        assertThat(store.expiresAt(session))
                .as("idle would say 8:10, absolute says 8:00: a session ends at the EARLIER deadline")
                .isEqualTo(session.createdAt().plus(Duration.ofHours(8)));
    }

    @Test
    @Order(7)
    @DisplayName("S3 · nonsense timeouts are refused when the store is built")
    void refusesNonsense() {
        String why = "an idle timeout of zero, or an absolute timeout shorter than the idle one, is a configuration mistake"
                + " that would quietly end every session at once or never idle it out: refuse it in the constructor with a"
                + " sentence that says so (OWASP Session Management Cheat Sheet, Session Expiration)";
        ExpectThrow.expect(IllegalArgumentException.class, "new SessionStore(clock, idle 9 h, absolute 8 h)",
                () -> new SessionStore(clock, Duration.ofHours(9), Duration.ofHours(8)), why);
        ExpectThrow.expect(IllegalArgumentException.class, "new SessionStore(clock, idle 0, absolute 8 h)",
                () -> new SessionStore(clock, Duration.ZERO, Duration.ofHours(8)), why);
    }
}
