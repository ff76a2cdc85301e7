package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.spi.util.SdkVersion;
import dev.auditsdk.registry.VendorRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source connector for audit logs: one connector reads any number of streams
 * ({@code streams=boomi-acme,uipath-eu}), each one vendor API for one account, tenant or org,
 * configured under {@code streams.<id>.} with the options of its vendor (see
 * {@link AuditLogConnectorConfig}). Streams are spread over tasks, keeping those that share a
 * vendor rate limit in one task.
 *
 * <p>Exactly once: each record's source offset is the SDK checkpoint after its entry, and a read
 * resumes from a checkpoint delivering every later entry once; with a worker's
 * {@code exactly.once.source.support=enabled}, records and offsets are committed in one
 * transaction, so a consumer reading {@code read_committed} sees every entry exactly once,
 * whatever restarts, rebalances or failures happen.
 */
public class AuditLogSourceConnector extends SourceConnector {
    private final VendorRegistry registry = VendorRegistry.discover();
    private Map<String, String> props = Collections.emptyMap();
    private AuditLogConnectorConfig config;

    @Override
    public String version() {
        return SdkVersion.get();
    }

    /**
     * @param props the connector configuration
     * @throws org.apache.kafka.common.config.ConfigException naming every key with a problem
     */
    @Override
    public void start(Map<String, String> props) {
        this.config = AuditLogConnectorConfig.parse(props, registry);
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return AuditLogSourceTask.class;
    }

    /**
     * @param maxTasks the most tasks
     * @return one configuration per task: the connector's plus the task's streams
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> tasks = new ArrayList<>();
        for (List<String> streams : TaskAssignment.assign(config.streams(), maxTasks)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(AuditLogConnectorConfig.TASK_STREAMS, String.join(",", streams));
            tasks.add(task);
        }
        return tasks;
    }

    @Override
    public void stop() {
        // nothing runs in the connector itself: the tasks hold the sources
    }

    /** @return the keys every configuration has; {@link #validate} adds those of each stream */
    @Override
    public ConfigDef config() {
        return AuditLogConnectorConfig.base();
    }

    /**
     * @param connectorConfigs a configuration
     * @return every key with its errors, the keys of each stream and its vendor included
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return AuditLogConnectorConfig.validate(connectorConfigs, registry);
    }

    /**
     * Every stream resumes exactly after its committed checkpoint, so the connector supports
     * exactly-once delivery whatever its configuration.
     *
     * @return {@link ExactlyOnceSupport#SUPPORTED}
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Any batch boundary is a safe transaction boundary (every record's offset resumes right after
     * it), so the worker's {@code poll} or {@code interval} boundaries are used; the connector
     * does not define its own.
     *
     * @return {@link ConnectorTransactionBoundaries#UNSUPPORTED}
     */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Accepts only offsets that parse as checkpoints, for partitions of configured streams, so
     * that {@code PATCH /connectors/{name}/offsets} can rewind or skip a stream safely; a null
     * offset (reset) starts the stream again from its {@code from}.
     *
     * @throws ConnectException naming the partition and what is wrong with its offset
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        AuditLogConnectorConfig parsed = AuditLogConnectorConfig.parse(connectorConfig, registry);
        Set<String> streams = parsed.streams().stream().map(StreamConfig::id).collect(Collectors.toSet());
        for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
            try {
                String stream = SourceOffsets.stream(e.getKey());
                if (!streams.contains(stream)) {
                    throw new IllegalArgumentException("no stream '" + stream + "' is configured; streams: " + streams);
                }
                String vendor = parsed.stream(stream).plugin().name();
                if (!vendor.equals(e.getKey().get(SourceOffsets.VENDOR))) {
                    throw new IllegalArgumentException("stream '" + stream + "' reads " + vendor + ", not "
                            + e.getKey().get(SourceOffsets.VENDOR));
                }
                SourceOffsets.checkpoint(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ConnectException("cannot set the offset of partition " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return true;
    }
}
