package dev.auditsdk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where records go: stdout, or a file whose committed length is known. {@link #commit()} makes
 * everything written so far durable (forced to disk for a file) and returns the file's length,
 * which the checkpoint records; a later run cuts the file back to that length, so records
 * written after the last checkpoint are not kept twice.
 */
final class OutputTarget implements AutoCloseable {
    private final OutputStream stream;
    private final FileChannel channel;
    private final Path path;
    private final boolean continuing;

    private OutputTarget(OutputStream stream, FileChannel channel, Path path, boolean continuing) {
        this.stream = stream;
        this.channel = channel;
        this.path = path;
        this.continuing = continuing;
    }

    static OutputTarget stdout(OutputStream stdout) {
        return new OutputTarget(new BufferedOutputStream(stdout, 64 * 1024), null, null, false);
    }

    /**
     * Opens an output file.
     *
     * @param path the file
     * @param append keep its content (a run with a checkpoint); otherwise it is replaced
     * @param committedLength its length at the last checkpoint, when that checkpoint was saved for this file
     * @param notice tells the user what was done to the file
     */
    static OutputTarget file(Path path, boolean append, OptionalLong committedLength, Consumer<String> notice)
            throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        java.util.Set<StandardOpenOption> options = append
                ? java.util.EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)
                : java.util.EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        // audit data is sensitive: a new output file is readable by its owner only (an existing one keeps its mode)
        boolean posix = abs.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileChannel ch = posix
                ? FileChannel.open(abs, options, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(abs, options);
        try {
            long size = ch.size();
            if (append && committedLength.isPresent()) {
                long committed = committedLength.getAsLong();
                if (size > committed) {
                    ch.truncate(committed);
                    ch.force(true);
                    notice.accept("removed " + (size - committed) + " bytes from the end of " + path
                            + " written after the last checkpoint; those entries are read again");
                    size = committed;
                } else if (size < committed) {
                    notice.accept(path + " is shorter than when the checkpoint was saved (rotated or edited?); appending");
                }
            }
            ch.position(size);
            return new OutputTarget(new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024), ch, abs, size > 0);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** @return the stream records are written to (buffered) */
    OutputStream stream() {
        return stream;
    }

    /** @return true when the file already had content: no CSV header then */
    boolean continuing() {
        return continuing;
    }

    /** @return the absolute file, for a file output */
    Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Flushes, and for a file forces the content to disk.
     *
     * @return the file's length after the flush, for a file output
     */
    OptionalLong commit() throws IOException {
        stream.flush();
        if (channel == null) {
            return OptionalLong.empty();
        }
        channel.force(false);
        return OptionalLong.of(channel.position());
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            stream.close();
        } else {
            stream.flush();
        }
    }

    /** @return true when the file exists and is not empty */
    static boolean hasContent(Path path) throws IOException {
        return Files.exists(path) && Files.size(path) > 0;
    }
}
