package dev.auditsdk.core.spi.util;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private temporary files audit data is spilled to (a downloaded archive, sorted runs, a zip
 * body read in name order): created readable by the owner only, deleted without letting a failed
 * delete hide the error being handled.
 */
public final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /**
     * @param directory where to create it, or null for the system temporary directory
     * @param prefix the start of the file's name, e.g. {@code "boomi-auditlog-"}
     * @param suffix the end of the file's name, e.g. {@code ".part"}
     * @return a new empty file, {@code rw-------} where the file system supports POSIX permissions
     * @throws IOException if it cannot be created
     */
    public static Path createPrivate(Path directory, String prefix, String suffix) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Path dir = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
        // audit data: readable by the owner only, where the file system can say so
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, suffix);
    }

    /**
     * Deletes the file if it exists; a failure is logged, never thrown.
     *
     * @param file the file to delete
     */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary file {}: {}", file, e.toString());
        }
    }
}
