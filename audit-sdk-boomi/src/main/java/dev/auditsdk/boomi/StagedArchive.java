package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.json.BodyFormat;
import dev.auditsdk.core.json.DecompressionGuard;
import dev.auditsdk.core.paging.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a verified staged archive from its temporary file: gzip or plain files through core's
 * {@link BodyFormat#sniff sniffer} (JSON array or JSON Lines), zip archives file by file (every
 * file, not only the first), each record as a {@link BoomiAuditEntry}. Closing the entries
 * closes the file and deletes it.
 */
final class StagedArchive implements CloseableIterator<BoomiAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(StagedArchive.class);

    private final Path file;
    private final long requestId;
    private final ZipFile zip;
    private final Iterator<ZipEntry> zipFiles;
    private CloseableIterator<JsonNode> current;
    private String currentName;
    private long record;
    private boolean closed;

    private final ReadLimits limits;

    private StagedArchive(Path file, long requestId, ZipFile zip, List<ZipEntry> zipFiles, ReadLimits limits) {
        this.limits = limits;
        this.file = file;
        this.requestId = requestId;
        this.zip = zip;
        this.zipFiles = zipFiles.iterator();
    }

    /**
     * @param file the verified archive; deleted when the result is closed (or opening fails)
     * @param requestId the staging request, for messages
     * @param limits the read limits (every file of a zip is inflated within them)
     * @return the archive's entries, read lazily
     */
    static StagedArchive open(Path file, long requestId, ReadLimits limits) {
        try {
            if (isZip(file)) {
                ZipFile zip = new ZipFile(file.toFile());
                List<ZipEntry> files = new ArrayList<>();
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (!e.isDirectory()) {
                        files.add(e);
                    }
                }
                LOG.debug("boomi: staged archive of request {} is a zip of {} file(s)", requestId, files.size());
                return new StagedArchive(file, requestId, zip, files, limits);
            }
            StagedArchive archive = new StagedArchive(file, requestId, null, List.of(), limits);
            archive.current = BodyFormat.sniff(Files.newInputStream(file), limits,
                    "the archive of staging request " + requestId).entries(null);
            archive.currentName = file.getFileName().toString();
            return archive;
        } catch (IOException e) {
            StagingClient.deleteQuietly(file);
            throw new AuditDataException("boomi: cannot open the archive of staging request " + requestId + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            StagingClient.deleteQuietly(file);
            throw e;
        }
    }

    static Path createPrivateTempFile(Path directory) throws IOException {
        Path dir = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
        // audit data: readable by the owner only, where the file system can say so
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, "boomi-auditlog-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "boomi-auditlog-", ".part");
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        while (current == null || !current.hasNext()) {
            if (current != null) {
                current.close();
                current = null;
            }
            if (!zipFiles.hasNext()) {
                return false;
            }
            ZipEntry next = zipFiles.next();
            currentName = next.getName();
            try {
                String what = next.getName() + " in the archive of staging request " + requestId;
                current = BodyFormat.sniff(DecompressionGuard.zipEntry(zip.getInputStream(next), next.getCompressedSize(),
                        limits, what), limits, what).entries(null);
            } catch (IOException e) {
                throw new AuditDataException("boomi: cannot read " + currentName + " in the archive of staging request "
                        + requestId + ": " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Override
    public BoomiAuditEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JsonNode node = current.next();
        record++;
        try {
            return BoomiAuditEntry.of(node);
        } catch (IllegalArgumentException e) {
            throw new AuditDataException("boomi: record " + record + " (in " + currentName + ") of the archive of staging"
                    + " request " + requestId + " is not a valid AuditLog record: " + e.getMessage(), -1, record, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (current != null) {
                current.close();
            }
            if (zip != null) {
                zip.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("boomi: closing the staged archive failed: {}", e.toString());
        } finally {
            StagingClient.deleteQuietly(file);
            LOG.debug("boomi: read {} records of staging request {}; temporary archive deleted", record, requestId);
        }
    }
}
