package dev.auditsdk.boomi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.model.BoomiStagingStatus;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.http.Endpoints;
import dev.auditsdk.core.http.HttpRequestSpec;
import dev.auditsdk.core.http.HttpResult;
import dev.auditsdk.core.http.HttpTransport;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.paging.CloseableIterator;
import dev.auditsdk.core.paging.ExportStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final BoomiConnection connection;
    private final HttpTransport staging;
    private final URI stagingBaseUrl;
    private final String requestsPath;
    private final String requestPath;
    private final String notificationEmail;
    private final Path downloadDirectory;
    private final long sortRunBytes;
    private final long maxDownloadBytes;

    StagingClient(BoomiConnection connection, HttpTransport staging, URI stagingBaseUrl, String requestsPath,
            String requestPath, String notificationEmail, Path downloadDirectory, long sortRunBytes,
            long maxDownloadBytes) {
        this.connection = connection;
        this.staging = staging;
        this.stagingBaseUrl = stagingBaseUrl;
        this.requestsPath = requestsPath;
        this.requestPath = requestPath;
        this.notificationEmail = notificationEmail;
        this.downloadDirectory = downloadDirectory;
        this.sortRunBytes = sortRunBytes;
        this.maxDownloadBytes = maxDownloadBytes;
    }

    URI requestsUri() {
        return Endpoints.resolve(stagingBaseUrl, requestsPath.replace("{accountId}", encode(connection.accountId)));
    }

    URI requestUri(long requestId) {
        return Endpoints.resolve(stagingBaseUrl, requestPath.replace("{accountId}", encode(connection.accountId))
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
                .jsonBody(body).retrySafe(true).build();
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
                .query("fromDate", range.fromDate()).query("toDate", range.toDate()).build();
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
        HttpRequestSpec spec = HttpRequestSpec.get(requestUri(job.requestId)).header("Accept", "application/json").build();
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

    /** Downloads, verifies, and only then opens the archive. */
    CloseableIterator<BoomiAuditEntry> download(StagingJob job) {
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
                .build();
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
            return SortedEntries.of(StagedArchive.open(file, job.requestId), downloadDirectory, sortRunBytes,
                    SortedEntries.DEFAULT_FAN_IN);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new AuditSdkException("boomi: cannot store the archive of staging request " + job.requestId
                    + " in " + file.getParent() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Streams the body into the file, computing its MD5 on the way; read failures are transport errors. */
    private byte[] downloadTo(HttpRequestSpec spec, Path file, long requestId) throws IOException {
        MessageDigest md5 = md5();
        try (HttpResult result = staging.send(spec);
                InputStream in = new DigestInputStream(capped(result.body(), requestId), md5);
                OutputStream out = Files.newOutputStream(file)) {
            long bytes = in.transferTo(out);
            LOG.debug("boomi: downloaded {} bytes of staging request {}", bytes, requestId);
        }
        return md5.digest();
    }

    /** The body, failing once it passes {@code maxDownloadBytes} (a body that never ends cannot fill the disk). */
    private InputStream capped(InputStream body, long requestId) {
        return new CappedInputStream(body, maxDownloadBytes, cap -> new AuditDataException("boomi: the archive of"
                + " staging request " + requestId + " is larger than the download cap of " + cap + " bytes"
                + " (maxDownloadBytes); it was not read. If archives this large are expected, raise the cap with"
                + " BoomiStagedAuditLogExport.Builder.maxDownloadBytes(long)"));
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
            return StagedArchive.createPrivateTempFile(downloadDirectory);
        } catch (IOException e) {
            throw new AuditSdkException("boomi: cannot create a temporary file for the staged archive in "
                    + (downloadDirectory == null ? "the default temporary directory" : downloadDirectory.toString())
                    + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("boomi: could not delete the temporary archive {}: {}", file, e.toString());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
