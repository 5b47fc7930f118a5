package workshop.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: tests and notebooks share it with the simulated
 * server, so "one hour later" takes no time at all.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now; // shared with copies made by withZone
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at 2026-01-01T09:00:00Z, a fixed and readable starting point. */
    public static MutableClock atWorkshopStart() {
        return new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
    }

    /** Moves time forward (or back, with a negative duration). */
    public MutableClock advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
        return this;
    }

    public MutableClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
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
        return "MutableClock[" + now.get() + "]";
    }
}
