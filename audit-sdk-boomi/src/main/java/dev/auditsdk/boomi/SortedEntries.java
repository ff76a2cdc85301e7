package dev.auditsdk.boomi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.TempFiles;

/**
 * Delivers a staged archive's records in ascending {@code (date, documentId)} order, whatever
 * order the archive holds them in (Boomi does not document it, and exactly-once resumption
 * needs it), in bounded memory and with a bounded number of open files: an external merge sort.
 *
 * <ul>
 * <li><em>Runs.</em> Records are buffered until their JSON adds up to {@code runBytes}; a buffer
 *     is then sorted and written as JSON Lines to a private temporary file (a run). An archive
 *     that fits one buffer is sorted in memory and no file is written.</li>
 * <li><em>Bounded fan-in.</em> At most {@code fanIn} runs are merged at once: while there are
 *     more, each group of {@code fanIn} runs is merged into one longer run (a pass), and its
 *     inputs are deleted as soon as the merged run is complete. The last pass merges the
 *     remaining runs while the records are delivered. At most {@code fanIn} run files are open
 *     for reading, plus one being written, at any time (the default 64 stays far below the usual
 *     limit of 1,024 descriptors, whatever the archive size).</li>
 * <li><em>Clean up.</em> Closing this closes every open run and deletes every temporary file
 *     left; a failure while sorting does the same before it is thrown.</li>
 * </ul>
 */
final class SortedEntries implements CloseableIterator<BoomiAuditEntry> {
    /** Default JSON bytes of the records sorted in memory at once (one run). */
    static final long DEFAULT_RUN_BYTES = 16L * 1024 * 1024;
    /** Default most runs merged at once. */
    static final int DEFAULT_FAN_IN = 64;
    static final Comparator<BoomiAuditEntry> ORDER =
            Comparator.comparing(BoomiAuditEntry::timestamp).thenComparing(BoomiAuditEntry::id);
    private static final Logger LOG = LoggerFactory.getLogger(SortedEntries.class);

    private final Path directory;
    private final int fanIn;
    /** Every temporary file that exists, finished or being written; deleted on close. */
    private final Set<Path> files = new LinkedHashSet<>();
    private Merge delivery;
    private Iterator<BoomiAuditEntry> inMemory;
    private int runsWritten;
    private int mergePasses;
    private int openFiles;
    private int maxOpenFiles;
    private boolean closed;

    private SortedEntries(Path directory, int fanIn) {
        this.directory = directory;
        this.fanIn = fanIn;
    }

    /**
     * Reads the whole source (closing it) and prepares the sorted delivery.
     *
     * @param source the archive's records, in any order; closed by this method
     * @param directory where runs are written, or null for the system temporary directory
     * @param runBytes the most JSON bytes of records held in memory at once, positive
     * @param fanIn the most runs merged at once, at least 2
     * @return the records in ascending order
     */
    static SortedEntries of(CloseableIterator<BoomiAuditEntry> source, Path directory, long runBytes, int fanIn) {
        if (runBytes <= 0) {
            throw new IllegalArgumentException("runBytes must be positive, was " + runBytes);
        }
        if (fanIn < 2) {
            throw new IllegalArgumentException("fanIn must be at least 2, was " + fanIn);
        }
        SortedEntries sorted = new SortedEntries(directory, fanIn);
        try {
            List<Path> runs = sorted.writeRuns(source, runBytes);
            if (runs != null) {
                sorted.delivery = sorted.merge(runs);
            }
            return sorted;
        } catch (IOException | UncheckedIOException e) {
            sorted.close();
            throw new AuditSdkException("boomi: cannot sort the staged archive in "
                    + (directory == null ? "the default temporary directory" : directory.toString()) + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            sorted.close();
            throw e;
        }
    }

    /** Cuts the source into sorted runs; returns null when it fits one buffer (then sorted in memory). */
    private List<Path> writeRuns(CloseableIterator<BoomiAuditEntry> source, long runBytes) throws IOException {
        List<Path> runs = new ArrayList<>();
        List<Buffered> buffer = new ArrayList<>();
        long buffered = 0;
        try (source) {
            while (source.hasNext()) {
                Buffered b = new Buffered(source.next());
                buffer.add(b);
                buffered += b.json.length + 1;
                if (buffered >= runBytes) {
                    runs.add(spill(buffer));
                    buffer.clear();
                    buffered = 0;
                }
            }
        }
        buffer.sort((a, b) -> ORDER.compare(a.entry, b.entry));
        if (runs.isEmpty()) {
            List<BoomiAuditEntry> entries = new ArrayList<>(buffer.size());
            buffer.forEach(b -> entries.add(b.entry));
            inMemory = entries.iterator();
            return null;
        }
        if (!buffer.isEmpty()) {
            runs.add(spill(buffer));
        }
        return runs;
    }

    private Path spill(List<Buffered> buffer) throws IOException {
        buffer.sort((a, b) -> ORDER.compare(a.entry, b.entry));
        Path file = newFile();
        try (OutputStream out = open(file)) {
            for (Buffered b : buffer) {
                out.write(b.json);
                out.write('\n');
            }
        }
        runsWritten++;
        LOG.debug("boomi: sorted run {} of the staged archive: {} records", runsWritten, buffer.size());
        return file;
    }

    /** Merges groups of at most {@code fanIn} runs into longer ones until one merge can deliver them all. */
    private Merge merge(List<Path> runs) throws IOException {
        List<Path> level = runs;
        while (level.size() > fanIn) {
            List<Path> next = new ArrayList<>((level.size() + fanIn - 1) / fanIn);
            for (int i = 0; i < level.size(); i += fanIn) {
                List<Path> group = level.subList(i, Math.min(level.size(), i + fanIn));
                next.add(group.size() == 1 ? group.get(0) : mergeToFile(group));
            }
            mergePasses++;
            LOG.debug("boomi: merge pass {} of the staged archive: {} runs into {}", mergePasses, level.size(), next.size());
            level = next;
        }
        mergePasses++; // the last pass runs while the records are delivered
        return new Merge(level);
    }

    private Path mergeToFile(List<Path> group) throws IOException {
        Path file = newFile();
        try (Merge merge = new Merge(group); OutputStream out = open(file)) {
            while (merge.hasNext()) {
                out.write(Json.mapper().writeValueAsBytes(merge.next().raw()));
                out.write('\n');
            }
        }
        for (Path merged : group) {
            delete(merged); // as soon as their content is in the longer run
        }
        return file;
    }

    private Path newFile() throws IOException {
        Path file = TempFiles.createPrivate(directory, StagedArchive.TEMP_PREFIX, StagedArchive.TEMP_SUFFIX);
        files.add(file);
        return file;
    }

    /** Opens a run for writing; closing the stream counts it closed. */
    private OutputStream open(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024) {
            private boolean counted = true;

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    if (counted) {
                        counted = false;
                        openFiles--;
                    }
                }
            }
        };
        opened();
        return out;
    }

    private void opened() {
        openFiles++;
        maxOpenFiles = Math.max(maxOpenFiles, openFiles);
    }

    private void delete(Path file) {
        files.remove(file);
        TempFiles.deleteQuietly(file);
    }

    /** @return how many sorted runs were written (0 when the archive was sorted in memory) */
    int runsWritten() {
        return runsWritten;
    }

    /** @return how many merge passes were made, the one that delivers included (0 in memory) */
    int mergePasses() {
        return mergePasses;
    }

    /** @return the most run files that were open at once, for reading and writing */
    int maxOpenFiles() {
        return maxOpenFiles;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        return inMemory != null ? inMemory.hasNext() : delivery != null && delivery.hasNext();
    }

    @Override
    public BoomiAuditEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return inMemory != null ? inMemory.next() : delivery.next();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inMemory = null;
        try {
            if (delivery != null) {
                delivery.close();
            }
        } finally {
            new ArrayList<>(files).forEach(this::delete);
        }
    }

    /** A record with its JSON, measured for the run budget and written as is when the run is spilled. */
    private static final class Buffered {
        final BoomiAuditEntry entry;
        final byte[] json;

        Buffered(BoomiAuditEntry entry) {
            this.entry = entry;
            try {
                this.json = Json.mapper().writeValueAsBytes(entry.raw());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A k-way merge of sorted runs: one open reader per run, the smallest head first. */
    private final class Merge implements CloseableIterator<BoomiAuditEntry> {
        private final List<CloseableIterator<BoomiAuditEntry>> readers = new ArrayList<>();
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.entry, b.entry));
        private boolean released;

        Merge(List<Path> runs) throws IOException {
            try {
                for (Path run : runs) {
                    CloseableIterator<BoomiAuditEntry> reader =
                            JsonLinesReader.of(Files.newInputStream(run), BoomiAuditEntry::of);
                    readers.add(reader);
                    opened();
                    if (reader.hasNext()) {
                        heads.add(new Head(reader.next(), reader));
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public BoomiAuditEntry next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            if (head.reader.hasNext()) {
                heads.add(new Head(head.reader.next(), head.reader));
            }
            return head.entry;
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            heads.clear();
            for (CloseableIterator<BoomiAuditEntry> reader : readers) {
                try {
                    reader.close();
                } catch (RuntimeException e) {
                    LOG.debug("boomi: closing a sorted run failed: {}", e.toString());
                }
                openFiles--;
            }
        }
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
