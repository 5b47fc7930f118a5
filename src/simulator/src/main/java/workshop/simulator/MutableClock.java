package workshop.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until told to move: tests and notebooks share it with the simulated
 * server, so "one hour later" takes no time at all.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock at 2026-01-01T09:00:00Z, a fixed and readable starting point. */
    public static MutableClock atWorkshopStart() {
        return new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    }

    /** Moves time forward (or back, with a negative duration). */
    public synchronized MutableClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public synchronized MutableClock set(Instant instant) {
        now = instant;
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now + "]";
    }
}
