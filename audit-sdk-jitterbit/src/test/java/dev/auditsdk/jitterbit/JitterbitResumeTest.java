package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.jitterbit.ApiLogRecord;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export file whose download fails part-way is downloaded again and read on in the same
 * stream, over real loopback sockets against the simulator.
 */
class JitterbitResumeTest {
    /** Status polls 1 to 5 ms apart, so the simulator's jobs finish at once. */
    private static final ExportJobOptions FAST_POLLS =
            ExportJobOptions.builder().pollInterval(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    private static final String PASSWORD = "Jitterbit4Ever!S3CR3T";
    private static final Instant T0 = Instant.parse("2024-01-20T00:00:00Z");
    private static final Instant T3 = T0.plus(Duration.ofDays(3));
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();

    private JitterbitSimulator sim;
    private JitterbitApiLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(Consumer<JitterbitSimulator.Builder> config) {
        JitterbitSimulator.Builder b = JitterbitSimulator.builder().entries(3000).pollsWhileReceived(0)
                .pollsWhileProcessing(0).user("alice@jbexample.com", PASSWORD).span(T0, T3);
        config.accept(b);
        sim = b.build().start();
        source = JitterbitApiLogSource.builder()
                .baseUrl(sim.baseUrl())
                .credentials("alice@jbexample.com", PASSWORD)
                .exportJob(FAST_POLLS)
                .parallelism(1) // the cuts below are placed by request order
                .retryPolicy(FAST_RETRIES)
                .build();
    }

    private static AuditLogQuery range(Instant from, Instant to) {
        return AuditLogQuery.builder().from(from).to(to).build();
    }

    private List<String> idsIn(Instant from, Instant to) {
        return sim.records().stream().filter(r -> !r.time().isBefore(from) && r.time().isBefore(to))
                .map(ApiLogRecord::requestId).collect(Collectors.toList());
    }

    private List<String> readIds(AuditLogQuery query) {
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(query)) {
            return entries.stream().map(JitterbitApiLogEntry::requestId).collect(Collectors.toList());
        }
    }

    private List<RecordedRequest> requests(String method, String pathPrefix) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .collect(Collectors.toList());
    }

    /** Truncates the log-async answers number {@code n} (1-based, counting only those), as they come. */
    private void truncateDownloads(Integer... numbers) {
        Set<Integer> cut = Set.of(numbers);
        AtomicInteger count = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.method().equals("GET") && r.path().startsWith(JitterbitSimulator.STATUS_PATH)
                    && cut.contains(count.incrementAndGet())) {
                sim.injectFault(JitterbitSimulator.STATUS_PATH, Fault.truncatedBody());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(JitterbitSimulator.Compression.class)
    void filesCutShortSeveralTimesAreDownloadedAgainAndReadOnWithoutAGapOrADuplicate(JitterbitSimulator.Compression compression) {
        start(b -> b.compression(compression));
        // window 1 cut twice in a row at its middle, window 2 at its middle (after some 1,500 entries), window 3 too
        truncateDownloads(1, 2, 4, 6);

        List<String> ids = readIds(range(T0, T3));

        assertThat(ids).hasSize(3000).doesNotHaveDuplicates().containsExactlyElementsOf(idsIn(T0, T3));
        List<String> downloads = requests("GET", JitterbitSimulator.STATUS_PATH).stream().map(RecordedRequest::path)
                .collect(Collectors.toList());
        assertThat(downloads).as("the same key downloaded again after each cut").hasSize(7);
        assertThat(downloads.subList(0, 3)).containsOnly(downloads.get(0));
        assertThat(sim.exportsStarted()).as("one export per window, none re-submitted").isEqualTo(3);
    }

    @Test
    void aFileNoLongerServedIsExportedAgainAndReadOnAfterTheEntriesDelivered() {
        start(b -> { });
        AtomicInteger delivered = new AtomicInteger();
        AtomicBoolean expired = new AtomicBoolean();
        sim.beforeEachRequest(r -> {
            if (!r.method().equals("GET") || !r.path().startsWith(JitterbitSimulator.STATUS_PATH)) {
                return;
            }
            if (delivered.get() == 0) {
                // cut until a cut body has delivered entries (a cut noticed while the answer is
                // received is retried by the transport before any entry)
                sim.injectFault(JitterbitSimulator.STATUS_PATH, Fault.truncatedBody());
            } else if (expired.compareAndSet(false, true)) {
                sim.advanceTime(Duration.ofHours(24)); // the key's 23 hours are over: log-async answers INVALID
            }
        });

        List<String> ids = new ArrayList<>();
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(range(T0, T0.plus(Duration.ofDays(1))))) {
            entries.forEach(e -> {
                ids.add(e.requestId());
                delivered.incrementAndGet();
            });
        }

        assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(idsIn(T0, T0.plus(Duration.ofDays(1))));
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).as("the window exported again").hasSize(2);
    }

    @Test
    void aFileCutMoreTimesInARowThanThePolicyAllowsFailsAndItsCheckpointResumesExactly() {
        start(b -> { });
        // window 1 whole; window 2 cut every time (a cut noticed while the answer is received is
        // retried by the transport itself, so count nothing: cut them all)
        AtomicBoolean cutting = new AtomicBoolean(true);
        List<String> paths = new ArrayList<>();
        sim.beforeEachRequest(r -> {
            if (r.method().equals("GET") && r.path().startsWith(JitterbitSimulator.STATUS_PATH)) {
                synchronized (paths) {
                    if (paths.isEmpty()) {
                        paths.add(r.path());
                    }
                    if (cutting.get() && !paths.get(0).equals(r.path())) {
                        sim.injectFault(JitterbitSimulator.STATUS_PATH, Fault.truncatedBody());
                    }
                }
            }
        });
        List<String> seen = new ArrayList<>();
        Checkpoint checkpoint;

        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(range(T0, T3))) {
            assertThatThrownBy(() -> entries.forEach(e -> seen.add(e.requestId())))
                    .isInstanceOf(AuditTransportException.class);
            checkpoint = Checkpoint.parse(entries.checkpoint().serialize());
        }
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(seen).hasSizeBetween(1000, 2999);
        cutting.set(false);
        seen.addAll(readIds(AuditLogQuery.builder().resumeFrom(checkpoint).to(T3).build()));

        assertThat(seen).containsExactlyElementsOf(idsIn(T0, T3));
    }
}
