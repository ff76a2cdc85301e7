package dev.auditsdk.cli.checkpoint;

import dev.auditsdk.core.Checkpoint;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What a checkpoint file holds: the vendor, the SDK {@link Checkpoint} after the last entry
 * written, and, when the output is a file, that file and its length when the checkpoint was
 * saved. Bytes beyond that length were written after the last save and are written again by
 * the next run, so the file is cut back to it first.
 */
@Value.Immutable
public abstract class CheckpointState {

    /** @return a new builder */
    public static ImmutableCheckpointState.Builder builder() {
        return ImmutableCheckpointState.builder();
    }

    /** @return the vendor the checkpoint belongs to; empty for a bare checkpoint string */
    public abstract Optional<String> vendor();

    /** @return the position after the last entry written */
    public abstract Checkpoint checkpoint();

    /** @return the absolute path of the output file, when the output was a file */
    public abstract Optional<String> outputPath();

    /** @return the output file's length when the checkpoint was saved */
    public abstract OptionalLong outputBytes();

    /** @return the output format of the run that saved it, e.g. {@code ndjson} */
    public abstract Optional<String> format();

    /** @return the entries written by every run so far */
    @Value.Default
    public long entries() {
        return 0;
    }

    /** @return when it was saved */
    public abstract Optional<Instant> updated();
}
