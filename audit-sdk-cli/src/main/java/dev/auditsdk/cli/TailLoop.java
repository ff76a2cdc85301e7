package dev.auditsdk.cli;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The polling of one {@code tail}: until a stop is requested, reads what has settled since the
 * last position (now minus the settle lag) into a {@link Collector}, then waits. What happens
 * after a failed poll is the {@link Observer}'s decision: {@code tail <vendor>} retries a network
 * or vendor outage and ends on anything else; each stream of {@code tail --config} retries
 * everything with backoff, so one stream's failure never stops the others.
 */
final class TailLoop {
    private final AuditLogSource<? extends AuditLogEntry> source;
    private final Collector collector;
    private final Instant first;
    private final Duration interval;
    private final Duration settle;
    private final Integer pageSize;
    private final StopSignal stop;
    private final Clock clock;
    private Optional<Checkpoint> position;

    /** What a tail's caller sees of its polls. */
    interface Observer {
        /**
         * @param collector the collector after a poll that read to its end
         * @param readTo the end of the range the poll read: every entry before it is delivered
         */
        void polled(Collector collector, Instant readTo);

        /**
         * @param failure why a poll failed (the entries before it are written and committed)
         * @return how long to wait before the next poll
         * @throws RuntimeException the failure (or another) to end the tail
         */
        Duration failed(RuntimeException failure);
    }

    /**
     * @param position the checkpoint to continue after, when there is one
     * @param first where the first poll starts without a checkpoint
     * @param interval the time between two polls
     * @param settle the settle lag: a poll reads up to now minus this
     * @param pageSize entries per request, or null for the vendor's
     */
    TailLoop(AuditLogSource<? extends AuditLogEntry> source, Collector collector, Optional<Checkpoint> position,
            Instant first, Duration interval, Duration settle, Integer pageSize, StopSignal stop, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.collector = Objects.requireNonNull(collector, "collector");
        this.position = Objects.requireNonNull(position, "position");
        this.first = Objects.requireNonNull(first, "first");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.pageSize = pageSize;
        this.stop = Objects.requireNonNull(stop, "stop");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param failure why a poll failed
     * @return true for a network failure or a vendor outage (server errors, throttling after the
     *     retries): worth retrying as it is, unlike a refused sign-in or unreadable data
     */
    static boolean isOutage(Throwable failure) {
        Throwable t = ErrorReporter.primary(failure);
        return t instanceof AuditTransportException || t instanceof AuditServerException
                || t instanceof AuditRateLimitedException;
    }

    /**
     * Polls until a stop is requested.
     *
     * @param observer told of every poll
     * @throws IOException when the output cannot be written
     */
    void run(Observer observer) throws IOException {
        while (!stop.requested()) {
            Instant settled = clock.instant().minus(settle);
            Instant resumeAt = position.map(Checkpoint::earliest).orElse(first);
            if (!resumeAt.isBefore(settled)) {
                // nothing has settled since the last poll (or the start is still within the lag)
                stop.sleep(interval);
                continue;
            }
            Duration wait = interval;
            try (AuditLogStream<? extends AuditLogEntry> stream = source.fetch(
                    VendorCommand.query(position.isPresent() ? null : first, settled, position, null, pageSize))) {
                collector.drain(stream);
                observer.polled(collector, settled);
            } catch (RuntimeException e) {
                wait = observer.failed(e);
            } finally {
                Checkpoint reached = collector.position();
                if (reached != null) {
                    position = Optional.of(reached);
                }
            }
            stop.sleep(wait);
        }
    }
}
