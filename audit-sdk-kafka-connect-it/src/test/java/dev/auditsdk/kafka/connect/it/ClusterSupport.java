package dev.auditsdk.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.kafka.connect.AuditLogSourceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** Starting the embedded cluster, configuring the connector and reading what it wrote. */
final class ClusterSupport {
    static final String CONNECTOR_CLASS = AuditLogSourceConnector.class.getSimpleName();

    private ClusterSupport() {
    }

    /**
     * @param workers how many Connect workers
     * @return a started cluster: one broker, workers with exactly-once source support enabled
     */
    static EmbeddedConnectCluster start(int workers) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("exactly.once.source.support", "enabled");
        // a departed worker's tasks move after this delay (default 5 minutes)
        workerProps.put("scheduled.rebalance.max.delay.ms", "1000");
        workerProps.put("offset.flush.interval.ms", "1000");
        Properties brokerProps = new Properties();
        // with one broker and exactly-once on, initTransactions hangs without these
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder().name("audit-it-" + workers)
                .numWorkers(workers).numBrokers(1).workerProps(workerProps).brokerProps(brokerProps).build();
        cluster.start();
        return cluster;
    }

    /**
     * Creates a test topic that keeps its records: they carry the entries' times, days old, and
     * the default time-based retention (7 days) would delete the older ones within minutes.
     *
     * @param topic the topic
     */
    static void createTopic(EmbeddedConnectCluster cluster, String topic) {
        cluster.kafka().createTopic(topic, 1, 1, Map.of("retention.ms", "-1"));
    }

    /**
     * @param topic the topic
     * @param streams the streams, each with its connector keys already set
     * @return a connector configuration with exactly-once required, raw JSON values as strings
     */
    static Map<String, String> connector(String topic, List<String> streams, Map<String, String> streamKeys) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", AuditLogSourceConnector.class.getName());
        c.put("tasks.max", "4");
        c.put("exactly.once.support", "required");
        c.put("key.converter", StringConverter.class.getName());
        c.put("value.converter", StringConverter.class.getName());
        c.put("topic", topic);
        c.put("format", "raw");
        c.put("batch.max.entries", "50");
        c.put("streams", String.join(",", streams));
        c.putAll(streamKeys);
        return c;
    }

    /** One record as a consumer with {@code read_committed} sees it. */
    static final class Delivered {
        final String stream;
        final String id;
        final JsonNode value;
        final long offset;

        Delivered(String stream, String id, JsonNode value, long offset) {
            this.stream = stream;
            this.id = id;
            this.value = value;
            this.offset = offset;
        }
    }

    /**
     * Reads the topic from the start with {@code read_committed} until {@code done} holds, then on
     * for a little more, to see any duplicate that would follow.
     *
     * @param done when enough was read
     * @param timeout the most time to wait for {@code done}
     * @return every committed record read
     */
    static List<Delivered> readCommitted(EmbeddedConnectCluster cluster, String topic, Predicate<List<Delivered>> done,
            Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        List<Delivered> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = cluster.kafka().createConsumerAndSubscribeTo(props, topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new Delivered(header(r, "audit.stream"), new String(r.key(), StandardCharsets.UTF_8),
                            json(r.value()), r.offset()));
                }
                if (settleUntil == Long.MAX_VALUE && done.test(out)) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return out;
    }

    /** @return a predicate: at least {@code n} records read */
    static Predicate<List<Delivered>> atLeast(int n) {
        return records -> records.size() >= n;
    }

    /**
     * Asserts that a stream's records are exactly the expected entries, each once, with the
     * entry's raw JSON as value.
     */
    static void assertExactlyOnce(List<Delivered> records, String stream, Map<String, JsonNode> expected) {
        List<Delivered> mine = records.stream().filter(d -> stream.equals(d.stream)).collect(Collectors.toList());
        List<String> ids = mine.stream().map(d -> d.id).collect(Collectors.toList());
        assertThat(ids).as("stream %s: entry ids", stream).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Delivered d : mine) {
            assertThat(d.value).as("stream %s: entry %s", stream, d.id).isEqualTo(expected.get(d.id));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
