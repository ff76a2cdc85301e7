package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.cli.output.OutputFormat;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.StreamsConfig;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettingException;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's keys of a {@code tail --config} file, on top of the shared stream keys. */
class StreamsFileTest {
    private static final VendorRegistry REGISTRY = VendorRegistry.of(VendorRegistry.builtIn());
    private static final String SECRET = "pw-S3CR3T-file";

    @TempDir
    Path dir;

    static Properties twoStreams() {
        Properties p = new Properties();
        p.setProperty("streams", "iq,iq-eu");
        for (String id : new String[] {"iq", "iq-eu"}) {
            p.setProperty("streams." + id + ".vendor", "lifecycle");
            p.setProperty("streams." + id + ".base-url", "https://" + id + ".example.com");
            p.setProperty("streams." + id + ".username", "auditor");
            p.setProperty("streams." + id + ".password", SECRET);
        }
        return p;
    }

    @Test
    void checkpointsComeFromTheDirectoryOrTheStreamAndPathsAreRelativeToTheFile() {
        Properties p = twoStreams();
        p.setProperty("checkpoint.dir", "state");
        p.setProperty("streams.iq-eu.checkpoint", "/var/lib/auditlog/eu.json");
        p.setProperty("streams.iq-eu.output", "out/eu.ndjson");
        p.setProperty("format", "ocsf");

        StreamsFile file = read(p);

        assertThat(file.format()).isEqualTo(OutputFormat.OCSF);
        assertThat(file.streams()).hasSize(2);
        assertThat(file.streams().get(0).checkpoint()).isEqualTo(dir.resolve("state/iq.checkpoint.json"));
        assertThat(file.streams().get(0).output()).isEmpty();
        assertThat(file.streams().get(1).checkpoint()).isEqualTo(Path.of("/var/lib/auditlog/eu.json"));
        assertThat(file.streams().get(1).output()).contains(dir.resolve("out/eu.ndjson"));
    }

    @Test
    void aKafkaConnectorConfigurationIsReadUnchanged() {
        Properties p = twoStreams();
        p.setProperty("name", "audit-logs");
        p.setProperty("connector.class", "dev.auditsdk.kafka.connect.AuditLogSourceConnector");
        p.setProperty("tasks.max", "2");
        p.setProperty("topic", "audit");
        p.setProperty("streams.iq.topic", "audit-iq");
        p.setProperty("streams.iq.poll.interval", "5m");
        p.setProperty("checkpoint.dir", ".");

        StreamsFile file = read(p);

        assertThat(file.streams()).extracting(s -> s.definition().id()).containsExactly("iq", "iq-eu");
        assertThat(file.streams().get(0).definition().pollInterval()).hasMinutes(5);
        assertThat(file.streams().get(1).definition().pollInterval()).isEqualTo(StreamsConfig.DEFAULT_POLL_INTERVAL);
    }

    @Test
    void everyProblemNamesItsKeyAndNoSecret() {
        Properties p = twoStreams();
        p.setProperty("streams.iq.output", "same.ndjson");
        p.setProperty("streams.iq-eu.output", "same.ndjson");
        p.setProperty("streams.iq.checkpoint", "cp.json");

        assertThatThrownBy(() -> read(p)).isInstanceOf(VendorSettingException.class)
                .hasMessageContaining("streams.iq-eu.checkpoint: missing: set streams.iq-eu.checkpoint=FILE, or"
                        + " checkpoint.dir=DIR for DIR/iq-eu.checkpoint.json")
                .hasMessageContaining("streams.iq-eu.output: " + dir.resolve("same.ndjson") + " is also used by stream 'iq'")
                .hasMessageNotContaining(SECRET);

        Properties csv = twoStreams();
        csv.setProperty("checkpoint.dir", ".");
        csv.setProperty("format", "csv");
        csv.setProperty("streams.iq.output", "iq.csv");
        assertThatThrownBy(() -> read(csv)).hasMessageContaining("streams.iq-eu.output: missing: csv records cannot"
                + " name their stream").hasMessageNotContaining("streams.iq.output");

        Properties bad = twoStreams();
        bad.setProperty("format", "xml");
        bad.setProperty("streams.iq.passwort", "x");
        assertThatThrownBy(() -> read(bad)).hasMessageContaining("format: unknown format 'xml'")
                .hasMessageContaining("streams.iq.passwort: vendor lifecycle has no option 'passwort'");
    }

    @Test
    void aFileOfVendorSettingsHasNoStreams() {
        Properties p = new Properties();
        p.setProperty("lifecycle.username", "auditor");
        assertThat(StreamsFile.hasStreams(p)).isFalse();
        assertThat(StreamsFile.hasStreams(twoStreams())).isTrue();
    }

    private StreamsFile read(Properties p) {
        return StreamsFile.read(dir.resolve("collector.properties"), p, REGISTRY,
                id -> new StreamContext(id, m -> { }, TransportListener.NONE, AuditLogListener.NONE));
    }
}
