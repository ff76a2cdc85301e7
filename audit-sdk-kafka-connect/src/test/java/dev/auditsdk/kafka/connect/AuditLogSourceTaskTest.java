package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.registry.LifecyclePlugin;
import dev.auditsdk.registry.SettingNames;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The task against the Lifecycle simulator, with offsets kept in memory as Connect would keep them. */
class AuditLogSourceTaskTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant FROM = NOW.minus(Duration.ofDays(1));
    private static LifecycleSimulator sim;

    @BeforeAll
    static void startSimulator() {
        // no audit-log/export events: each read would log one, after NOW
        sim = LifecycleSimulator.builder().seed(7).storedEvents(120).range(FROM, NOW).exportEvents(false).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    static Map<String, String> config(String format, int batch) {
        Map<String, String> p = new HashMap<>();
        p.put("streams", "iq");
        p.put("topic", "audit");
        p.put("format", format);
        p.put("batch.max.entries", String.valueOf(batch));
        p.put("streams.iq.vendor", "lifecycle");
        p.put("streams.iq.base-url", sim.baseUrl().toString());
        p.put("streams.iq.username", LifecycleSimulator.DEFAULT_USERNAME);
        p.put("streams.iq.password", LifecycleSimulator.DEFAULT_PASSWORD);
        p.put("streams.iq.from", FROM.toString());
        p.put("streams.iq.poll.interval", "1h");
        p.put("streams.iq.lag", "0s"); // the simulator shows entries at once; the data runs up to NOW
        p.put("task.streams", "iq");
        return p;
    }

    static AuditLogSourceTask task(InMemoryOffsets offsets) {
        AuditLogSourceTask task = new AuditLogSourceTask(Clock.systemUTC()); // nothing was logged after NOW
        task.initialize(offsets);
        task.start(offsets.configs());
        return task;
    }

    /** Polls until the stream is caught up (the first null). */
    static List<SourceRecord> drain(AuditLogSourceTask task, InMemoryOffsets offsets) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            batch.forEach(offsets::commit);
            all.addAll(batch);
        }
        return all;
    }

    static List<String> expectedIds() {
        VendorSettings settings = VendorSettings.resolved(new LifecyclePlugin(), Map.of("base-url", sim.baseUrl().toString(),
                "username", LifecycleSimulator.DEFAULT_USERNAME, "password", LifecycleSimulator.DEFAULT_PASSWORD), Map.of(),
                SettingNames.keys("x."));
        try (AuditLogSource<? extends AuditLogEntry> source = new LifecyclePlugin().openSource(settings, new Unattended("x"));
                AuditLogStream<? extends AuditLogEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(NOW).build())) {
            return stream.stream().map(AuditLogEntry::id).collect(Collectors.toList());
        }
    }

    static List<String> keys(List<SourceRecord> records) {
        return records.stream().map(r -> (String) r.key()).collect(Collectors.toList());
    }

    @Test
    void deliversTheRangeOnceAndResumesExactlyAfterAnyCommittedOffset() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ndjson", 7));
        AuditLogSourceTask first = task(offsets);
        List<SourceRecord> all;
        try {
            all = drain(first, offsets);
        } finally {
            first.stop();
        }
        List<String> expected = expectedIds();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(keys(all)).containsExactlyElementsOf(expected);
        assertThat(offsets.reads()).isEqualTo(1);

        for (int k : new int[] {0, 6, 7, 33, all.size() - 2, all.size() - 1}) {
            InMemoryOffsets resumed = new InMemoryOffsets(config("ndjson", 7));
            resumed.commit(all.get(k));
            AuditLogSourceTask again = task(resumed);
            try {
                assertThat(keys(drain(again, resumed))).as("after record %d", k)
                        .containsExactlyElementsOf(expected.subList(k + 1, expected.size()));
            } finally {
                again.stop();
            }
        }
    }

    @Test
    void anOffsetRewoundToAnEarlierTimeDeliversEveryEntryFromThatTimeOn() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ndjson", 50));
        AuditLogSourceTask first = task(offsets);
        List<SourceRecord> all;
        try {
            all = drain(first, offsets);
        } finally {
            first.stop();
        }
        Instant rewindTo = Instant.ofEpochMilli(all.get(all.size() / 2).timestamp());
        List<String> after = all.stream().filter(r -> r.timestamp() >= rewindTo.toEpochMilli()).map(r -> (String) r.key())
                .collect(Collectors.toList());
        offsets.put(SourceOffsets.partition("lifecycle", "iq"), SourceOffsets.offset(Checkpoint.startingAt(rewindTo)));
        AuditLogSourceTask again = task(offsets);
        try {
            assertThat(keys(drain(again, offsets))).containsExactlyElementsOf(after);
        } finally {
            again.stop();
        }
    }

    @Test
    void recordsAreKeyedByEntryIdWithTheEntryTimeAndTheStreamInHeaders() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ocsf", 3));
        AuditLogSourceTask task = task(offsets);
        try {
            SourceRecord r = task.poll().get(0);
            assertThat(r.topic()).isEqualTo("audit");
            assertThat(r.sourcePartition()).isEqualTo(Map.of("vendor", "lifecycle", "stream", "iq"));
            assertThat(r.sourceOffset()).containsOnlyKeys("checkpoint");
            JsonNode value = Json.mapper().readTree((String) r.value());
            assertThat(value.get("class_uid").asInt()).isIn(3001, 3002, 3004, 6003);
            assertThat(value.get("metadata").get("uid").asText()).isEqualTo(r.key());
            assertThat(Instant.ofEpochMilli(r.timestamp())).isBetween(FROM, NOW);
            Map<String, Object> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value());
            }
            assertThat(headers).isEqualTo(Map.of("audit.vendor", "lifecycle", "audit.stream", "iq"));
        } finally {
            task.stop();
        }
    }

    @Test
    void rawFormatIsTheVendorsJson() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("raw", 1));
        AuditLogSourceTask task = task(offsets);
        try {
            JsonNode raw = Json.mapper().readTree((String) task.poll().get(0).value());
            assertThat(raw.isObject()).isTrue();
            assertThat(raw.has("class_uid")).isFalse();
        } finally {
            task.stop();
        }
    }

    @Test
    void anIdlePollWaitsAndReturnsNullWithoutSpinning() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ndjson", 1000));
        AuditLogSourceTask task = task(offsets);
        try {
            drain(task, offsets);
            long start = System.nanoTime();
            int requests = sim.requestCount();
            assertThat(task.poll()).isNull();
            assertThat(task.poll()).isNull();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isBetween(2 * AuditLogSourceTask.MAX_IDLE_MILLIS - 100, 2 * AuditLogSourceTask.MAX_IDLE_MILLIS + 1500);
            assertThat(sim.requestCount()).isEqualTo(requests);
        } finally {
            task.stop();
        }
    }

    @Test
    void stopFromAnotherThreadEndsAPollInProgress() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ndjson", 10));
        AuditLogSourceTask task = task(offsets);
        sim.setLatency(Duration.ofSeconds(20));
        try {
            CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return task.poll();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(poll).isNotDone();
            long start = System.nanoTime();
            task.stop();
            assertThat(poll.get(5, TimeUnit.SECONDS)).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            assertThat(task.poll()).isNull();
        } finally {
            sim.setLatency(Duration.ZERO);
            task.stop();
        }
    }

    @Test
    void aStopIdleTaskStopsAtOnce() throws Exception {
        InMemoryOffsets offsets = new InMemoryOffsets(config("ndjson", 1000));
        AuditLogSourceTask task = task(offsets);
        drain(task, offsets);
        CompletableFuture<Long> poll = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                task.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        });
        Thread.sleep(100);
        task.stop();
        assertThat(poll.get(5, TimeUnit.SECONDS)).isLessThan(AuditLogSourceTask.MAX_IDLE_MILLIS);
    }

    @Test
    void aWrongPasswordFailsTheTaskWithTheSdkMessageButNotTheSecret() {
        Map<String, String> p = config("ndjson", 10);
        p.put("streams.iq.password", "wrong-S3CR3T-pw");
        AuditLogSourceTask task = task(new InMemoryOffsets(p));
        try {
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageStartingWith("stream 'iq' (lifecycle): ")
                    .hasMessageNotContaining("S3CR3T");
        } finally {
            task.stop();
        }
    }

    @Test
    void aServerThatKeepsFailingIsRetriableAndALaterPollDeliversTheWholeRangeOnce() throws Exception {
        Map<String, String> config = config("ndjson", 20);
        // one window at a time, so that the 503s below all meet one request's attempts
        config.put("streams.iq.parallelism", "1");
        InMemoryOffsets offsets = new InMemoryOffsets(config);
        AuditLogSourceTask task = task(offsets);
        try {
            // more 503s in a row than the SDK's 5 attempts: the poll fails, a later one goes on
            for (int i = 0; i < 7; i++) {
                sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.status(503, "busy"));
            }
            assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class)
                    .hasMessageStartingWith("stream 'iq' (lifecycle): ");
            List<String> expected = expectedIds();
            List<SourceRecord> all = new ArrayList<>();
            for (int attempt = 0; attempt < 30 && all.size() < expected.size(); attempt++) {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    all.addAll(batch);
                }
            }
            assertThat(keys(all)).containsExactlyElementsOf(expected);
        } finally {
            task.stop();
        }
    }
}
