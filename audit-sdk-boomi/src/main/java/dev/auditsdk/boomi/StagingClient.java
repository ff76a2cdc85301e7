package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.ExportStatus;
import dev.auditsdk.core.spi.paging.ResumeBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.TempFiles;

/**
 * The three steps of a staged export against the Audit Log Staging API: submit (or, on 409,
 * resume the request that exists for the same range), poll, and download with MD5 verification.
 *
 * <p>The archive is downloaded to a private temporary file while its MD5 is computed, verified
 * against the published {@code checksum}, and only then read: no entry of a corrupt or
 * truncated archive is ever delivered, memory stays bounded however large the archive, and the
 * file is deleted when reading ends. Its records are then delivered in ascending date order
 * ({@link SortedEntries}), whatever order the archive holds them in.
 */
final class StagingClient {
    private static final Logger LOG = LoggerFactory.getLogger(StagingClient.class);
    /** What a storage service answers for an expired, unknown or revoked download link. */
    private static final Set<Integer> LINK_GONE = Set.of(403, 404, 410);

    private final BoomiConnection connection;
    private final HttpTransport staging;
    private final URI stagingBaseUrl;
    private final String requestsPath;
    private final String requestPath;
    private final String notificationEmail;
    private final Path downloadDirectory;
    private final long sortRunBytes;
    private final long maxDownloadBytes;
    private final StagedArchiveFormat archiveFormat;
    private final Clock clock;

    StagingClient(BoomiConnection connection, HttpTransport staging, URI stagingBaseUrl, String requestsPath,
            String requestPath, String notificationEmail, Path downloadDirectory, long sortRunBytes,
            long maxDownloadBytes, StagedArchiveFormat archiveFormat, Clock clock) {
        this.connection = connection;
        this.staging = staging;
        this.stagingBaseUrl = stagingBaseUrl;
        this.requestsPath = requestsPath;
        this.requestPath = requestPath;
        this.notificationEmail = notificationEmail;
        this.downloadDirectory = downloadDirectory;
        this.sortRunBytes = sortRunBytes;
        this.maxDownloadBytes = maxDownloadBytes;
        this.archiveFormat = archiveFormat;
        this.clock = clock;
    }

    /** @return the staging API's host */
    URI stagingBaseUrl() {
        return stagingBaseUrl;
    }

    URI requestsUri() {
        return Endpoints.resolve(stagingBaseUrl, requestsPath.replace("{accountId}", Endpoints.encode(connection.accountId)));
    }

    URI requestUri(long requestId) {
        return Endpoints.resolve(stagingBaseUrl, requestPath.replace("{accountId}", Endpoints.encode(connection.accountId))
                .replace("{requestId}", Long.toString(requestId)));
    }

    /** Submits the range; when Boomi answers 409, continues with the request that already exists. */
    StagingJob submitOrResume(StagingRange range) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("accountId", connection.accountId);
        body.put("fromDate", range.fromDate());
        body.put("toDate", range.toDate());
        if (notificationEmail != null) {
            body.put("email", notificationEmail);
        }
        ObjectNode expression = body.putObject("queryFilter").putObject("expression");
        expression.putArray("values").add(range.fromDate()).add(range.toDate());
        expression.put("operator", "BETWEEN");
        expression.put("property", "date");
        // Retrying a submission is safe: a duplicate is answered 409 and resumed below.
        HttpRequestSpec spec = HttpRequestSpec.post(requestsUri()).header("Accept", "application/json")
                .jsonBody(body).retrySafe(true).operation(Operation.SUBMIT).build();
        try {
            BoomiStagingStatus status = status(spec, "submitting the staging request for " + range);
            long id = status.requestId().orElseThrow(() -> new AuditDataException(
                    "boomi: the staging API accepted the request for " + range + " but answered no requestId"));
            LOG.info("boomi: staged audit log request {} for {}", id, range);
            StagingJob job = new StagingJob(id, range, false);
            job.lastStatus = status;
            return job;
        } catch (BoomiErrorDecoder.StagingConflictException conflict) {
            if (conflict.existingRequestId().isPresent()) {
                long id = conflict.existingRequestId().getAsLong();
                LOG.info("boomi: a staging request for {} already exists (409): resuming request {}", range, id);
                return new StagingJob(id, range, true);
            }
            return lookUp(range, conflict);
        }
    }

    private StagingJob lookUp(StagingRange range, BoomiErrorDecoder.StagingConflictException conflict) {
        LOG.info("boomi: a staging request for {} already exists (409) and the answer did not name it; looking it up", range);
        HttpRequestSpec spec = HttpRequestSpec.get(requestsUri()).header("Accept", "application/json")
                .query("fromDate", range.fromDate()).query("toDate", range.toDate()).operation(Operation.STATUS).build();
        try {
            BoomiStagingStatus status = status(spec, "looking up the staging request for " + range);
            long id = status.requestId().orElseThrow(() -> new AuditDataException(
                    "boomi: the staging look-up for " + range + " answered no requestId"));
            StagingJob job = new StagingJob(id, range, true);
            job.lastStatus = status;
            return job;
        } catch (AuditNotFoundException notFound) {
            AuditSdkException e = new AuditSdkException("boomi: Boomi says a staging request for " + range
                    + " already exists (409) but neither named it nor found it by its range; wait for it to expire or"
                    + " use another range", conflict);
            e.addSuppressed(notFound);
            throw e;
        }
    }

    /** Asks for the request's status and maps it to the export template's outcomes. */
    ExportStatus poll(StagingJob job) {
        HttpRequestSpec spec = HttpRequestSpec.get(requestUri(job.requestId)).header("Accept", "application/json")
                .operation(Operation.STATUS).build();
        BoomiStagingStatus status = status(spec, "polling staging request " + job.requestId);
        job.lastStatus = status;
        if (status.error().isPresent()) {
            return ExportStatus.failed("ERROR", "staging request " + job.requestId + " failed: " + status.error().get()
                    + status.message().map(m -> " (" + m + ")").orElse(""));
        }
        if (status.downloadLink().isPresent()) {
            return ExportStatus.readyAt("READY", status.downloadLink().get());
        }
        return ExportStatus.pending(status.message().orElse("PENDING"));
    }

    /**
     * Downloads, verifies, and only then opens the archive. A download cut short (truncated,
     * reset, stalled past the body-read timeout) is downloaded again from the start, within the
     * staging transport's retry policy ({@link ResumeBudget}: at most {@code maxAttempts}
     * downloads, its backoff and deadline); nothing has been delivered yet, so nothing needs
     * skipping. Before each download starts, a link whose announced {@code downloadLinkExpiry}
     * has passed is replaced by polling the request's status again (a link still announced as
     * expired after that, e.g. under clock skew, is tried anyway: the server decides). A link
     * that is refused as expired or unknown (HTTP 403, 404, 410) is replaced once by polling the
     * request's status again for a fresh one.
     */
    CloseableIterator<BoomiAuditEntry> download(StagingJob job) {
        ResumeBudget budget = ResumeBudget.of(staging.retryPolicy(), "boomi: download of staging request " + job.requestId);
        boolean relinked = false;
        while (true) {
            renewIfExpired(job);
            try {
                return downloadOnce(job);
            } catch (DownloadCutShort cut) {
                if (!budget.retryAfter(cut.failure, false)) {
                    throw cut.failure;
                }
                relinked = false; // that link answered: a later refusal is a new expiry
            } catch (AuditApiException refused) {
                if (relinked || !LINK_GONE.contains(refused.statusCode())) {
                    throw refused;
                }
                relinked = true;
                relink(job, refused);
            }
        }
    }

    /** Polls the request again for a fresh download link after the last one was refused. */
    private void relink(StagingJob job, AuditApiException refused) {
        LOG.info("boomi: the download link of staging request {} was refused (HTTP {}); polling the request for a fresh link",
                job.requestId, refused.statusCode());
        ExportStatus status = poll(job);
        if (status.kind() != ExportStatus.Kind.READY) {
            refused.addSuppressed(new AuditSdkException("boomi: polling staging request " + job.requestId
                    + " again for a fresh download link answered " + status.state()
                    + status.message().map(m -> ": " + m).orElse("")));
            throw refused;
        }
    }

    /** Polls the request for a fresh link when the current one's announced expiry has passed. */
    private void renewIfExpired(StagingJob job) {
        Optional<Instant> expiry = linkExpiry(job);
        Instant now = clock.instant();
        if (expiry.isEmpty() || now.isBefore(expiry.get())) {
            return;
        }
        LOG.info("boomi: the download link of staging request {} expired at {} (announced downloadLinkExpiry);"
                + " polling the request for a fresh link", job.requestId, expiry.get());
        ExportStatus status = poll(job);
        if (status.kind() != ExportStatus.Kind.READY) {
            throw new AuditSdkException("boomi: the download link of staging request " + job.requestId + " expired and"
                    + " polling the request again for a fresh one answered " + status.state()
                    + status.message().map(m -> ": " + m).orElse(""));
        }
        linkExpiry(job).filter(fresh -> !now.isBefore(fresh)).ifPresent(fresh -> LOG.warn("boomi: the fresh download"
                + " link of staging request {} is announced as expired too ({}; is this clock behind or ahead?);"
                + " trying it anyway", job.requestId, fresh));
    }

    /** The announced expiry of the job's link; empty when none is announced or it is not a date-time. */
    private static Optional<Instant> linkExpiry(StagingJob job) {
        Optional<String> text = job.lastStatus == null ? Optional.empty() : job.lastStatus.downloadLinkExpiry();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timestamps.parse("downloadLinkExpiry", text.get()));
        } catch (AuditDataException e) {
            LOG.debug("boomi: staging request {} announced a downloadLinkExpiry that is not a date-time; ignored: {}",
                    job.requestId, e.getMessage());
            return Optional.empty();
        }
    }

    private CloseableIterator<BoomiAuditEntry> downloadOnce(StagingJob job) throws DownloadCutShort {
        BoomiStagingStatus status = job.lastStatus;
        String link = status.downloadLink().orElseThrow(() -> new AuditDataException(
                "boomi: staging request " + job.requestId + " has no downloadLink"));
        String checksum = status.checksum().orElseThrow(() -> new AuditDataException("boomi: staging request "
                + job.requestId + " published no MD5 checksum; the archive cannot be verified, so it is not read"));
        byte[] expected = parseChecksum(checksum, job.requestId);
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new AuditDataException("boomi: staging request " + job.requestId + " has a malformed downloadLink", e);
        }
        // The JWT goes only to Boomi's own staging host; a storage link carries its own authorization.
        boolean authenticated = Endpoints.sameOrigin(uri, stagingBaseUrl);
        HttpRequestSpec spec = HttpRequestSpec.get(uri)
                .header("Accept", "*/*")
                .header("Accept-Encoding", "identity") // the checksum is over the file as stored
                .authenticated(authenticated)
                .operation(Operation.DOWNLOAD).build();
        Path file = createTempFile();
        try {
            byte[] actual = downloadTo(spec, file, job.requestId);
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new AuditDataException("boomi: the archive of staging request " + job.requestId
                        + " does not match its MD5 checksum (expected " + hex(expected) + ", got " + hex(actual)
                        + "): it was corrupted or truncated on the way, so none of its entries is delivered."
                        + " Run the export again");
            }
            LOG.debug("boomi: archive of staging request {} verified ({} bytes, MD5 {})", job.requestId,
                    Files.size(file), hex(actual));
            StagedArchive archive = StagedArchive.open(file, job.requestId, staging.limits(), archiveFormat);
            return SortedEntries.of(archive, downloadDirectory, sortRunBytes,
                    SortedEntries.DEFAULT_FAN_IN);
        } catch (IOException e) {
            TempFiles.deleteQuietly(file);
            throw new AuditSdkException("boomi: cannot store the archive of staging request " + job.requestId
                    + " in " + file.getParent() + ": " + e.getMessage(), e);
        } catch (RuntimeException | DownloadCutShort e) {
            TempFiles.deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Streams the body into the file, computing its MD5 on the way. A failure to get an answer
     * is the transport's (already retried); a failure while reading the body is a cut-short
     * download, which {@link #download} may retry.
     */
    private byte[] downloadTo(HttpRequestSpec spec, Path file, long requestId) throws IOException, DownloadCutShort {
        MessageDigest md5 = md5();
        try (HttpResult result = staging.send(spec);
                InputStream in = new DigestInputStream(capped(result.body(), requestId), md5);
                OutputStream out = Files.newOutputStream(file)) {
            long bytes;
            try {
                bytes = in.transferTo(out);
            } catch (AuditTransportException e) {
                throw new DownloadCutShort(e);
            }
            LOG.debug("boomi: downloaded {} bytes of staging request {}", bytes, requestId);
        }
        return md5.digest();
    }

    /** A download whose body read failed part-way. */
    private static final class DownloadCutShort extends Exception {
        private static final long serialVersionUID = 1L;
        final transient AuditTransportException failure;

        DownloadCutShort(AuditTransportException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** The body, failing once it passes {@code maxDownloadBytes} (a body that never ends cannot fill the disk). */
    private InputStream capped(InputStream body, long requestId) {
        return new CappedInputStream(body, maxDownloadBytes, cap -> new AuditDataException("boomi: the archive of"
                + " staging request " + requestId + " is larger than the download cap of " + cap + " bytes"
                + " (maxDownloadBytes); it was not read. If archives this large are expected, raise the cap with"
                + " BoomiStagedExportBuilder.maxDownloadBytes(long)"));
    }

    private BoomiStagingStatus status(HttpRequestSpec spec, String what) {
        JsonNode node = staging.sendForJson(spec); // read inside the attempt: a cut-off answer is asked for again
        if (!node.isObject()) {
            throw new AuditDataException("boomi: " + what + ": the answer is not a JSON object");
        }
        return BoomiStagingStatus.of(node);
    }

    /** The published checksum as 16 bytes: 32 hex digits, or (as in {@code Content-MD5}) base64. */
    static byte[] parseChecksum(String checksum, long requestId) {
        String c = checksum.trim();
        if (c.matches("[0-9a-fA-F]{32}")) {
            byte[] out = new byte[16];
            for (int i = 0; i < 16; i++) {
                out[i] = (byte) Integer.parseInt(c.substring(2 * i, 2 * i + 2), 16);
            }
            return out;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(c);
            if (decoded.length == 16) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new AuditDataException("boomi: staging request " + requestId + " published a checksum that is not an"
                + " MD5 (32 hex digits or base64 of 16 bytes): '" + c + "'");
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private Path createTempFile() {
        try {
            return TempFiles.createPrivate(downloadDirectory, StagedArchive.TEMP_PREFIX, StagedArchive.TEMP_SUFFIX);
        } catch (IOException e) {
            throw new AuditSdkException("boomi: cannot create a temporary file for the staged archive in "
                    + (downloadDirectory == null ? "the default temporary directory" : downloadDirectory.toString())
                    + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

}
