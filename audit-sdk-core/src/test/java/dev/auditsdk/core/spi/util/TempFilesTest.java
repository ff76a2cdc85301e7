package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTemporaryFileIsCreatedInTheGivenDirectoryReadableByItsOwnerOnly() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = TempFiles.createPrivate(dir, "boomi-auditlog-", ".part");
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName().toString()).startsWith("boomi-auditlog-").endsWith(".part");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void deletingIsQuietForAFileThatIsGoneOrCannotBeDeleted() throws IOException {
        Path file = TempFiles.createPrivate(dir, "boomi-auditlog-", ".part");
        TempFiles.deleteQuietly(file);
        assertThat(file).doesNotExist();
        TempFiles.deleteQuietly(file);
        Path notEmpty = Files.createDirectory(dir.resolve("run"));
        Files.writeString(notEmpty.resolve("kept"), "x");
        TempFiles.deleteQuietly(notEmpty);
        assertThat(notEmpty.resolve("kept")).exists();
    }
}
