package dev.auditsdk.informatica;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.OffsetPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.informatica.model.InformaticaAuditEntry;
import java.net.URI;
import java.time.Duration;

/**
 * The Informatica IDMC audit log (REST API v2, {@code /api/v2/auditlog}): asset and
 * administration events of the organization.
 *
 * <pre>{@code
 * try (InformaticaAuditLogSource source = InformaticaAuditLogSource.builder()
 *         .region(InformaticaRegion.US)
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("IICS_USER", "IICS_PASSWORD"))
 *         .build();
 *      AuditLogStream<InformaticaAuditEntry> entries = source.fetch(AuditLogQuery.builder().from(yesterday).build())) {
 *     entries.forEach(e -> store(e.toAuditEvent()));
 *     saveCheckpoint(entries.checkpoint().serialize());
 * }
 * }</pre>
 *
 * <p><b>Order: newest first.</b> The API has no time filter and pages newest first
 * ({@code batchId} 0 is the newest batch). Ascending order would need the whole range in memory,
 * so entries are delivered newest first, one batch in memory at a time. The checkpoint is
 * correct either way: after a complete read it points at the newest entry; after a read cut
 * short (a limit, an error, the caller stopping) it remembers the entries delivered, and a
 * resumed query delivers exactly the rest.
 *
 * <p><b>Drift.</b> Entries written while the log is read push every older entry into a later
 * batch. The pager remembers the oldest entry handed out and the ids at its time, so re-read
 * entries are dropped; since the log only grows at its head, a shift can only cause re-reads,
 * never a skipped entry. Entries of the range that are written during the read (their time is
 * after the walk passed it) are picked up by the next query from the checkpoint, as are entries
 * written up to {@link InformaticaAuditLogSourceBuilder#lateness(Duration)} late.
 *
 * <p><b>Range.</b> The walk stops at the first entry older than the query's start. A range
 * ending in the past is found by a binary search with one-entry batches instead of paging
 * through everything newer.
 *
 * <p>Thread-safe; {@link #close()} logs the session out.
 */
public final class InformaticaAuditLogSource extends AbstractAuditLogSource<InformaticaAuditEntry> {
    /** The vendor name of Informatica sources and events. */
    public static final String VENDOR = "informatica";
    /**
     * Batch size used without a page-size hint: the largest requested ({@link #MAX_BATCH_SIZE}),
     * since a bigger batch costs one round trip like a small one.
     */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** The largest batch size requested (the API documents none; larger hints are clamped). */
    public static final int MAX_BATCH_SIZE = 1_000;
    /**
     * The default {@linkplain InformaticaAuditLogSourceBuilder#parallelism(int) parallelism}:
     * eight batches fetched at once, in rounds proven gap-free (see the README).
     */
    public static final int DEFAULT_PARALLELISM = 8;
    /** Default of {@link InformaticaAuditLogSourceBuilder#lateness(Duration)}: one minute. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(1);
    /** The default {@linkplain InformaticaAuditLogSourceBuilder#settleLag(Duration) settle lag} of the Informatica sources: two minutes (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(2);

    private final InformaticaConnection connection;
    private final InformaticaAuditLogPages pages;
    private final URI baseUrl;
    private final int batchSize;
    private final int parallelism;
    private final DeliveryOptions delivery;

    InformaticaAuditLogSource(InformaticaAuditLogSourceBuilder b) {
        this.batchSize = b.configuredBatchSize();
        this.parallelism = b.configuredParallelism();
        this.delivery = b.delivery();
        this.connection = b.newConnection(InformaticaLogin.Api.V2);
        this.baseUrl = b.configuredBaseUrl();
        this.pages = new InformaticaAuditLogPages(connection);
    }

    /** @return a new builder */
    public static InformaticaAuditLogSourceBuilder builder() {
        return new InformaticaAuditLogSourceBuilder();
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /**
     * Reads {@code [from, to)} (or everything after the query's checkpoint) newest first. Nothing
     * is requested, not even the login, until the stream is iterated.
     *
     * @param query the range, resume point, page-size hint (the batch size, clamped to
     *     1..{@value #MAX_BATCH_SIZE}) and limit
     * @return the entries, newest first
     */
    @Override
    protected AuditLogStream<InformaticaAuditEntry> read(AuditLogQuery query) {
        int size = Math.max(1, Math.min(MAX_BATCH_SIZE, query.pageSize().orElse(batchSize)));
        DeliveryTracker tracker = delivery.tracker(query).order(EntryOrder.NEWEST_FIRST).build();
        NewestFirstWindows<InformaticaAuditEntry> entries = NewestFirstWindows.of(tracker, window -> CloseableIterator.lazily(() ->
                OffsetPager.builder(pages, InformaticaAuditEntry::id, InformaticaAuditEntry::timestamp)
                        .order(EntryOrder.NEWEST_FIRST)
                        .pageSize(size)
                        .overlap(0) // whole batches only; re-reads are dropped by id, and growth causes no skips
                        .parallelism(parallelism) // rounds of batches, each boundary proven before delivery
                        .startOffset(pages.startOffset(window.end(), size))
                        .stopWhen(e -> e.timestamp().isBefore(window.start()))
                        .maxPagesWithoutProgress(connection.limits().maxPagesWithoutProgress())
                        .build()));
        return PagedAuditLogStream.of(tracker, entries);
    }

    /** Logs the session out (best effort) and releases the HTTP client the source built. */
    @Override
    protected void release() {
        connection.close();
    }

    @Override
    protected String settings() {
        return "baseUrl=" + baseUrl + ", batchSize=" + batchSize + ", parallelism=" + parallelism;
    }
}
