package dev.auditsdk.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock a test moves by hand, so token and session expiry can be tested without waiting;
 * share one between a simulator and a source to move both. Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** @param start the clock's first instant */
    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone only changes how the time is shown, not the instant: this clock serves any. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
