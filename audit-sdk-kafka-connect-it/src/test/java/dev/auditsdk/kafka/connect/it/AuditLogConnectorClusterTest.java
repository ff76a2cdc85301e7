package dev.auditsdk.kafka.connect.it;

import static dev.auditsdk.kafka.connect.it.ClusterSupport.assertExactlyOnce;
import static dev.auditsdk.kafka.connect.it.ClusterSupport.atLeast;
import static dev.auditsdk.kafka.connect.it.ClusterSupport.readCommitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.testkit.Chaos;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector in a real worker and broker (one of each, exactly-once source support on),
 * against the testkit simulators, read back with a {@code read_committed} consumer.
 */
class AuditLogConnectorClusterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The simulators' data ends an hour ago: no entry on the edge of a read. */
    private static final Instant END = NOW.minus(Duration.ofHours(1));
    private static final Instant FROM = END.minus(Duration.ofDays(2));
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        connect = ClusterSupport.start(1);
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void everyVendorDeliversExactlyTheSimulatorsSetOnce() throws Exception {
        readEveryVendor("every-vendor", false);
    }

    @Test
    void throttlesServerErrorsAndResetsAreRetriedAndTheSetStaysExact() throws Exception {
        readEveryVendor("chaos", true);
    }

    private void readEveryVendor(String name, boolean chaos) throws Exception {
        List<SimulatedStream> streams = new ArrayList<>();
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            long seed = chaos ? 100 : 1;
            for (String vendor : SimulatedStream.VENDORS) {
                SimulatedStream s = SimulatedStream.start(vendor, vendor, END, seed++);
                streams.add(s);
                keys.putAll(s.connectorKeys(FROM));
            }
            Map<String, Map<String, JsonNode>> expected = new LinkedHashMap<>();
            int total = 0;
            for (SimulatedStream s : streams) {
                s.simulator.stopChaos();
                expected.put(s.id, s.expected(FROM));
                total += expected.get(s.id).size();
                if (chaos) {
                    s.simulator.chaos(Chaos.builder().seed(s.id.hashCode()).rate(0.3)
                            .kinds(Chaos.Kind.THROTTLE, Chaos.Kind.SERVER_ERROR, Chaos.Kind.RESET, Chaos.Kind.TRUNCATE)
                            .build());
                }
            }
            ClusterSupport.createTopic(connect, name);
            connect.configureConnector(name, ClusterSupport.connector(name,
                    streams.stream().map(s -> s.id).collect(Collectors.toList()), keys));
            List<ClusterSupport.Delivered> records = readCommitted(connect, name, atLeast(total), WAIT);
            for (SimulatedStream s : streams) {
                assertExactlyOnce(records, s.id, expected.get(s.id));
            }
            assertThat(records).hasSize(total);
            if (chaos) {
                assertThat(streams.stream().mapToInt(s -> s.simulator.chaosCounts().values().stream()
                        .mapToInt(Integer::intValue).sum()).sum()).as("faults injected").isPositive();
            }
        } finally {
            delete(name);
            streams.forEach(SimulatedStream::close);
        }
    }

    @Test
    void restartingTheConnectorAndItsTasksMidReadLosesAndRepeatsNothing() throws Exception {
        String name = "restart";
        Instant from = END.minus(Duration.ofDays(20));
        SimulatedStream s = SimulatedStream.lifecycle("iq", from, END, 2000, 5);
        try (s) {
            s.simulator.setLatency(Duration.ofMillis(150));
            Map<String, String> config = ClusterSupport.connector(name, List.of(s.id), s.connectorKeys(from));
            config.put("batch.max.entries", "25");
            ClusterSupport.createTopic(connect, name);
            connect.configureConnector(name, config);
            AtomicBoolean appending = new AtomicBoolean(true);
            Thread appender = appendWhileReading((LifecycleSimulator) s.simulator, appending);
            readCommitted(connect, name, atLeast(600), WAIT);
            connect.restartConnectorAndTasks(name, false, true, false);
            readCommitted(connect, name, atLeast(1200), WAIT);
            connect.restartConnectorAndTasks(name, false, true, false);
            appending.set(false);
            appender.join();
            Thread.sleep(APPEND_AHEAD.toMillis() + 500); // the last appended entry's time has passed
            Map<String, JsonNode> expected = s.expected(from);
            assertThat(expected).hasSizeGreaterThan(2000);
            List<ClusterSupport.Delivered> records = readCommitted(connect, name, atLeast(expected.size()), WAIT);
            assertExactlyOnce(records, s.id, expected);
        } finally {
            delete(name);
        }
    }

    /** Deletes a test's connector, so that it stops reading before its simulators close. */
    static void delete(String name) {
        if (connect.connectors().contains(name)) {
            connect.deleteConnector(name);
        }
    }

    /** How far ahead of now appended entries are stamped (more than a second: the log's times may be whole seconds). */
    private static final Duration APPEND_AHEAD = Duration.ofSeconds(2);

    /** Appends an entry every 100 ms, stamped a moment ahead so that no read has passed its time yet. */
    static Thread appendWhileReading(LifecycleSimulator sim, AtomicBoolean appending) {
        Thread t = new Thread(() -> {
            int i = 0;
            while (appending.get()) {
                sim.appendEvent(Instant.now().plus(APPEND_AHEAD), "appended-" + i++, "user", "login");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "appender");
        t.start();
        return t;
    }

    @Test
    void stopAlterOffsetsToAnEarlierCheckpointAndResumeDeliversExactlyTheEntriesAfterIt() throws Exception {
        String name = "rewind";
        SimulatedStream s = SimulatedStream.start("iq", "lifecycle", END, 9);
        try (s) {
            Map<String, JsonNode> all = s.expected(FROM);
            ClusterSupport.createTopic(connect, name);
            connect.configureConnector(name, ClusterSupport.connector(name, List.of(s.id), s.connectorKeys(FROM)));
            List<ClusterSupport.Delivered> first = readCommitted(connect, name, atLeast(all.size()), WAIT);
            assertExactlyOnce(first, s.id, all);
            long end = first.stream().mapToLong(d -> d.offset).max().orElseThrow() + 1;

            connect.stopConnector(name);
            connect.assertions().assertConnectorIsStopped(name, "the connector did not stop");
            // a point in the middle of the log: entries at or after it are read again
            List<Instant> times = all.values().stream().map(AuditLogConnectorClusterTest::time)
                    .sorted().collect(Collectors.toList());
            Instant rewindTo = times.get(times.size() / 2);
            // as GET /connectors/{name}/offsets shows it: Connect matches the partition's exact JSON
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("stream", s.id);
            partition.put("vendor", "lifecycle");
            assertThatThrownBy(() -> connect.alterSourceConnectorOffset(name, partition, Map.of("checkpoint", "yesterday")))
                    .isInstanceOf(ConnectRestException.class).hasMessageContaining("is not a checkpoint");
            connect.alterSourceConnectorOffset(name, partition, Map.of("checkpoint",
                    Checkpoint.startingAt(rewindTo).serialize()));
            connect.resumeConnector(name);

            Map<String, JsonNode> after = new LinkedHashMap<>();
            all.forEach((id, raw) -> {
                if (!time(raw).isBefore(rewindTo)) {
                    after.put(id, raw);
                }
            });
            assertThat(after).isNotEmpty().hasSizeLessThan(all.size());
            List<ClusterSupport.Delivered> again = readCommitted(connect, name, atLeast(all.size() + after.size()), WAIT)
                    .stream().filter(d -> d.offset >= end).collect(Collectors.toList());
            assertExactlyOnce(again, s.id, after);
        } finally {
            delete(name);
        }
    }

    /** @return the time of a Lifecycle entry, from its raw JSON */
    static Instant time(JsonNode raw) {
        return OffsetDateTime.parse(raw.get("timestamp").asText()).toInstant();
    }

    @Test
    void anInvalidConfigurationIsReportedPerKeyAndRefused() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("streams.mystery.vendor", "sap");
        keys.put("streams.acme.vendor", "boomi");
        keys.put("streams.acme.username", "auditor@acme.example");
        keys.put("streams.acme.password", "pw-S3CR3T-invalid");
        keys.put("streams.iq.vendor", "lifecycle");
        keys.put("streams.iq.username", "admin");
        keys.put("streams.iq.password", "pw-S3CR3T-invalid");
        keys.put("streams.iq.poll.interval", "often");
        Map<String, String> config = ClusterSupport.connector("invalid", List.of("mystery", "acme", "iq"), keys);
        config.put("name", "invalid");
        ConfigInfos infos = connect.validateConnectorConfig(ClusterSupport.CONNECTOR_CLASS, config);
        Map<String, List<String>> errors = infos.configs().stream()
                .filter(i -> !i.configValue().errors().isEmpty())
                .collect(Collectors.toMap(i -> i.configValue().name(), i -> i.configValue().errors()));
        assertThat(errors).containsOnlyKeys("streams.mystery.vendor", "streams.acme.account-id", "streams.iq.poll.interval");
        assertThat(infos.errorCount()).isEqualTo(3);
        assertThat(errors.get("streams.mystery.vendor").get(0)).contains("unknown vendor");
        assertThat(errors.get("streams.iq.poll.interval").get(0)).contains("is not a duration");
        assertThat(infos.configs().stream().map(ConfigInfo::toString).collect(Collectors.joining()))
                .doesNotContain("S3CR3T");
        assertThatThrownBy(() -> connect.configureConnector("invalid", config)).isInstanceOf(ConnectRestException.class)
                .hasMessageContaining("streams.mystery.vendor");
    }

}
