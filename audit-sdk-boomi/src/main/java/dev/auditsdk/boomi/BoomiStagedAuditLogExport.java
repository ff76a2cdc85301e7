package dev.auditsdk.boomi;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.boomi.auth.BoomiJwt;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.ExportJobPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
 * deadline (re-polling for a fresh link when the announced {@code downloadLinkExpiry} has
 * passed before the download starts, or the link is refused as expired); downloads the archive
 * to a private temporary file while computing its MD5, and
 * reads it only if that matches the published {@code checksum} (otherwise an
 * {@link dev.auditsdk.core.error.AuditDataException} and no entry at all); then streams its
 * records (gzip or zip, JSON array or JSON Lines, or the configured
 * {@link Builder#archiveFormat(StagedArchiveFormat) archive format}) in ascending date order (sorted on the client,
 * through temporary files for large archives, whatever order the archive holds), the exact range
 * and the resume checkpoint applied on the client.
 *
 * <p>The staging API authenticates with a JWT that lives 5 minutes; it is fetched with the
 * Basic credentials, refreshed ahead of expiry and again on a 401, so an export may take hours.
 * The staging resource paths are not published by Boomi: the defaults are assumptions,
 * configurable on the builder (see the module README).
 */
public final class BoomiStagedAuditLogExport implements AuditLogSource<BoomiAuditEntry> {
    /** Boomi refuses ranges of this length or less. */
    public static final Duration MIN_RANGE = Duration.ofDays(7);
    /** Boomi refuses ranges of this length or more ("less than one year"; 365 days, to be safe in leap years). */
    public static final Duration MAX_RANGE = Duration.ofDays(365);
    /** Default path of the staging requests collection (an assumption: Boomi does not publish it). */
    public static final String DEFAULT_REQUESTS_PATH = "/auditlog-staging/v1/{accountId}/requests";
    /** Default path of one staging request (an assumption: Boomi does not publish it). */
    public static final String DEFAULT_REQUEST_PATH = DEFAULT_REQUESTS_PATH + "/{requestId}";
    /** Default first wait between status polls. */
    public static final Duration DEFAULT_POLL_INITIAL = Duration.ofSeconds(5);
    /** Default longest wait between status polls. */
    public static final Duration DEFAULT_POLL_MAX = Duration.ofMinutes(1);
    /** Default time allowed from submission to a ready archive. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(2);
    /** Default {@link Builder#maxDownloadBytes(long)}: 8 GiB. */
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 8L * 1024 * 1024 * 1024;
    /** Default {@link Builder#sortRunBytes(long)}: 16 MiB. */
    public static final long DEFAULT_SORT_RUN_BYTES = SortedEntries.DEFAULT_RUN_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(BoomiStagedAuditLogExport.class);

    private final BoomiConnection connection;
    private final HttpTransport platform;
    private final HttpTransport staging;
    private final StagingClient client;
    private final DeliveryOptions delivery;
    private final Duration pollInitial;
    private final Duration pollMax;
    private final Duration deadline;

    private BoomiStagedAuditLogExport(Builder b) {
        this.connection = new BoomiConnection(b);
        URI stagingBase = b.stagingBaseUrl != null ? b.stagingBaseUrl : connection.baseUrl;
        Endpoints.requireSecure(stagingBase, connection.allowInsecureHttp());
        this.platform = connection.platformTransport();
        this.staging = connection.transport(BoomiJwt.authenticator(platform, connection.jwtGenerate(),
                b.jwtLifetime, b.jwtRefreshAhead, b.jwtClock()));
        this.client = new StagingClient(connection, staging, stagingBase, b.requestsPath, b.requestPath,
                b.notificationEmail, b.downloadDirectory, b.sortRunBytes, b.maxDownloadBytes, b.archiveFormat, b.jwtClock());
        this.delivery = b.delivery();
        this.pollInitial = b.pollInitial;
        this.pollMax = b.pollMax;
        this.deadline = b.deadline;
        LOG.debug("boomi: staged export for account {} at {}", connection.accountId, stagingBase);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
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
     * @param query the range, resume point and limit
     * @return the entries
     * @throws IllegalArgumentException when the range is 7 days or less, or one year or more
     */
    @Override
    public AuditLogStream<BoomiAuditEntry> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        staging.requireOpen("this Boomi staged audit log export");
        StagingRange range = StagingRange.of(query);
        ExportJobPager<StagingJob, BoomiAuditEntry> pager = ExportJobPager.<StagingJob, BoomiAuditEntry>builder()
                .submit(() -> client.submitOrResume(range))
                .poll(client::poll)
                .download((job, status) -> client.download(job))
                .pollInterval(pollInitial, pollMax)
                .deadline(deadline)
                .build();
        // SortedEntries delivers the archive in ascending order; the guard only double-checks it
        return PagedAuditLogStream.of(delivery.tracker(query).build(), pager);
    }

    /** Closes the HTTP clients the export built (never a caller-owned one). */
    @Override
    public void close() {
        staging.close();
        platform.close();
    }

    @Override
    public String toString() {
        return "BoomiStagedAuditLogExport{account=" + connection.accountId + ", baseUrl=" + connection.baseUrl + "}";
    }

    /** Configures a {@link BoomiStagedAuditLogExport}; {@code accountId} and credentials are required. */
    public static final class Builder extends BoomiClientBuilder<Builder> {
        private URI stagingBaseUrl;
        private String requestsPath = DEFAULT_REQUESTS_PATH;
        private String requestPath = DEFAULT_REQUEST_PATH;
        private String notificationEmail;
        private Duration pollInitial = DEFAULT_POLL_INITIAL;
        private Duration pollMax = DEFAULT_POLL_MAX;
        private Duration deadline = DEFAULT_DEADLINE;
        private Duration jwtLifetime = BoomiJwt.DEFAULT_LIFETIME;
        private Duration jwtRefreshAhead = BoomiJwt.DEFAULT_REFRESH_AHEAD;
        private Path downloadDirectory;
        private boolean requestPathSet;
        private long sortRunBytes = DEFAULT_SORT_RUN_BYTES;
        private long maxDownloadBytes = DEFAULT_MAX_DOWNLOAD_BYTES;
        private StagedArchiveFormat archiveFormat = StagedArchiveFormat.AUTO;

        private Builder() {
        }

        /**
         * @param url the staging API's host; default the platform {@code baseUrl}/region host (an assumption)
         * @return this builder
         */
        public Builder stagingBaseUrl(URI url) {
            Objects.requireNonNull(url, "stagingBaseUrl");
            if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null) {
                throw new IllegalArgumentException("stagingBaseUrl must be an absolute URL without a query, was " + url);
            }
            this.stagingBaseUrl = url;
            return this;
        }

        /**
         * The collection of staging requests: {@code POST} submits, {@code GET ?fromDate=&toDate=}
         * finds the request of a range after a 409 that did not name it. Unless
         * {@link #stagingRequestPath(String)} is set, one request is at this path plus {@code /{requestId}}.
         *
         * @param template a path containing {@code {accountId}}; default {@value #DEFAULT_REQUESTS_PATH}
         * @return this builder
         */
        public Builder stagingRequestsPath(String template) {
            this.requestsPath = template(template, "{accountId}", "stagingRequestsPath");
            if (!requestPathSet) {
                this.requestPath = requestsPath + "/{requestId}";
            }
            return this;
        }

        /**
         * @param template the path of one request, containing {@code {requestId}} (and usually
         *     {@code {accountId}}); default {@value #DEFAULT_REQUEST_PATH}
         * @return this builder
         */
        public Builder stagingRequestPath(String template) {
            this.requestPath = template(template, "{requestId}", "stagingRequestPath");
            this.requestPathSet = true;
            return this;
        }

        /**
         * @param email where Boomi notifies when the archive is ready; optional
         * @return this builder
         */
        public Builder notificationEmail(String email) {
            Objects.requireNonNull(email, "email");
            if (!email.contains("@")) {
                throw new IllegalArgumentException("notificationEmail must be an email address, was '" + email + "'");
            }
            this.notificationEmail = email.trim();
            return this;
        }

        /**
         * @param initial the first wait between status polls; default 5 s
         * @param max the longest wait (waits double up to it); default 1 min
         * @return this builder
         */
        public Builder pollInterval(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("pollInterval: need 0 < initial <= max, was " + initial + ", " + max);
            }
            this.pollInitial = initial;
            this.pollMax = max;
            return this;
        }

        /**
         * @param deadline how long the archive may take to be ready after submission; default 2 h
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /**
         * @param lifetime how long a JWT is assumed valid when its {@code exp} claim does not say
         *     sooner; default 5 minutes, Boomi's documented life
         * @return this builder
         */
        public Builder jwtLifetime(Duration lifetime) {
            this.jwtLifetime = positive(lifetime, "jwtLifetime");
            return this;
        }

        /**
         * @param refreshAhead how long before its expiry a JWT is replaced; default 60 s (a JWT
         *     shorter-lived than that is replaced after half its life)
         * @return this builder
         */
        public Builder jwtRefreshAhead(Duration refreshAhead) {
            Objects.requireNonNull(refreshAhead, "jwtRefreshAhead");
            if (refreshAhead.isNegative()) {
                throw new IllegalArgumentException("jwtRefreshAhead must not be negative, was " + refreshAhead);
            }
            this.jwtRefreshAhead = refreshAhead;
            return this;
        }

        /**
         * @param directory where the archive is stored while it is verified and read (a private
         *     file, deleted afterwards); default the system temporary directory
         * @return this builder
         */
        public Builder downloadDirectory(Path directory) {
            Objects.requireNonNull(directory, "downloadDirectory");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("downloadDirectory is not a directory: " + directory);
            }
            this.downloadDirectory = directory;
            return this;
        }

        /**
         * @param bytes how many bytes of archive records (as JSON) are sorted in memory at once; larger
         *     archives are sorted through temporary runs of about this size in
         *     {@link #downloadDirectory(Path)}, merged at most 64 at a time; default 16 MiB
         *     ({@value #DEFAULT_SORT_RUN_BYTES}). Memory holds the parsed records too, a few times more.
         * @return this builder
         */
        public Builder sortRunBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("sortRunBytes must be at least 1024, was " + bytes);
            }
            this.sortRunBytes = bytes;
            return this;
        }

        /**
         * @param bytes the largest staged archive downloaded; a larger one fails with an
         *     {@link dev.auditsdk.core.error.AuditDataException} naming this cap, and nothing of it is
         *     delivered; default 8 GiB ({@value #DEFAULT_MAX_DOWNLOAD_BYTES})
         * @return this builder
         */
        public Builder maxDownloadBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxDownloadBytes must be positive, was " + bytes);
            }
            this.maxDownloadBytes = bytes;
            return this;
        }

        /**
         * The layout of the staged archive, which Boomi does not publish (an assumption). By
         * default ({@link StagedArchiveFormat#AUTO}) it is detected from the downloaded bytes:
         * zip, gzip or uncompressed, holding a JSON array or JSON Lines of AuditLog records. Set
         * it when the archive is laid out otherwise (e.g. records in an enveloping object), or to
         * have any other layout refused with an error naming this option.
         *
         * @param format the archive's layout
         * @return this builder
         */
        public Builder archiveFormat(StagedArchiveFormat format) {
            this.archiveFormat = Objects.requireNonNull(format, "archiveFormat");
            return this;
        }

        /**
         * @param format the archive's layout as text, e.g. {@code auto}, {@code gzip+json-lines},
         *     {@code zip+envelope:auditLogs} (see {@link StagedArchiveFormat#of(String)})
         * @return this builder
         * @throws IllegalArgumentException naming the part that is not understood
         */
        public Builder archiveFormat(String format) {
            return archiveFormat(StagedArchiveFormat.of(format));
        }

        /**
         * @return the export
         * @throws IllegalStateException when the account id or credentials are missing
         * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in
         */
        public BoomiStagedAuditLogExport build() {
            return new BoomiStagedAuditLogExport(this);
        }

        private static String template(String template, String placeholder, String name) {
            Objects.requireNonNull(template, name);
            if (!template.startsWith("/") || !template.contains(placeholder) || template.contains("?")) {
                throw new IllegalArgumentException(name + " must be a path starting with '/' and containing "
                        + placeholder + ", was '" + template + "'");
            }
            return template;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
