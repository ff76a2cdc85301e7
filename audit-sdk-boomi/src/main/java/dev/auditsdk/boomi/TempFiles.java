package dev.auditsdk.boomi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private temporary files of a staged export (the downloaded archive, the sorted runs):
 * created readable by the owner only, deleted without letting a failed delete hide the error
 * being handled.
 */
final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /**
     * @param directory where to create it, or null for the system temporary directory
     * @return a new empty file, {@code rw-------} where the file system supports POSIX permissions
     * @throws IOException if it cannot be created
     */
    static Path createPrivate(Path directory) throws IOException {
        Path dir = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
        // audit data: readable by the owner only, where the file system can say so
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, "boomi-auditlog-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "boomi-auditlog-", ".part");
    }

    /** Deletes the file if it exists; a failure is logged, never thrown. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("boomi: could not delete the temporary archive {}: {}", file, e.toString());
        }
    }
}
