package dev.auditsdk.cli.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    private static final Instant T = Instant.parse("2026-02-03T04:05:06.789Z");

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsEverythingAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("cp.json");
        CheckpointState state = CheckpointState.builder().vendor("lifecycle")
                .checkpoint(Checkpoint.of(T.minusSeconds(60), T, Set.of("a", "b"), "cursor-1"))
                .outputPath("/data/out.ndjson").outputBytes(1234).format("ndjson").entries(42).updated(T).build();
        try (CheckpointStore store = CheckpointStore.open(file)) {
            assertThat(store.load()).isEmpty();
            store.save(state);
            store.save(state);
            assertThat(store.load()).contains(state);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cp.json", "cp.json.lock");
        }
        assertThat(Files.readString(file)).contains("\"format\" : \"auditlog-checkpoint\"").contains("\"watermark\" : \"" + T + "\"");
    }

    @Test
    void aSecondRunCannotHoldTheSameFile() {
        Path file = dir.resolve("cp.json");
        try (CheckpointStore first = CheckpointStore.open(file)) {
            assertThat(first.file()).isEqualTo(file.toAbsolutePath());
            assertThatThrownBy(() -> CheckpointStore.open(file)).isInstanceOf(CheckpointFileException.class)
                    .hasMessageContaining("is in use by another auditlog run");
        }
        CheckpointStore.open(file).close();
    }

    @Test
    void readsABareSerializedCheckpoint() throws Exception {
        Path file = dir.resolve("cp.txt");
        Checkpoint cp = Checkpoint.of(T, T, Set.of("x"), null);
        Files.writeString(file, cp.serialize() + "\n");
        try (CheckpointStore store = CheckpointStore.open(file)) {
            CheckpointState state = store.load().orElseThrow();
            assertThat(state.checkpoint()).isEqualTo(cp);
            assertThat(state.vendor()).isEmpty();
        }
    }

    @Test
    void rejectsWhatIsNotACheckpoint() throws Exception {
        Path file = dir.resolve("cp.json");
        Files.writeString(file, "{\"hello\": 1}");
        try (CheckpointStore store = CheckpointStore.open(file)) {
            assertThatThrownBy(store::load).isInstanceOf(CheckpointFileException.class)
                    .hasMessageContaining("is not a valid auditlog checkpoint").hasMessageContaining("delete it to start over");
        }
    }

    @Test
    void aMissingDirectoryIsReported() {
        assertThatThrownBy(() -> CheckpointStore.open(dir.resolve("missing/cp.json")))
                .isInstanceOf(CheckpointFileException.class).hasMessageContaining("does not exist");
    }
}
