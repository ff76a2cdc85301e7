package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The largest offset case: a newest-first source (UiPath classic), whose checkpoints used to list
 * every id delivered in a partly read range, read in many batches. Every record's offset is the
 * checkpoint after it; each stays a few hundred bytes, far under Kafka's 1 MB record limit, however
 * large the range.
 */
class OffsetSizeTest {
    /** The stated bound for one offset of a newest-first stream (the checkpoint and its JSON wrapper). */
    static final int MAX_OFFSET_BYTES = 4096;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void everyOffsetOfALargeNewestFirstReadStaysSmall() throws Exception {
        int count = 30_000;
        try (UiPathSimulator sim = UiPathSimulator.builder().seed(5).classicEntries(count).unifiedEvents(0)
                .dataBetween(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofHours(1))).build().start()) {
            Map<String, String> p = new HashMap<>();
            p.put("streams", "eu");
            p.put("topic", "audit");
            p.put("format", "raw");
            p.put("batch.max.entries", "500");
            p.put("streams.eu.vendor", "uipath");
            p.put("streams.eu.base-url", sim.baseUrl().toString());
            p.put("streams.eu.organization", sim.organization());
            p.put("streams.eu.tenant", sim.tenant());
            p.put("streams.eu.client-id", sim.clientId());
            p.put("streams.eu.client-secret", sim.clientSecret());
            p.put("streams.eu.from", NOW.minus(Duration.ofDays(11)).toString());
            p.put("streams.eu.poll.interval", "1h");
            p.put("task.streams", "eu");
            InMemoryOffsets offsets = new InMemoryOffsets(p);
            AuditLogSourceTask task = new AuditLogSourceTask(Clock.systemUTC());
            task.initialize(offsets);
            task.start(offsets.configs());
            Set<String> keys = new HashSet<>();
            int largest = 0;
            try {
                for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
                    for (SourceRecord r : batch) {
                        offsets.commit(r);
                        assertThat(keys.add((String) r.key())).as("delivered once: %s", r.key()).isTrue();
                        String checkpoint = (String) r.sourceOffset().get("checkpoint");
                        Checkpoint.parse(checkpoint);
                        largest = Math.max(largest, checkpoint.getBytes(StandardCharsets.UTF_8).length);
                    }
                }
            } finally {
                task.stop();
            }
            // the generator repeats a few entries exactly, which the classic API cannot tell apart
            assertThat(keys).hasSizeGreaterThan(count - 20);
            assertThat(largest).as("largest offset, bytes").isLessThan(MAX_OFFSET_BYTES);
        }
    }
}
