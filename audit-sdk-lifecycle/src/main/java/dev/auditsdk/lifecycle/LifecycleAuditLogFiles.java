package dev.auditsdk.lifecycle;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.json.BodyFormat;
import dev.auditsdk.core.spi.util.AbstractCloseableIterator;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as IQ Server writes it to disk, for self-hosted installations that collect
 * from the log directory instead of the REST API: the current {@code audit.log} and the
 * daily rotated {@code audit-yyyy-MM-dd.log.gz} files (uncompressed {@code audit-yyyy-MM-dd.log}
 * and numbered {@code audit-yyyy-MM-dd.N.log.gz} parts too). The lines are the same JSON the
 * API returns and are read by the same parser, so entries, identities and checkpoints are the
 * same as the REST source's.
 *
 * <pre>{@code
 * LifecycleAuditLogFiles files = LifecycleAuditLogFiles.of(Path.of("/opt/sonatype/iq/log"));
 * try (AuditLogStream<LifecycleAuditEntry> entries = files.fetch(AuditLogQuery.builder().from(since).build())) {
 *     entries.forEach(...);
 * }
 * try (Stream<LifecycleAuditEntry> one = LifecycleAuditLogFiles.read(Path.of("audit-2024-03-20.log.gz"))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>A rotated file is named by the server's local date, which can differ from the UTC date by
 * up to a day: {@link #fetch} reads every rotated file dated from the day before the range to
 * the day after it, then the current file, and keeps only the entries of the range.
 */
public final class LifecycleAuditLogFiles extends AbstractAuditLogSource<LifecycleAuditEntry> {
    /** The name of the file the server is writing to. */
    public static final String CURRENT_FILE = "audit.log";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleAuditLogFiles.class);
    private static final Pattern ROTATED = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.log(?:\\.gz)?");

    private final Path directory;
    private final Duration lateness;

    private LifecycleAuditLogFiles(Path directory, Duration lateness) {
        this.directory = directory;
        this.lateness = lateness;
    }

    /**
     * @param logDirectory the server's log directory (holding {@code audit.log})
     * @return a source reading its audit files, with an out-of-order tolerance of 1 s
     */
    public static LifecycleAuditLogFiles of(Path logDirectory) {
        return of(logDirectory, Duration.ofSeconds(1));
    }

    /**
     * @param logDirectory the server's log directory (holding {@code audit.log})
     * @param lateness how far a line may go back in time behind an earlier one and
     *     still be delivered (see {@link LifecycleSourceBuilder#lateness})
     * @return a source reading its audit files
     */
    public static LifecycleAuditLogFiles of(Path logDirectory, Duration lateness) {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative, was " + lateness);
        }
        return new LifecycleAuditLogFiles(logDirectory, lateness);
    }

    /**
     * Reads one audit log file, plain or gzip-compressed (recognized by its content, not its name).
     * Every line is returned; nothing is filtered or de-duplicated.
     *
     * @param file an {@code audit.log} or rotated {@code audit-yyyy-MM-dd.log.gz}
     * @return its entries in file order, read lazily as the stream is consumed; close the stream
     *     (try-with-resources) to close the file
     * @throws AuditTransportException if the file cannot be opened
     */
    public static Stream<LifecycleAuditEntry> read(Path file) {
        CloseableIterator<LifecycleAuditEntry> entries = open(Objects.requireNonNull(file, "file"),
                StableIdentity.withPrefix(LifecycleAuditLogParser.ID_PREFIX));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(entries::close);
    }

    @Override
    public String vendor() {
        return LifecycleAuditLogSource.VENDOR;
    }

    /** @return the log directory */
    public Path directory() {
        return directory;
    }

    /**
     * The files a query reads, in reading order: rotated files by date (and part number), then
     * the current file.
     *
     * @param query the range
     * @return the existing files that may hold entries of the range
     * @throws AuditTransportException if the directory cannot be listed
     */
    public List<Path> files(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        LocalDate first = query.start().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate last = query.to().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<Rotated> rotated = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(p -> {
                Matcher m = ROTATED.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    LocalDate date = LocalDate.parse(m.group(1));
                    if (!date.isBefore(first) && !date.isAfter(last)) {
                        rotated.add(new Rotated(p, date, m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
                    }
                }
            });
        } catch (IOException e) {
            throw new AuditTransportException("cannot list the audit log directory " + directory, e);
        }
        rotated.sort(Comparator.comparing((Rotated r) -> r.date).thenComparingInt(r -> r.part));
        List<Path> files = new ArrayList<>();
        rotated.forEach(r -> files.add(r.path));
        Path current = directory.resolve(CURRENT_FILE);
        if (Files.isRegularFile(current)) {
            files.add(current);
        }
        return files;
    }

    /**
     * Reads the entries of {@code [from, to)}, or after the query's checkpoint, from the files
     * of {@link #files(AuditLogQuery)}, each exactly once, lazily: no file is opened before the
     * stream is iterated.
     */
    @Override
    protected AuditLogStream<LifecycleAuditEntry> read(AuditLogQuery query) {
        CloseableIterator<LifecycleAuditEntry> entries = CloseableIterator.lazily(() -> {
            List<Path> files = files(query);
            LOG.debug("lifecycle: reading {} audit log file(s) from {}", files.size(), directory);
            return new Chained(files.iterator(), StableIdentity.withPrefix(LifecycleAuditLogParser.ID_PREFIX));
        });
        return PagedAuditLogStream.of(DeliveryTracker.builder(query).lateness(lateness).build(), entries);
    }

    /** Nothing to release: each stream closes the file it has open. */
    @Override
    protected void release() {
        // files are closed by the streams that read them
    }

    @Override
    protected String settings() {
        return "directory=" + directory + ", lateness=" + lateness;
    }

    private static CloseableIterator<LifecycleAuditEntry> open(Path file, StableIdentity identity) {
        InputStream body;
        try {
            body = BodyFormat.sniff(Files.newInputStream(file)).body();
        } catch (IOException e) {
            throw new AuditTransportException("cannot open the audit log file " + file, e);
        }
        return LifecycleAuditLogParser.parse(body, identity, file.getFileName().toString(), null);
    }

    /** The files one after another; identities are numbered across files, as in one log. */
    private static final class Chained extends AbstractCloseableIterator<LifecycleAuditEntry> {
        private final Iterator<Path> files;
        private final StableIdentity identity;
        private CloseableIterator<LifecycleAuditEntry> current;

        Chained(Iterator<Path> files, StableIdentity identity) {
            this.files = files;
            this.identity = identity;
        }

        @Override
        protected LifecycleAuditEntry computeNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!files.hasNext()) {
                    return endOfData();
                }
                Path file = files.next();
                LOG.debug("lifecycle: reading {}", file);
                current = open(file, identity);
            }
            return current.next();
        }

        @Override
        protected void onClose() {
            if (current != null) {
                current.close();
            }
        }
    }

    private static final class Rotated {
        final Path path;
        final LocalDate date;
        final int part;

        Rotated(Path path, LocalDate date, int part) {
            this.path = path;
            this.date = date;
            this.part = part;
        }
    }
}
