package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.registry.VendorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class AuditLogConnectorConfigTest {
    private static final VendorRegistry REGISTRY = VendorRegistry.discover();
    private static final String SECRET = "pw-S3CR3T-config";

    static Map<String, String> twoVendors() {
        Map<String, String> p = new HashMap<>();
        p.put("streams", "boomi-acme, uipath-eu");
        p.put("topic", "audit");
        p.put("streams.boomi-acme.vendor", "boomi");
        p.put("streams.boomi-acme.account-id", "acme-A1B2C3");
        p.put("streams.boomi-acme.username", "auditor@acme.example");
        p.put("streams.boomi-acme.password", SECRET);
        p.put("streams.boomi-acme.from", "2026-01-01");
        p.put("streams.boomi-acme.poll.interval", "5m");
        p.put("streams.uipath-eu.vendor", "uipath-unified");
        p.put("streams.uipath-eu.organization", "acme");
        p.put("streams.uipath-eu.client-id", "app");
        p.put("streams.uipath-eu.client-secret", SECRET);
        p.put("streams.uipath-eu.lag", "30s");
        p.put("streams.uipath-eu.topic", "audit-uipath");
        return p;
    }

    @Test
    void readsSeveralStreamsOfSeveralVendors() {
        AuditLogConnectorConfig c = AuditLogConnectorConfig.parse(twoVendors(), REGISTRY);
        assertThat(c.format()).isEqualTo(RecordFormat.NDJSON);
        assertThat(c.batchMaxEntries()).isEqualTo(500);
        StreamConfig boomi = c.stream("boomi-acme");
        assertThat(boomi.plugin().name()).isEqualTo("boomi");
        assertThat(boomi.from()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(boomi.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(boomi.lag()).as("unset: the source's own settle lag applies").isEmpty();
        assertThat(boomi.topic()).isEqualTo("audit");
        assertThat(boomi.settings().require("password")).isEqualTo(SECRET);
        assertThat(boomi.partition()).isEqualTo(Map.of("vendor", "boomi", "stream", "boomi-acme"));
        StreamConfig uipath = c.stream("uipath-eu");
        assertThat(uipath.lag()).contains(Duration.ofSeconds(30));
        assertThat(uipath.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(uipath.from()).isEmpty();
        assertThat(uipath.topic()).isEqualTo("audit-uipath");
    }

    @Test
    void secretsArePasswordsAndStreamKeysComeFromTheRegistry() {
        ConfigDef def = AuditLogConnectorConfig.definition(twoVendors(), REGISTRY);
        assertThat(def.configKeys().get("streams.boomi-acme.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().get("streams.uipath-eu.client-secret").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().get("streams.boomi-acme.account-id").type).isEqualTo(ConfigDef.Type.STRING);
        assertThat(def.configKeys().get("streams.boomi-acme.region").defaultValue).isEqualTo("US");
        assertThat(def.configKeys()).containsKeys("streams.uipath-eu.event-types", "streams.boomi-acme.poll.interval");
    }

    @Test
    void unknownVendorMissingAccountAndBadDurationAreReportedOnTheirKeys() {
        Map<String, String> p = twoVendors();
        p.put("streams", "boomi-acme,uipath-eu,mystery");
        p.put("streams.mystery.vendor", "sap");
        p.remove("streams.boomi-acme.account-id");
        p.put("streams.uipath-eu.poll.interval", "soon");
        Map<String, List<String>> errors = errors(AuditLogConnectorConfig.validate(p, REGISTRY));
        assertThat(errors).containsOnlyKeys("streams.mystery.vendor", "streams.boomi-acme.account-id",
                "streams.uipath-eu.poll.interval");
        // Connect's refusal lists messages without keys: each names its key
        assertThat(errors.get("streams.mystery.vendor").get(0)).startsWith("streams.mystery.vendor: unknown vendor")
                .contains("boomi, informatica");
        assertThat(errors.get("streams.boomi-acme.account-id").get(0)).contains("Missing required configuration");
        assertThat(errors.get("streams.uipath-eu.poll.interval").get(0))
                .contains("'soon' is not a duration: use 500ms, 60s, 5m, 1h, 1d or PT1M");
        assertThatThrownBy(() -> AuditLogConnectorConfig.parse(p, REGISTRY)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("streams.mystery.vendor: ").hasMessageContaining("streams.boomi-acme.account-id: ")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void vendorRulesAreReportedOnTheKeyOfTheOptionAtFault() {
        Map<String, String> p = twoVendors();
        p.put("streams.boomi-acme.api-token", "tok-S3CR3T");
        p.put("streams.uipath-eu.base-url", "ftp://cloud.uipath.com");
        p.put("streams.uipath-eu.status", "maybe");
        Map<String, List<String>> errors = errors(AuditLogConnectorConfig.validate(p, REGISTRY));
        assertThat(errors).containsOnlyKeys("streams.boomi-acme.password", "streams.uipath-eu.base-url");
        assertThat(errors.get("streams.boomi-acme.password")).containsExactly(
                "boomi needs exactly one of streams.boomi-acme.password and streams.boomi-acme.api-token");
        assertThat(errors.get("streams.uipath-eu.base-url").get(0))
                .contains("invalid value 'ftp://cloud.uipath.com' for streams.uipath-eu.base-url");
    }

    @Test
    void typosAndStrayStreamsAreErrorsNotSilence() {
        Map<String, String> p = twoVendors();
        p.put("streams.boomi-acme.acount-id", "x");
        p.put("streams.old.vendor", "boomi");
        p.remove("topic");
        Map<String, List<String>> errors = errors(AuditLogConnectorConfig.validate(p, REGISTRY));
        assertThat(errors).containsOnlyKeys("streams.boomi-acme.acount-id", "streams.old.vendor", "topic");
        assertThat(errors.get("streams.boomi-acme.acount-id").get(0)).contains("vendor boomi has no option 'acount-id'");
        assertThat(errors.get("streams.old.vendor").get(0)).contains("no stream of this name is listed in streams");
        assertThat(errors.get("topic").get(0)).contains("stream 'boomi-acme' has no topic");
    }

    @Test
    void streamNamesMustBeListedOnceAndUsableInKeys() {
        Map<String, String> p = twoVendors();
        p.put("streams", "boomi-acme,uipath-eu,boomi-acme,bad.name");
        assertThat(errors(AuditLogConnectorConfig.validate(p, REGISTRY)).get("streams")).containsExactly(
                "stream 'boomi-acme' is listed twice", "stream name 'bad.name' must be letters, digits, '-' and '_'");
        p.put("streams", "");
        assertThat(errors(AuditLogConnectorConfig.validate(p, REGISTRY))).containsKey("streams");
    }

    @Test
    void badTimesFormatsAndBatchSizesAreRejected() {
        Map<String, String> p = twoVendors();
        p.put("streams.boomi-acme.from", "yesterday");
        p.put("format", "xml");
        p.put("batch.max.entries", "0");
        Map<String, List<String>> errors = errors(AuditLogConnectorConfig.validate(p, REGISTRY));
        assertThat(errors).containsOnlyKeys("streams.boomi-acme.from", "format", "batch.max.entries");
        assertThat(errors.get("streams.boomi-acme.from").get(0)).contains("not a time");
    }

    @Test
    void validationNeverEchoesASecret() {
        Map<String, String> p = twoVendors();
        p.put("streams.boomi-acme.api-token", "tok-S3CR3T");
        Config config = AuditLogConnectorConfig.validate(p, REGISTRY);
        assertThat(config.configValues().stream().map(v -> String.valueOf(v.value()) + v.errorMessages())
                .collect(Collectors.joining())).doesNotContain("S3CR3T");
    }

    static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
