package dev.auditsdk.boomi;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link BoomiStagedAuditLogExport} (the Audit Log Staging API): {@code accountId}
 * and credentials are required; the options both Boomi sources share are those of
 * {@link AbstractBoomiSourceBuilder}. Made by {@link BoomiStagedAuditLogExport#builder()}.
 */
public final class BoomiStagedExportBuilder extends AbstractBoomiSourceBuilder<BoomiStagedExportBuilder> {
    private URI stagingBaseUrl;
    private String requestsPath = BoomiStagedAuditLogExport.DEFAULT_REQUESTS_PATH;
    private String requestPath = BoomiStagedAuditLogExport.DEFAULT_REQUEST_PATH;
    private boolean requestPathSet;
    private String notificationEmail;
    private ExportJobOptions exportJob = BoomiStagedAuditLogExport.DEFAULT_EXPORT_JOB;
    private Duration jwtLifetime = BoomiJwt.DEFAULT_LIFETIME;
    private Duration jwtRefreshAhead = BoomiJwt.DEFAULT_REFRESH_AHEAD;
    private Path downloadDirectory;
    private long sortRunBytes = BoomiStagedAuditLogExport.DEFAULT_SORT_RUN_BYTES;
    private long maxDownloadBytes = BoomiStagedAuditLogExport.DEFAULT_MAX_DOWNLOAD_BYTES;
    private StagedArchiveFormat archiveFormat = StagedArchiveFormat.AUTO;

    BoomiStagedExportBuilder() {
    }

    /**
     * @param url the staging API's host; default the platform {@code baseUrl}/region host (an
     *     assumption); checked when the export is built, as the base URL is
     * @return this builder
     */
    public BoomiStagedExportBuilder stagingBaseUrl(URI url) {
        this.stagingBaseUrl = Objects.requireNonNull(url, "stagingBaseUrl");
        return this;
    }

    /**
     * The collection of staging requests: {@code POST} submits, {@code GET ?fromDate=&toDate=}
     * finds the request of a range after a 409 that did not name it. Unless
     * {@link #stagingRequestPath(String)} is set, one request is at this path plus {@code /{requestId}}.
     *
     * @param template a path containing {@code {accountId}}; default
     *     {@value BoomiStagedAuditLogExport#DEFAULT_REQUESTS_PATH}
     * @return this builder
     */
    public BoomiStagedExportBuilder stagingRequestsPath(String template) {
        this.requestsPath = template(template, "{accountId}", "stagingRequestsPath");
        if (!requestPathSet) {
            this.requestPath = requestsPath + "/{requestId}";
        }
        return this;
    }

    /**
     * @param template the path of one request, containing {@code {requestId}} (and usually
     *     {@code {accountId}}); default {@value BoomiStagedAuditLogExport#DEFAULT_REQUEST_PATH}
     * @return this builder
     */
    public BoomiStagedExportBuilder stagingRequestPath(String template) {
        this.requestPath = template(template, "{requestId}", "stagingRequestPath");
        this.requestPathSet = true;
        return this;
    }

    /**
     * @param email where Boomi notifies when the archive is ready; optional
     * @return this builder
     */
    public BoomiStagedExportBuilder notificationEmail(String email) {
        Objects.requireNonNull(email, "email");
        if (!email.contains("@")) {
            throw new IllegalArgumentException("notificationEmail must be an email address, was '" + email + "'");
        }
        this.notificationEmail = email.trim();
        return this;
    }

    /**
     * How the staged request is waited for: the first status poll after
     * {@link ExportJobOptions#pollInitial()}, later ones doubling up to
     * {@link ExportJobOptions#pollMax()}, and a failure when no archive is ready
     * {@link ExportJobOptions#deadline()} after submission.
     *
     * @param options the polling and the deadline; default
     *     {@link BoomiStagedAuditLogExport#DEFAULT_EXPORT_JOB} (5 s doubling to 1 min, 2 h)
     * @return this builder
     */
    public BoomiStagedExportBuilder exportJob(ExportJobOptions options) {
        this.exportJob = Objects.requireNonNull(options, "exportJob");
        return this;
    }

    /**
     * @param lifetime how long a JWT is assumed valid when its {@code exp} claim does not say
     *     sooner; default 5 minutes, Boomi's documented life
     * @return this builder
     */
    public BoomiStagedExportBuilder jwtLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "jwtLifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("jwtLifetime must be positive, was " + lifetime);
        }
        this.jwtLifetime = lifetime;
        return this;
    }

    /**
     * @param refreshAhead how long before its expiry a JWT is replaced; default 60 s (a JWT
     *     shorter-lived than that is replaced after half its life)
     * @return this builder
     */
    public BoomiStagedExportBuilder jwtRefreshAhead(Duration refreshAhead) {
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
    public BoomiStagedExportBuilder downloadDirectory(Path directory) {
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
     *     ({@value BoomiStagedAuditLogExport#DEFAULT_SORT_RUN_BYTES}). Memory holds the parsed
     *     records too, a few times more.
     * @return this builder
     */
    public BoomiStagedExportBuilder sortRunBytes(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("sortRunBytes must be at least 1024, was " + bytes);
        }
        this.sortRunBytes = bytes;
        return this;
    }

    /**
     * @param bytes the largest staged archive downloaded; a larger one fails with an
     *     {@link dev.auditsdk.core.error.AuditDataException} naming this cap, and nothing of it is
     *     delivered; default 8 GiB ({@value BoomiStagedAuditLogExport#DEFAULT_MAX_DOWNLOAD_BYTES})
     * @return this builder
     */
    public BoomiStagedExportBuilder maxDownloadBytes(long bytes) {
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
    public BoomiStagedExportBuilder archiveFormat(StagedArchiveFormat format) {
        this.archiveFormat = Objects.requireNonNull(format, "archiveFormat");
        return this;
    }

    /**
     * @param format the archive's layout as text, e.g. {@code auto}, {@code gzip+json-lines},
     *     {@code zip+envelope:auditLogs} (see {@link StagedArchiveFormat#of(String)})
     * @return this builder
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public BoomiStagedExportBuilder archiveFormat(String format) {
        return archiveFormat(StagedArchiveFormat.of(format));
    }

    /**
     * @return the export
     * @throws IllegalStateException when the account id or credentials are missing
     * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in, or a
     *     base or staging URL with a query
     */
    public BoomiStagedAuditLogExport build() {
        BoomiConnection connection = connection();
        URI stagingBase = stagingBaseUrl == null ? connection.baseUrl
                : checkedUrl(stagingBaseUrl, "stagingBaseUrl(...) (or leave it unset for the platform host)");
        HttpTransport platform = connection.platformTransport();
        HttpTransport staging = connection.stagingTransport(platform, jwtLifetime, jwtRefreshAhead, tokenClock());
        StagingClient client = new StagingClient(connection, staging, stagingBase, requestsPath, requestPath,
                notificationEmail, downloadDirectory, sortRunBytes, maxDownloadBytes, archiveFormat, tokenClock());
        return new BoomiStagedAuditLogExport(connection, platform, staging, client, delivery(), exportJob);
    }

    private static String template(String template, String placeholder, String name) {
        Objects.requireNonNull(template, name);
        if (!template.startsWith("/") || !template.contains(placeholder) || template.contains("?")) {
            throw new IllegalArgumentException(name + " must be a path starting with '/' and containing "
                    + placeholder + ", was '" + template + "'");
        }
        return template;
    }
}
