package dev.auditsdk.boomi;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.ExportJobPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boomi's audit log through the Audit Log Staging API: a bulk export of a long range (more than
 * 7 days, less than one year) as one archive instead of many query pages. For shorter ranges,
 * and for incremental reads, use {@link BoomiAuditLogSource}; {@link #supportsRange(Instant, Instant)}
 * tells which one a range needs.
 *
 * <pre>{@code
 * try (BoomiStagedAuditLogExport export = BoomiStagedAuditLogExport.builder()
 *         .accountId("acme-A1B2C3")
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("BOOMI_USER", "BOOMI_PASSWORD"))
 *         .build();
 *      AuditLogStream<BoomiAuditEntry> entries = export.fetch(AuditLogQuery.builder()
 *              .from(Instant.parse("2025-01-01T00:00:00Z")).to(Instant.parse("2025-04-01T00:00:00Z")).build())) {
 *     entries.forEach(e -> handle(e.toAuditEvent()));
 * }
 * }</pre>
 *
 * <p>What {@code fetch} does, lazily on the first read: checks the range (an
 * {@link IllegalArgumentException} at {@code fetch} time, before any request, when Boomi would
 * refuse it); submits a staging request for {@code [floor(start), ceil(to)]} (with the optional
 * notification email); on HTTP 409, resumes the request Boomi already has for that range; polls
 * it with backoff until it carries a {@code downloadLink} or an {@code error}, up to the
 * {@linkplain BoomiStagedExportBuilder#exportJob(ExportJobOptions) export job's} deadline
 * (re-polling for a fresh link when the announced {@code downloadLinkExpiry} has
 * passed before the download starts, or the link is refused as expired); downloads the archive
 * to a private temporary file while computing its MD5, and
 * reads it only if that matches the published {@code checksum} (otherwise an
 * {@link dev.auditsdk.core.error.AuditDataException} and no entry at all); then streams its
 * records (gzip or zip, JSON array or JSON Lines, or the configured
 * {@link BoomiStagedExportBuilder#archiveFormat(StagedArchiveFormat) archive format}) in ascending date order (sorted on the client,
 * through temporary files for large archives, whatever order the archive holds), the exact range
 * and the resume checkpoint applied on the client.
 *
 * <p>The staging API authenticates with a JWT that lives 5 minutes; it is fetched with the
 * Basic credentials, refreshed ahead of expiry and again on a 401, so an export may take hours.
 * The staging resource paths are not published by Boomi: the defaults are assumptions,
 * configurable on the builder (see the module README).
 */
public final class BoomiStagedAuditLogExport extends AbstractAuditLogSource<BoomiAuditEntry> {
    /** Boomi refuses ranges of this length or less. */
    public static final Duration MIN_RANGE = StagingRange.MIN_LENGTH;
    /** Boomi refuses ranges of this length or more ("less than one year"; 365 days, to be safe in leap years). */
    public static final Duration MAX_RANGE = StagingRange.MAX_LENGTH;
    /** Default path of the staging requests collection (an assumption: Boomi does not publish it). */
    public static final String DEFAULT_REQUESTS_PATH = "/auditlog-staging/v1/{accountId}/requests";
    /** Default path of one staging request (an assumption: Boomi does not publish it). */
    public static final String DEFAULT_REQUEST_PATH = DEFAULT_REQUESTS_PATH + "/{requestId}";
    /**
     * Default {@linkplain BoomiStagedExportBuilder#exportJob(ExportJobOptions) export job options}:
     * status polls 5 s after submission, doubling up to 1 min apart; 2 h from submission to a
     * ready archive.
     */
    public static final ExportJobOptions DEFAULT_EXPORT_JOB =
            ExportJobOptions.defaults(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(2));
    /** Default {@link BoomiStagedExportBuilder#maxDownloadBytes(long)}: 8 GiB. */
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 8L * 1024 * 1024 * 1024;
    /** Default {@link BoomiStagedExportBuilder#sortRunBytes(long)}: 16 MiB. */
    public static final long DEFAULT_SORT_RUN_BYTES = SortedEntries.DEFAULT_RUN_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(BoomiStagedAuditLogExport.class);

    private final BoomiConnection connection;
    private final HttpTransport platform;
    private final HttpTransport staging;
    private final StagingClient client;
    private final DeliveryOptions delivery;
    private final ExportJobOptions exportJob;

    BoomiStagedAuditLogExport(BoomiConnection connection, HttpTransport platform, HttpTransport staging,
            StagingClient client, DeliveryOptions delivery, ExportJobOptions exportJob) {
        this.connection = connection;
        this.platform = platform;
        this.staging = staging;
        this.client = client;
        this.delivery = delivery;
        this.exportJob = exportJob;
        LOG.debug("boomi: staged export for account {} at {}", connection.accountId, client.stagingBaseUrl());
    }

    /** @return a builder */
    public static BoomiStagedExportBuilder builder() {
        return new BoomiStagedExportBuilder();
    }

    /**
     * Whether the staging API accepts a range: more than 7 days and less than one year, counted
     * in whole seconds as the request is sent. Otherwise read it with {@link BoomiAuditLogSource}.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return true if an export of {@code [from, to)} can be requested
     */
    public static boolean supportsRange(Instant from, Instant to) {
        try {
            StagingRange.of(AuditLogQuery.builder().from(from).to(to).build());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String vendor() {
        return BoomiConnection.VENDOR;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /** @return the account this export reads */
    public String accountId() {
        return connection.accountId;
    }

    /**
     * Prepares the export of {@code [from, to)} (or from the query's checkpoint to {@code to});
     * nothing is requested until the stream is read.
     *
     * @throws IllegalArgumentException when the range is 7 days or less, or one year or more
     */
    @Override
    protected AuditLogStream<BoomiAuditEntry> read(AuditLogQuery query) {
        StagingRange range = StagingRange.of(query);
        ExportJobPager<StagingJob, BoomiAuditEntry> pager = ExportJobPager.<StagingJob, BoomiAuditEntry>builder()
                .submit(() -> client.submitOrResume(range))
                .poll(client::poll)
                .download((job, status) -> client.download(job))
                .options(exportJob)
                .build();
        // SortedEntries delivers the archive in ascending order; the tracker only double-checks it
        return PagedAuditLogStream.of(delivery.tracker(query).build(), pager);
    }

    /** Closes the HTTP clients the export built (never a caller-owned one). */
    @Override
    protected void release() {
        try {
            staging.close();
        } finally {
            platform.close();
        }
    }

    @Override
    protected String settings() {
        return "account=" + connection.accountId + ", baseUrl=" + connection.baseUrl;
    }
}
