package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.json.BodyFormat;
import dev.auditsdk.core.spi.json.DecompressionGuard;
import dev.auditsdk.core.spi.json.JsonArrayReader;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.util.TempFiles;

/**
 * Reads a verified staged archive from its temporary file in its {@link StagedArchiveFormat}:
 * zip archives file by file (every file, not only the first), gzip or plain files whole; the
 * records of each as the format says, or, for {@link StagedArchiveFormat.Records#AUTO}, as core's
 * {@link BodyFormat#sniff sniffer} finds them (JSON array or JSON Lines); each record as a
 * {@link BoomiAuditEntry}. A file whose compression is not the configured one is refused before
 * anything is read. Closing the entries closes the file and deletes it.
 */
final class StagedArchive implements CloseableIterator<BoomiAuditEntry> {
    /** How the private temporary files of a staged export (archive, sorted runs) are named. */
    static final String TEMP_PREFIX = "boomi-auditlog-";
    static final String TEMP_SUFFIX = ".part";
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
    private final StagedArchiveFormat format;

    private StagedArchive(Path file, long requestId, ZipFile zip, List<ZipEntry> zipFiles, ReadLimits limits,
            StagedArchiveFormat format) {
        this.limits = limits;
        this.format = format;
        this.file = file;
        this.requestId = requestId;
        this.zip = zip;
        this.zipFiles = zipFiles.iterator();
    }

    /**
     * @param file the verified archive; deleted when the result is closed (or opening fails)
     * @param requestId the staging request, for messages
     * @param limits the read limits (every file of a zip is inflated within them)
     * @param format the archive's layout, or {@link StagedArchiveFormat#AUTO}
     * @return the archive's entries, read lazily
     * @throws AuditDataException if the file's compression is not the one {@code format} names
     */
    static StagedArchive open(Path file, long requestId, ReadLimits limits, StagedArchiveFormat format) {
        try {
            StagedArchiveFormat.Container actual = container(file);
            if (format.container() != StagedArchiveFormat.Container.AUTO && format.container() != actual) {
                throw new AuditDataException("boomi: the archive of staging request " + requestId + " is "
                        + describe(actual) + ", not " + describe(format.container()) + " as the configured archive"
                        + " format '" + format + "' says; set the format the staging API really uses, or auto"
                        + " (archiveFormat on the builder, --archive-format, boomi.archive-format)");
            }
            if (actual == StagedArchiveFormat.Container.ZIP) {
                ZipFile zip = new ZipFile(file.toFile());
                List<ZipEntry> files = new ArrayList<>();
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (!e.isDirectory()) {
                        files.add(e);
                    }
                }
                LOG.debug("boomi: staged archive of request {} is a zip of {} file(s)", requestId, files.size());
                return new StagedArchive(file, requestId, zip, files, limits, format);
            }
            StagedArchive archive = new StagedArchive(file, requestId, null, List.of(), limits, format);
            String what = "the archive of staging request " + requestId;
            InputStream in = Files.newInputStream(file);
            if (actual == StagedArchiveFormat.Container.GZIP && format.records() != StagedArchiveFormat.Records.AUTO) {
                in = DecompressionGuard.gunzip(in, limits, what);
            }
            archive.current = archive.records(in, what);
            archive.currentName = file.getFileName().toString();
            return archive;
        } catch (IOException e) {
            TempFiles.deleteQuietly(file);
            throw new AuditDataException("boomi: cannot open the archive of staging request " + requestId + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            TempFiles.deleteQuietly(file);
            throw e;
        }
    }

    /** The records of one (decompressed) file, as the format says or as sniffed. */
    private CloseableIterator<JsonNode> records(InputStream in, String what) {
        switch (format.records()) {
            case JSON_ARRAY:
                return JsonArrayReader.nodes(in, limits);
            case JSON_LINES:
                return JsonLinesReader.nodes(in, limits);
            case ENVELOPE:
                return JsonArrayReader.nodes(in, format.arrayField(), limits);
            default:
                return BodyFormat.sniff(in, limits, what).entries(null);
        }
    }

    /** The compression the file's first bytes show. */
    private static StagedArchiveFormat.Container container(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return StagedArchiveFormat.Container.ZIP;
            }
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                return StagedArchiveFormat.Container.GZIP;
            }
            return StagedArchiveFormat.Container.NONE;
        }
    }

    private static String describe(StagedArchiveFormat.Container container) {
        switch (container) {
            case ZIP:
                return "a zip archive";
            case GZIP:
                return "a gzip file";
            default:
                return "an uncompressed file";
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
                current = records(DecompressionGuard.zipEntry(zip.getInputStream(next), next.getCompressedSize(),
                        limits, what), what);
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
                    + " request " + requestId + " is not a valid AuditLog record: " + e.getMessage() + ". If the archive"
                    + " is laid out otherwise than assumed (archive format '" + format + "'), set it with archiveFormat"
                    + " on the builder, --archive-format or boomi.archive-format", -1, record, e);
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
            TempFiles.deleteQuietly(file);
            LOG.debug("boomi: read {} records of staging request {}; temporary archive deleted", record, requestId);
        }
    }
}
