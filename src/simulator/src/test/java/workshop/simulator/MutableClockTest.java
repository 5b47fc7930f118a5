package workshop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilAdvanced() {
        MutableClock clock = MutableClock.atWorkshopStart();
        Instant start = clock.instant();
        assertThat(clock.instant()).isEqualTo(start);
        clock.advance(Duration.ofMinutes(15));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(900));
        assertThat(clock.millis()).isEqualTo(start.plusSeconds(900).toEpochMilli());
    }

    @Test
    void aCopyInAnotherZoneFollowsTheSameTime() {
        MutableClock clock = MutableClock.atWorkshopStart();
        java.time.Clock paris = clock.withZone(java.time.ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(1));
        assertThat(paris.instant()).isEqualTo(clock.instant());
    }
}
