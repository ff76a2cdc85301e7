package dev.auditsdk.cli;

import dev.auditsdk.core.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one stream of {@code tail} is doing, as {@code /health} shows it: {@code healthy} (its last
 * poll read to the end), {@code degraded} (its last poll met a network failure or vendor outage,
 * retried) or {@code failed} (its last poll was refused: sign-in, permission, settings, unreadable
 * data; retried with backoff, but it needs a person), with the last error's one-line message and
 * the lag, now minus the time up to which every entry was delivered.
 */
final class StreamHealth {
    /** A stream's state. */
    enum Status {
        /** The last poll read to its end (or no poll has failed yet). */
        HEALTHY,
        /** The last poll failed on the network or a vendor outage; retried. */
        DEGRADED,
        /** The last poll failed for a reason retrying alone does not fix. */
        FAILED;

        /** @return the name {@code /health} shows */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String stream;
    private final String vendor;
    private final Clock clock;
    private Status status = Status.HEALTHY;
    private String lastError;
    private Instant caughtUpTo;
    private Instant watermark;
    private long entries;

    /**
     * @param stream the stream's name
     * @param vendor its vendor
     * @param clock for the lag
     */
    StreamHealth(String stream, String vendor, Clock clock) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A poll read to its end.
     *
     * @param readTo the end of the range it read
     * @param position the stream's position after it
     * @param total the entries written by this run
     */
    synchronized void polled(Instant readTo, Checkpoint position, long total) {
        status = Status.HEALTHY;
        lastError = null;
        caughtUpTo = readTo;
        watermark = position.watermark();
        entries = total;
    }

    /**
     * A poll failed.
     *
     * @param outage true for a network failure or vendor outage ({@code degraded}), false otherwise ({@code failed})
     * @param message the failure in one line, free of secrets
     * @param position the stream's position after what was written before the failure, or null
     * @param total the entries written by this run
     */
    synchronized void failed(boolean outage, String message, Checkpoint position, long total) {
        status = outage ? Status.DEGRADED : Status.FAILED;
        lastError = Objects.requireNonNull(message, "message");
        if (position != null) {
            watermark = position.watermark();
        }
        entries = total;
    }

    /**
     * @param position where the stream starts, so the lag is known before its first poll ends
     */
    synchronized void starting(Checkpoint position) {
        caughtUpTo = position.earliest();
        watermark = position.watermark();
    }

    String stream() {
        return stream;
    }

    String vendor() {
        return vendor;
    }

    synchronized Status status() {
        return status;
    }

    synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    synchronized long entries() {
        return entries;
    }

    /** @return now minus the time up to which the stream delivered every entry, once known */
    synchronized Optional<Duration> lag() {
        return Optional.ofNullable(caughtUpTo).map(t -> Duration.between(t, clock.instant()));
    }

    /** @return the time up to which the stream delivered every entry, once known */
    synchronized Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }
}
