package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointState;
import dev.auditsdk.cli.checkpoint.CheckpointStore;
import dev.auditsdk.cli.checkpoint.ImmutableCheckpointState;
import dev.auditsdk.cli.output.BackgroundWriter;
import dev.auditsdk.cli.output.EntryWriter;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a stream's entries and commits: entries are rendered and written on a thread of their
 * own ({@link BackgroundWriter}) while the next ones are read, and every commit waits for them
 * all to be written; output flushed (and forced to disk for a file) first,
 * then the checkpoint of exactly what was written saved atomically. Commits once a second (and
 * after every {@code commitEvery} entries when the user asks for it), at the end, on a stop request
 * and after a failure, so a run killed at any point is continued by the next without loss or
 * repetition. A commit costs a disk flush: once a second it is amortized over the whole second's
 * entries, where one per 1,000 entries cost a flush every few milliseconds at full speed.
 *
 * <p>The stream's checkpoint is taken at commit time only (for some sources it lists every
 * identity delivered in the run, so taking it per entry would cost quadratic time). Taking an
 * entry and writing it happen under one lock, so a commit from the shutdown hook, while the
 * reading thread waits on the network, sees a checkpoint that matches the output exactly.
 */
final class Collector {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final long COMMIT_MILLIS = 1000;
    /** The {@code commitEvery} of a run that commits by time only: once a second. */
    static final int EVERY_SECOND_ONLY = Integer.MAX_VALUE;
    /** Entries read but not yet written, at most: a few MB, while both cores work. */
    private static final int QUEUED_ENTRIES = 2048;

    private final String vendor;
    private final String format;
    /** The format's writer: called directly before {@link #begin()} ends, then behind {@link #background}. */
    private final EntryWriter rendering;
    /** The rendering writer on a thread of its own, from {@link #begin()} on. */
    private BackgroundWriter background;
    private final OutputTarget target;
    private final CheckpointStore store;
    private final Progress progress;
    private final StopSignal stop;
    private final Clock clock;
    private final int commitEvery;
    private final long entriesBefore;
    /** Registered with the stop signal while the run writes. */
    private final Runnable emergency = this::emergencyCommit;

    private Checkpoint written;
    private AuditLogStream<? extends AuditLogEntry> current;
    private long total;
    private int uncommitted;
    private long lastCommit;
    private boolean committedOnce;
    private boolean sealed;
    /** An entry was taken from the stream but not written: the stream's checkpoint is past the output. */
    private boolean writeFailed;

    /**
     * @param store where checkpoints go; null when the run has none
     * @param start the checkpoint the run starts from
     * @param entriesBefore entries written by earlier runs with the same checkpoint
     */
    Collector(String vendor, String format, EntryWriter writer, OutputTarget target, CheckpointStore store,
            Checkpoint start, long entriesBefore, Progress progress, StopSignal stop, Clock clock, int commitEvery) {
        this.vendor = vendor;
        this.format = format;
        this.rendering = writer;
        this.target = target;
        this.store = store;
        this.written = start;
        this.entriesBefore = entriesBefore;
        this.progress = progress;
        this.stop = stop;
        this.clock = clock;
        this.commitEvery = commitEvery;
        this.lastCommit = clock.millis();
    }

    /**
     * Saves the starting position with the output's current length (so a run killed before its
     * first commit is cut back to here), writes what precedes the first record, and registers
     * the emergency commit.
     */
    void begin() throws IOException {
        commit();
        rendering.begin(target.continuing());
        synchronized (this) {
            background = new BackgroundWriter(rendering, QUEUED_ENTRIES, "auditlog-" + vendor + "-writer");
        }
        stop.addEmergency(emergency);
    }

    /**
     * Writes the stream's entries until it ends or a stop is requested, then commits. After a
     * failure, commits what was written and rethrows.
     *
     * @param stream the entries
     * @return the entries written from this stream
     */
    long drain(AuditLogStream<? extends AuditLogEntry> stream) throws IOException {
        long count = 0;
        synchronized (this) {
            current = stream;
        }
        try {
            Iterator<? extends AuditLogEntry> it = stream.iterator();
            // hasNext() may block on the network: outside the lock, so a stop can commit meanwhile
            while (!stop.requested() && it.hasNext()) {
                AuditLogEntry entry = writeNext(it);
                if (entry == null) {
                    break;
                }
                count++;
                progress.update(total, entry.timestamp());
                if (uncommitted >= commitEvery || clock.millis() - lastCommit >= COMMIT_MILLIS) {
                    commit();
                }
            }
            // the stream's position at its end may be past its last entry (the range is done)
            commit();
            return count;
        } catch (RuntimeException | IOException | Error e) {
            commitAfterFailure(e);
            throw e;
        } finally {
            synchronized (this) {
                current = null;
            }
        }
    }

    /**
     * Takes the next entry and hands it to the writer in one step, so a commit (which waits for
     * every entry handed in to be written) never sees one without the other.
     */
    private synchronized AuditLogEntry writeNext(Iterator<? extends AuditLogEntry> it) throws IOException {
        if (sealed) {
            return null;
        }
        AuditLogEntry entry = it.next();
        try {
            writer().write(entry);
        } catch (IOException | RuntimeException | Error e) {
            writeFailed = true;
            throw e;
        }
        total++;
        uncommitted++;
        return entry;
    }

    /**
     * Flushes the output, forces it to disk, then saves the checkpoint of what it holds. After a
     * write failure nothing more is committed: the stream's position already counts the entry
     * that was not written, while the last saved state (checkpoint and output length) still
     * matches the output, and the next run cuts the output back to it and re-reads from there.
     */
    synchronized void commit() throws IOException {
        if (sealed) {
            return;
        }
        if (writeFailed) {
            LOG.debug("not committing after a write failure: the checkpoint stays at the last commit");
            return;
        }
        writer().flush();
        OptionalLong length = target.commit();
        boolean moved = false;
        if (store != null && current != null) {
            // the position after the last entry handed out, which is the last one written
            Checkpoint now = current.checkpoint();
            moved = !now.equals(written);
            written = now;
        }
        if (store != null && (uncommitted > 0 || moved || !committedOnce)) {
            ImmutableCheckpointState.Builder b = CheckpointState.builder().vendor(vendor).checkpoint(written).format(format)
                    .entries(entriesBefore + total).updated(clock.instant());
            target.path().ifPresent(p -> b.outputPath(p.toString()));
            length.ifPresent(b::outputBytes);
            store.save(b.build());
            committedOnce = true;
        }
        uncommitted = 0;
        lastCommit = clock.millis();
    }

    /** @return the checkpoint after the last entry written (or the stream's end) */
    synchronized Checkpoint position() {
        return written;
    }

    /** @return the entries written by this run */
    synchronized long total() {
        return total;
    }

    /** Where entries and flushes go: the writing thread once the run has begun. */
    private EntryWriter writer() {
        return background != null ? background : rendering;
    }

    /** Stops accepting entries and the writing thread; called once the run is over. */
    synchronized void seal() {
        sealed = true;
        stop.removeEmergency(emergency);
        if (background != null) {
            background.close();
        }
    }

    private void commitAfterFailure(Throwable failure) {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** From the shutdown hook, when the run did not stop in time by itself: keep what was written. */
    private synchronized void emergencyCommit() {
        try {
            commit();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not save the checkpoint while stopping: {}", e.getMessage());
        }
        sealed = true;
    }
}
