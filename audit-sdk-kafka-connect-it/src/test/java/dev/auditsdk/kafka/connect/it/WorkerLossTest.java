package dev.auditsdk.kafka.connect.it;

import static dev.auditsdk.kafka.connect.it.ClusterSupport.assertExactlyOnce;
import static dev.auditsdk.kafka.connect.it.ClusterSupport.atLeast;
import static dev.auditsdk.kafka.connect.it.ClusterSupport.readCommitted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two workers, one leaves in the middle of a read: its tasks move and resume from the committed offsets. */
class WorkerLossTest {
    private static final Instant END = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private static final Instant FROM = END.minus(Duration.ofDays(15));
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        connect = ClusterSupport.start(2);
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    @Test
    void theTasksOfARemovedWorkerMoveAndNothingIsLostOrDoubled() throws Exception {
        String name = "worker-loss";
        List<SimulatedStream> streams = new ArrayList<>();
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                // four servers: four rate domains, so four tasks over the two workers
                SimulatedStream s = SimulatedStream.lifecycle("iq" + i, FROM, END, 1200, 20 + i);
                s.simulator.setLatency(Duration.ofMillis(120));
                streams.add(s);
                keys.putAll(s.connectorKeys(FROM));
            }
            Map<String, Map<String, JsonNode>> expected = new LinkedHashMap<>();
            int total = 0;
            for (SimulatedStream s : streams) {
                expected.put(s.id, s.expected(FROM));
                total += expected.get(s.id).size();
            }
            Map<String, String> config = ClusterSupport.connector(name, streams.stream().map(s -> s.id)
                    .collect(Collectors.toList()), keys);
            config.put("batch.max.entries", "20");
            ClusterSupport.createTopic(connect, name);
            connect.configureConnector(name, config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 4, "four tasks did not start");
            assertThat(connect.workers()).hasSize(2);

            readCommitted(connect, name, atLeast(total / 4), WAIT);
            connect.removeWorker();
            assertThat(connect.workers()).hasSize(1);

            List<ClusterSupport.Delivered> records = readCommitted(connect, name, atLeast(total), WAIT);
            for (SimulatedStream s : streams) {
                assertExactlyOnce(records, s.id, expected.get(s.id));
            }
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 4, "tasks did not move to the last worker");
            connect.deleteConnector(name);
        } finally {
            streams.forEach(SimulatedStream::close);
        }
    }
}
