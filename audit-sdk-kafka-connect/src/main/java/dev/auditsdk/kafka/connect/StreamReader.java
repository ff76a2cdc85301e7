package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream inside a task: its source, the position after the last record handed to Connect,
 * the open read (kept across polls while a read has more entries than one batch) and when the
 * stream is next due. Used by the task's polling thread only; {@link #close()} may come from
 * another thread, to unblock a read in progress.
 */
final class StreamReader implements AutoCloseable {
    static final String HEADER_VENDOR = "audit.vendor";
    static final String HEADER_STREAM = "audit.stream";
    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final StreamConfig config;
    private final RecordFormat format;
    private final AuditLogSource<? extends AuditLogEntry> source;
    private Checkpoint checkpoint;
    private volatile AuditLogStream<? extends AuditLogEntry> open;
    private Iterator<? extends AuditLogEntry> entries;
    private Instant dueAt;
    private Duration backoff = Duration.ZERO;

    /**
     * @param config the stream
     * @param format the record format
     * @param source its source, closed with this reader
     * @param checkpoint where to continue: the committed offset, or the start
     * @param dueAt when to read first
     */
    StreamReader(StreamConfig config, RecordFormat format, AuditLogSource<? extends AuditLogEntry> source,
            Checkpoint checkpoint, Instant dueAt) {
        this.config = Objects.requireNonNull(config, "config");
        this.format = Objects.requireNonNull(format, "format");
        this.source = Objects.requireNonNull(source, "source");
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    StreamConfig config() {
        return config;
    }

    /** @return when this stream wants to be read next */
    Instant dueAt() {
        return dueAt;
    }

    /** @return the position after the last record handed out */
    Checkpoint checkpoint() {
        return checkpoint;
    }

    /**
     * Reads up to {@code max} entries: continues the open read, or starts one up to now minus the
     * stream's lag. When the read is exhausted the stream is due again after its poll interval.
     * If the read fails, nothing of this batch is handed out: the next read starts again after
     * the last record returned, after a backoff.
     *
     * @param max the most records to return
     * @param now the current time
     * @return the records, each with the checkpoint after its entry as offset; possibly empty
     */
    List<SourceRecord> read(int max, Instant now) {
        List<SourceRecord> records = new ArrayList<>();
        Checkpoint position = checkpoint;
        try {
            if (open == null) {
                Instant to = now.minus(config.lag().orElse(source.settleLag()));
                if (!to.isAfter(position.earliest())) {
                    dueAt = now.plus(config.pollInterval());
                    return records;
                }
                open = source.fetch(AuditLogQuery.builder().resumeFrom(position).to(to).build());
                entries = open.iterator();
            }
            while (records.size() < max && entries.hasNext()) {
                AuditLogEntry entry = entries.next();
                position = open.checkpoint();
                records.add(record(entry, position));
            }
            if (records.size() < max) {
                // exhausted: the stream's checkpoint may have moved past the last entry (an empty window)
                position = open.checkpoint();
                closeRead();
                dueAt = now.plus(config.pollInterval());
            }
            checkpoint = position;
            backoff = Duration.ZERO;
            return records;
        } catch (RuntimeException e) {
            closeRead();
            backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            dueAt = now.plus(min(backoff, config.pollInterval()));
            throw e;
        }
    }

    private SourceRecord record(AuditLogEntry entry, Checkpoint after) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(HEADER_VENDOR, config.plugin().name());
        headers.addString(HEADER_STREAM, config.id());
        return new SourceRecord(config.partition(), SourceOffsets.offset(after), config.topic(), null,
                Schema.STRING_SCHEMA, entry.id(), Schema.STRING_SCHEMA, format.render(entry),
                entry.timestamp().toEpochMilli(), headers);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void closeRead() {
        AuditLogStream<? extends AuditLogEntry> s = open;
        open = null;
        entries = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("{}: closing a read failed: {}", config, e.toString());
            }
        }
    }

    /** Closes the open read and the source; safe from any thread, and more than once. */
    @Override
    public void close() {
        AuditLogStream<? extends AuditLogEntry> s = open;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("{}: closing a read failed: {}", config, e.toString());
            }
        }
        try {
            source.close();
        } catch (Exception e) {
            LOG.debug("{}: closing the source failed: {}", config, e.toString());
        }
    }
}
