package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.informatica.model.InformaticaAuditEntry;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** {@link InformaticaAuditLogPages} against a simulated server that ignores {@code batchId}: it stops, never loops. */
@Timeout(60) // before the guards these requested forever
class InformaticaAuditLogPagesTest {
    private static final String PASSWORD = "pa55-S3CR3T-word";
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    private static final String AUDIT_PATH = "/saas/api/v2/auditlog";

    private InformaticaSimulator sim;
    private InformaticaAuditLogSource source;

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(InformaticaSimulator.Builder b) {
        start(b, 1); // the request counts below are those of batches read one after the other ...
    }

    private void start(InformaticaSimulator.Builder b, int parallelism) {
        sim = b.credentials("auditor@example.com", PASSWORD).endingAt(END).build().start();
        source = InformaticaAuditLogSource.builder()
                .baseUrl(sim.loginUrl())
                .credentials("auditor@example.com", PASSWORD)
                .retryPolicy(RetryPolicy.none())
                .batchSize(200) // ... and the positions those of 200-entry batches
                .parallelism(parallelism)
                .build();
    }

    private static void readAll(AuditLogStream<InformaticaAuditEntry> stream) {
        try (stream) {
            List<InformaticaAuditEntry> out = new ArrayList<>();
            stream.forEach(out::add);
        }
    }

    @Test
    void aServerIgnoringBatchIdStopsTheSeekAfterFourRequestsNamingBatchId() {
        start(InformaticaSimulator.builder().auditEntries(500).ignoreBatchId(true));
        // a range ending a day ago: the seek looks for the first batch older than `to`
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(6))).to(END.minus(Duration.ofDays(1)))
                .build();

        assertThatThrownBy(() -> readAll(source.fetch(query)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("the same entry at each of the 4 positions probed from 199 to 1599")
                .hasMessageContaining("ignore the 'batchId' parameter")
                .hasMessageContaining("stopped after 4 requests");
        assertThat(sim.requestCount(AUDIT_PATH)).isEqualTo(1 + InformaticaAuditLogPages.SAME_ENTRY_PROBES_LIMIT);
    }

    @Test
    void aServerIgnoringBatchIdWhileTheLogGrowsStopsTheSeekBeforeThePositionOverflows() {
        start(InformaticaSimulator.builder().auditEntries(500).ignoreBatchId(true));
        sim.appendOnEachAuditLogRequest(1); // every probe answers a new entry: no repeat to spot
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(6))).to(END.minus(Duration.ofDays(1)))
                .build();

        assertThatThrownBy(() -> readAll(source.fetch(query)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("which no log holds")
                .hasMessageContaining("ignore the 'batchId' parameter");
        // positions 199, then 2^k * 200 - 1 for k = 1..55; the next doubling would pass Long.MAX_VALUE
        assertThat(sim.requestCount(AUDIT_PATH)).isEqualTo(56);
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.query() == null ? "" : r.query())
                .doesNotContain("batchId=-"));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 8})
    void aServerIgnoringBatchIdStopsTheWalkAfterMaxPagesWithoutProgressNamingBatchId(int parallelism) {
        start(InformaticaSimulator.builder().auditEntries(500).ignoreBatchId(true), parallelism);
        // a range ending after the newest entry: no seek, the walk pages from batch 0
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(60))
                .build();

        assertThatThrownBy(() -> readAll(source.fetch(query)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("maxPagesWithoutProgress = 100")
                .hasMessageContaining("ignore the offset parameter 'batchId'");
        // one seek probe, batch 0 (new entries), then 101 batches that are batch 0 again; in rounds of
        // 8: 13 rounds (the 101 in them) and each round's 7 one-entry boundary checks, which hold
        // (every answer is batch 0)
        assertThat(sim.requestCount(AUDIT_PATH)).isEqualTo(parallelism == 1 ? 1 + 1 + 101 : 1 + 1 + 13 * 8 + 13 * 7);
    }

    @Test
    void aHealthyServerIsSeekedAndReadExactly() {
        start(InformaticaSimulator.builder().auditEntries(500));
        Instant from = END.minus(Duration.ofDays(6));
        Instant to = END.minus(Duration.ofDays(1));
        List<InformaticaAuditEntry> got = new ArrayList<>();
        try (AuditLogStream<InformaticaAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(from).to(to).build())) {
            stream.forEach(got::add);
        }
        assertThat(got).extracting(InformaticaAuditEntry::id).containsExactlyInAnyOrderElementsOf(
                sim.auditEntries(from, to).stream().map(r -> r.id()).collect(java.util.stream.Collectors.toList()));
        assertThat(got).isNotEmpty();
    }
}
