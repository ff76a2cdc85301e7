package dev.auditsdk.boomi;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.json.JsonLinesReader;
import dev.auditsdk.core.paging.CloseableIterator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a staged archive's records in ascending {@code (date, documentId)} order, whatever
 * order the archive holds them in (Boomi does not document it, and exactly-once resumption
 * needs it), in bounded memory: up to {@code runSize} records are sorted in memory; a larger
 * archive is cut into sorted runs, written as JSON Lines to private temporary files, and
 * merged. Closing it closes the archive and deletes the runs.
 */
final class SortedEntries implements CloseableIterator<BoomiAuditEntry> {
    static final int DEFAULT_RUN_SIZE = 10_000;
    static final Comparator<BoomiAuditEntry> ORDER =
            Comparator.comparing(BoomiAuditEntry::timestamp).thenComparing(BoomiAuditEntry::id);
    private static final Logger LOG = LoggerFactory.getLogger(SortedEntries.class);

    private final List<Path> runs = new ArrayList<>();
    private final List<CloseableIterator<BoomiAuditEntry>> readers = new ArrayList<>();
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.entry, b.entry));
    private Iterator<BoomiAuditEntry> inMemory;
    private boolean closed;

    private SortedEntries() {
    }

    /**
     * Reads the whole source (closing it) and prepares the sorted delivery.
     *
     * @param source the archive's records, in any order; closed by this method
     * @param directory where runs are written, or null for the system temporary directory
     * @param runSize the most records held in memory at once
     * @return the records in ascending order
     */
    static SortedEntries of(CloseableIterator<BoomiAuditEntry> source, Path directory, int runSize) {
        SortedEntries sorted = new SortedEntries();
        try (source) {
            List<BoomiAuditEntry> run = new ArrayList<>(Math.min(runSize, 1024));
            while (source.hasNext()) {
                run.add(source.next());
                if (run.size() == runSize) {
                    sorted.spill(run, directory);
                    run.clear();
                }
            }
            run.sort(ORDER);
            if (sorted.runs.isEmpty()) {
                sorted.inMemory = run.iterator();
            } else {
                if (!run.isEmpty()) {
                    sorted.spill(run, directory);
                }
                sorted.openMerge();
            }
            return sorted;
        } catch (IOException e) {
            sorted.close();
            throw new AuditSdkException("boomi: cannot sort the staged archive in "
                    + (directory == null ? "the default temporary directory" : directory.toString()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sorted.close();
            throw e;
        }
    }

    private void spill(List<BoomiAuditEntry> run, Path directory) throws IOException {
        run.sort(ORDER);
        Path file = StagedArchive.createPrivateTempFile(directory);
        runs.add(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            for (BoomiAuditEntry e : run) {
                out.write(Json.mapper().writeValueAsBytes(e.raw()));
                out.write('\n');
            }
        }
        LOG.debug("boomi: sorted run {} of the staged archive: {} records", runs.size(), run.size());
    }

    private void openMerge() throws IOException {
        for (Path run : runs) {
            CloseableIterator<BoomiAuditEntry> reader = JsonLinesReader.of(Files.newInputStream(run), BoomiAuditEntry::of);
            readers.add(reader);
            if (reader.hasNext()) {
                heads.add(new Head(reader.next(), reader));
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        return inMemory != null ? inMemory.hasNext() : !heads.isEmpty();
    }

    @Override
    public BoomiAuditEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (inMemory != null) {
            return inMemory.next();
        }
        Head head = heads.poll();
        BoomiAuditEntry entry = head.entry;
        if (head.reader.hasNext()) {
            heads.add(new Head(head.reader.next(), head.reader));
        }
        return entry;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inMemory = null;
        heads.clear();
        readers.forEach(CloseableIterator::close);
        runs.forEach(StagingClient::deleteQuietly);
    }

    /** The next record of one run. */
    private static final class Head {
        final BoomiAuditEntry entry;
        final CloseableIterator<BoomiAuditEntry> reader;

        Head(BoomiAuditEntry entry, CloseableIterator<BoomiAuditEntry> reader) {
            this.entry = entry;
            this.reader = reader;
        }
    }
}
