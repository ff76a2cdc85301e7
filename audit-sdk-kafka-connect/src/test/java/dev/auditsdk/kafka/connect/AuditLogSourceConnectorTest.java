package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.Checkpoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class AuditLogSourceConnectorTest {

    @Test
    void isFoundAsASourceConnectorService() {
        assertThat(StreamSupport.stream(ServiceLoader.load(SourceConnector.class).spliterator(), false)
                .map(c -> c.getClass().getName())).contains(AuditLogSourceConnector.class.getName());
        assertThat(new AuditLogSourceConnector().version()).isNotBlank();
        assertThat(new AuditLogSourceConnector().taskClass()).isEqualTo(AuditLogSourceTask.class);
    }

    @Test
    void supportsExactlyOnceWithTheWorkersTransactionBoundaries() {
        AuditLogSourceConnector c = new AuditLogSourceConnector();
        Map<String, String> props = AuditLogConnectorConfigTest.twoVendors();
        assertThat(c.exactlyOnceSupport(props)).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(c.canDefineTransactionBoundaries(props)).isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
    }

    @Test
    void taskConfigsCarryTheConnectorsConfigurationAndEachTasksStreams() {
        AuditLogSourceConnector c = new AuditLogSourceConnector();
        Map<String, String> props = AuditLogConnectorConfigTest.twoVendors();
        c.start(props);
        List<Map<String, String>> tasks = c.taskConfigs(4);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.stream().map(t -> t.get("task.streams")).collect(Collectors.toList()))
                .containsExactly("boomi-acme", "uipath-eu");
        assertThat(tasks.get(0)).containsAllEntriesOf(props);
        assertThat(c.taskConfigs(1)).singleElement().extracting(t -> t.get("task.streams"))
                .isEqualTo("boomi-acme,uipath-eu");
        c.stop();
    }

    @Test
    void startRefusesAnInvalidConfigurationNamingTheKeys() {
        Map<String, String> props = AuditLogConnectorConfigTest.twoVendors();
        props.put("streams.uipath-eu.vendor", "sap");
        assertThatThrownBy(() -> new AuditLogSourceConnector().start(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.uipath-eu.vendor");
    }

    @Test
    void validateReportsPerKeyWithTheStreamsOwnKeys() {
        Map<String, String> props = AuditLogConnectorConfigTest.twoVendors();
        props.put("streams.boomi-acme.lag", "-5s");
        assertThat(AuditLogConnectorConfigTest.errors(new AuditLogSourceConnector().validate(props)))
                .containsOnlyKeys("streams.boomi-acme.lag");
        assertThat(new AuditLogSourceConnector().config().configKeys()).containsKeys("streams", "topic", "format",
                "batch.max.entries");
    }

    @Test
    void alterOffsetsAcceptsCheckpointsAndResetsOnly() {
        AuditLogSourceConnector c = new AuditLogSourceConnector();
        Map<String, String> props = AuditLogConnectorConfigTest.twoVendors();
        Map<String, Object> boomi = SourceOffsets.partition("boomi", "boomi-acme");
        String cp = Checkpoint.startingAt(Instant.parse("2026-02-01T00:00:00Z")).serialize();

        Map<Map<String, ?>, Map<String, ?>> rewind = new HashMap<>();
        rewind.put(boomi, Map.of("checkpoint", cp));
        assertThat(c.alterOffsets(props, rewind)).isTrue();
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(boomi, null);
        assertThat(c.alterOffsets(props, reset)).isTrue();

        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put("vendor", "boomi");
        reversed.put("stream", "boomi-acme");
        assertThatThrownBy(() -> c.alterOffsets(props, Map.of(reversed, Map.of("checkpoint", cp))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("in this order");
        assertThatThrownBy(() -> c.alterOffsets(props, Map.of(boomi, Map.of("checkpoint", "yesterday"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("is not a checkpoint");
        assertThatThrownBy(() -> c.alterOffsets(props, Map.of(SourceOffsets.partition("boomi", "nope"),
                Map.of("checkpoint", cp)))).hasMessageContaining("no stream 'nope' is configured");
        assertThatThrownBy(() -> c.alterOffsets(props, Map.of(SourceOffsets.partition("lifecycle", "boomi-acme"),
                Map.of("checkpoint", cp)))).hasMessageContaining("stream 'boomi-acme' reads boomi, not lifecycle");
    }
}
