package dev.auditsdk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void parsesNamesInAnyCaseAndListsTheValidOnes() {
        assertThat(OutputFormat.parse("NDJSON")).isEqualTo(OutputFormat.NDJSON);
        assertThat(OutputFormat.parse(" csv ")).isEqualTo(OutputFormat.CSV);
        assertThatThrownBy(() -> OutputFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'xml', expected one of ndjson, raw, ocsf, csv");
    }

    @Test
    void auditEventJsonLeavesOutAbsentFields() {
        AuditEvent minimal = AuditEvent.builder().vendor("v").id("1").time(Instant.parse("2026-01-01T00:00:00.123Z"))
                .action("login").build();
        JsonNode json = AuditEventJson.toJson(minimal);
        assertThat(json.toString()).isEqualTo("{\"vendor\":\"v\",\"id\":\"1\",\"time\":\"2026-01-01T00:00:00.123Z\","
                + "\"action\":\"login\",\"outcome\":\"UNKNOWN\",\"ocsfClass\":6003}");
        assertThat(json.has("actor") || json.has("target") || json.has("message")).isFalse();
    }
}
