package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.Checkpoint;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    @Test
    void anOffsetRoundTripsItsCheckpoint() {
        Checkpoint cp = Checkpoint.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:05Z"),
                Set.of("a", "b"), "cursor-1");
        assertThat(SourceOffsets.checkpoint(SourceOffsets.offset(cp))).contains(cp);
        assertThat(SourceOffsets.checkpoint(null)).isEmpty();
    }

    @Test
    void aCheckpointTooLargeForAnOffsetIsAClearFailure() {
        Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString());
        }
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> SourceOffsets.offset(Checkpoint.of(t, t, ids, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("it remembers 20000 delivered ids");
    }

    @Test
    void foreignOffsetsAreRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> SourceOffsets.checkpoint(Map.of("position", 5)))
                .hasMessageContaining("{\"checkpoint\": \"<serialized checkpoint>\"}");
        assertThatThrownBy(() -> SourceOffsets.checkpoint(Map.of("checkpoint", "ck1.!!!")))
                .hasMessageStartingWith("offset 'checkpoint' is not a checkpoint: corrupt checkpoint");
        assertThatThrownBy(() -> SourceOffsets.stream(Map.of("stream", "x")))
                .hasMessageContaining("{\"stream\": \"<stream>\", \"vendor\": \"<vendor>\"}");
        assertThat(SourceOffsets.stream(SourceOffsets.partition("boomi", "acme"))).isEqualTo("acme");
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put("vendor", "boomi");
        reversed.put("stream", "acme");
        assertThatThrownBy(() -> SourceOffsets.stream(reversed)).hasMessageContaining("in this order");
    }
}
