package dev.auditsdk.cli.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkpoint file, held exclusively by one run. {@link #save} replaces it atomically: the new
 * content is written to a temporary file in the same directory, forced to disk, then moved over
 * the old one, so a crash at any moment leaves either the old or the new checkpoint, never a
 * torn one.
 *
 * <p>The file is a small JSON object. A file holding only a serialized {@link Checkpoint}
 * (as stored by a Java program using the SDK) is read too.
 */
public final class CheckpointStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String FORMAT = "auditlog-checkpoint";
    private static final int VERSION = 1;

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private CheckpointStore(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens the checkpoint file (which need not exist yet) and locks it against other runs.
     *
     * @param file the checkpoint file
     * @return the store, to be closed to release the lock
     * @throws CheckpointFileException when another run holds it or its directory is missing
     */
    public static CheckpointStore open(Path file) {
        Path abs = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CheckpointFileException("checkpoint " + file + ": directory " + dir + " does not exist", null);
        }
        Path lockFile = dir.resolve(abs.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return new CheckpointStore(abs, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new CheckpointFileException("checkpoint " + file + " is in use by another auditlog run (lock " + lockFile
                    + "); wait for it to finish", null);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CheckpointFileException("checkpoint " + file + ": cannot create lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** @return the checkpoint file */
    public Path file() {
        return file;
    }

    /**
     * @return what the file holds, or empty when it does not exist yet
     * @throws CheckpointFileException when it exists but is not a checkpoint this version reads
     */
    public Optional<CheckpointState> load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.startsWith("ck")) {
                return Optional.of(CheckpointState.builder().checkpoint(Checkpoint.parse(text)).build());
            }
            return Optional.of(fromJson(Json.mapper().readTree(text)));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new CheckpointFileException("checkpoint " + file + " is not a valid auditlog checkpoint: " + e.getMessage()
                    + "; delete it to start over from --from", e);
        }
    }

    /**
     * Replaces the file's content atomically and durably.
     *
     * @param state the new content
     * @throws UncheckedIOException when it cannot be written; the old checkpoint is then still in place
     */
    public void save(CheckpointState state) {
        byte[] bytes = toJson(state).getBytes(StandardCharsets.UTF_8);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
            LOG.debug("saved checkpoint {} ({})", file, state.checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("cannot delete temporary checkpoint {}", tmp, e);
                }
            }
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("cannot release the lock of {}", file, e);
        }
        closeQuietly(lockChannel);
    }

    /** Makes the rename itself durable; not possible on every platform, hence best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.trace("cannot fsync directory {} on this platform", dir, e);
        }
    }

    private static String toJson(CheckpointState state) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        state.vendor().ifPresent(v -> o.put("vendor", v));
        o.put("checkpoint", state.checkpoint().serialize());
        o.put("watermark", state.checkpoint().watermark().toString());
        state.outputPath().ifPresent(p -> o.put("output", p));
        state.outputBytes().ifPresent(b -> o.put("outputBytes", b));
        state.format().ifPresent(f -> o.put("outputFormat", f));
        o.put("entries", state.entries());
        state.updated().ifPresent(u -> o.put("updated", u.toString()));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render checkpoint", e);
        }
    }

    private static CheckpointState fromJson(JsonNode o) {
        if (!FORMAT.equals(o.path("format").asText()) || o.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("expected \"format\": \"" + FORMAT + "\" version " + VERSION);
        }
        ImmutableCheckpointState.Builder b = CheckpointState.builder()
                .checkpoint(Checkpoint.parse(o.path("checkpoint").asText()))
                .entries(o.path("entries").asLong(0));
        text(o, "vendor").ifPresent(b::vendor);
        text(o, "output").ifPresent(b::outputPath);
        text(o, "outputFormat").ifPresent(b::format);
        text(o, "updated").map(Instant::parse).ifPresent(b::updated);
        if (o.hasNonNull("outputBytes")) {
            b.outputBytes(o.get("outputBytes").asLong());
        }
        return b.build();
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.trace("cannot close", e);
            }
        }
    }
}
