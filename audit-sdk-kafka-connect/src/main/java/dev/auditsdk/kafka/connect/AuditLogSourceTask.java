package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.spi.util.SdkVersion;
import dev.auditsdk.registry.StreamsConfig;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the streams the connector gave this task. At start it reads all their offsets in one
 * call; each {@link #poll()} then reads the stream that has been due longest, up to
 * {@code batch.max.entries} records, or waits (at most {@value #MAX_IDLE_MILLIS} ms, never
 * spinning) and returns null when no stream is due. Every record's offset is the checkpoint after
 * its entry, so whatever offset Connect commits resumes exactly after that record.
 * {@link #stop()} may be called from another thread while a poll reads: it interrupts the
 * request in flight and closes the open reads, which ends the poll at once.
 */
public class AuditLogSourceTask extends SourceTask {
    static final long MAX_IDLE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogSourceTask.class);

    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile List<StreamReader> readers = Collections.emptyList();
    /** Guards {@link #reading}: stop() interrupts the polling thread only while it reads. */
    private final Object readLock = new Object();
    private Thread reading;
    private int batchMaxEntries;

    /** A task on the system clock, as Connect creates it. */
    public AuditLogSourceTask() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock that decides when streams are due and where a read ends
     */
    AuditLogSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return SdkVersion.get();
    }

    /**
     * Builds a source per stream of this task and reads their committed offsets.
     *
     * @param props the task configuration: the connector's, plus the streams of this task
     */
    @Override
    public void start(Map<String, String> props) {
        AuditLogConnectorConfig config = AuditLogConnectorConfig.parse(props, VendorRegistry.discover());
        batchMaxEntries = config.batchMaxEntries();
        List<StreamConfig> streams = new ArrayList<>();
        for (String id : StreamsConfig.ids(Collections.singletonMap(StreamsConfig.STREAMS,
                props.getOrDefault(AuditLogConnectorConfig.TASK_STREAMS, props.get(StreamsConfig.STREAMS))))) {
            streams.add(config.stream(id));
        }
        List<Map<String, Object>> partitions = new ArrayList<>();
        streams.forEach(s -> partitions.add(s.partition()));
        Map<Map<String, Object>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        Instant now = clock.instant();
        List<StreamReader> opened = new ArrayList<>();
        try {
            for (StreamConfig s : streams) {
                AuditLogSource<? extends AuditLogEntry> source = open(s);
                Checkpoint start;
                try {
                    start = start(s, offsets == null ? null : offsets.get(s.partition()), now.minus(s.lag().orElse(source.settleLag())));
                } catch (RuntimeException e) {
                    source.close();
                    throw e;
                }
                opened.add(new StreamReader(s, config.format(), source, start, now));
            }
        } catch (RuntimeException e) {
            opened.forEach(StreamReader::close);
            throw e;
        }
        readers = Collections.unmodifiableList(opened);
        if (stopping()) {
            opened.forEach(StreamReader::close); // stopped while starting
        }
        LOG.info("audit log task reads {}", streams);
    }

    private static Checkpoint start(StreamConfig s, Map<String, Object> offset, Instant settled) {
        try {
            Optional<Checkpoint> committed = SourceOffsets.checkpoint(offset);
            if (committed.isPresent()) {
                LOG.info("{} resumes after its committed offset (entries up to {})", s, committed.get().watermark());
                return committed.get();
            }
            Instant from = s.from().orElse(settled);
            LOG.info("{} has no committed offset: starts at {}", s, from);
            return Checkpoint.startingAt(from);
        } catch (IllegalArgumentException e) {
            throw new ConnectException(s + ": the committed offset cannot be read (" + e.getMessage()
                    + "); reset it with the offsets REST API", e);
        }
    }

    private static AuditLogSource<? extends AuditLogEntry> open(StreamConfig s) {
        try {
            return s.plugin().openSource(s.settings(), new Unattended(s.id()));
        } catch (VendorSettingException e) {
            throw new ConnectException(s + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the next batch of the stream due longest, or null when none is due (after waiting
     *     a little) or the task is stopping
     * @throws org.apache.kafka.connect.errors.RetriableException when a stream failed in a way that may pass
     * @throws ConnectException when a stream failed for good (authentication, permission, data)
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping()) {
            return null;
        }
        Instant now = clock.instant();
        StreamReader next = readers.stream().min(Comparator.comparing(StreamReader::dueAt)).orElse(null);
        if (next == null || next.dueAt().isAfter(now)) {
            long wait = next == null ? MAX_IDLE_MILLIS
                    : Math.min(MAX_IDLE_MILLIS, Math.max(1, Duration.between(now, next.dueAt()).toMillis()));
            stopped.await(wait, TimeUnit.MILLISECONDS);
            return null;
        }
        synchronized (readLock) {
            if (stopping()) {
                return null;
            }
            reading = Thread.currentThread();
        }
        try {
            List<SourceRecord> records = next.read(batchMaxEntries, now);
            if (records.isEmpty() || stopping()) {
                return null;
            }
            LOG.debug("{}: {} records, up to {}", next.config(), records.size(), next.checkpoint().watermark());
            return records;
        } catch (RuntimeException e) {
            if (stopping()) {
                LOG.debug("{}: read ended by stop: {}", next.config(), e.toString());
                return null;
            }
            ConnectException failure = ConnectErrors.translate(e, next.config());
            LOG.warn("{}", failure.getMessage());
            throw failure;
        } finally {
            synchronized (readLock) {
                reading = null;
            }
            if (stopping()) {
                // the interrupt stop() sent was for the read; the worker's thread goes on without it
                Thread.interrupted();
            }
        }
    }

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    /**
     * Ends a poll in progress (interrupting its request, closing its read) and closes every
     * stream's source; safe from any thread.
     */
    @Override
    public void stop() {
        stopped.countDown();
        synchronized (readLock) {
            if (reading != null) {
                reading.interrupt();
            }
        }
        Collection<StreamReader> toClose = readers;
        toClose.forEach(StreamReader::close);
    }
}
