package dev.auditsdk.core.spi.paging;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A half-open time range {@code [start, end)}: the unit a {@link TimeWindowPager} fetches.
 * The static helpers split a query's range the ways vendors need.
 */
@Value.Immutable
public abstract class TimeWindow {

    /** @return the first instant of the window, inclusive */
    @Value.Parameter
    public abstract Instant start();

    /** @return the end of the window, exclusive */
    @Value.Parameter
    public abstract Instant end();

    /**
     * @param start inclusive
     * @param end exclusive, after {@code start}
     * @return the window
     */
    public static TimeWindow of(Instant start, Instant end) {
        return ImmutableTimeWindow.of(start, end);
    }

    /**
     * Splits {@code [start, end)} into consecutive windows of at most {@code length}.
     *
     * @param start inclusive
     * @param end exclusive
     * @param length the longest window
     * @return the windows in ascending order; empty when {@code start} is not before {@code end}
     */
    public static List<TimeWindow> split(Instant start, Instant end, Duration length) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length must be positive, was " + length);
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Instant s = start; s.isBefore(end); ) {
            Instant e = end.minus(length).isBefore(s) ? end : s.plus(length);
            windows.add(of(s, e));
            s = e;
        }
        return windows;
    }

    /**
     * Splits {@code [start, end)} at UTC midnights, {@code days} calendar days per window; the
     * first and last windows are clipped to the range. For day-granular APIs (Sonatype
     * Lifecycle): each window lies within whole UTC days that can be requested as such.
     *
     * @param start inclusive
     * @param end exclusive
     * @param days calendar days per window, at least 1
     * @return the windows in ascending order; empty when {@code start} is not before {@code end}
     */
    public static List<TimeWindow> utcDays(Instant start, Instant end, int days) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days <= 0) {
            throw new IllegalArgumentException("days must be positive, was " + days);
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Instant s = start; s.isBefore(end); ) {
            Instant boundary = s.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(days).toInstant();
            Instant e = boundary.isBefore(end) ? boundary : end;
            windows.add(of(s, e));
            s = e;
        }
        return windows;
    }

    /**
     * @param t an instant
     * @return whether it lies in {@code [start, end)}
     */
    public final boolean contains(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    @Value.Check
    void check() {
        if (!start().isBefore(end())) {
            throw new IllegalArgumentException("TimeWindow: start (" + start() + ") must be before end (" + end() + ")");
        }
    }

    @Override
    public String toString() {
        return "[" + start() + ", " + end() + ")";
    }
}
