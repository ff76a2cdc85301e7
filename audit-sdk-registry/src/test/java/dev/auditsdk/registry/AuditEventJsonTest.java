package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventJsonTest {

    @Test
    void leavesOutAbsentFields() {
        AuditEvent minimal = AuditEvent.builder().vendor("v").id("1").time(Instant.parse("2026-01-01T00:00:00.123Z"))
                .action("login").build();
        JsonNode json = AuditEventJson.toJson(minimal);
        assertThat(json.toString()).isEqualTo("{\"vendor\":\"v\",\"id\":\"1\",\"time\":\"2026-01-01T00:00:00.123Z\","
                + "\"action\":\"login\",\"outcome\":\"UNKNOWN\",\"ocsfClass\":6003}");
        assertThat(json.has("actor") || json.has("target") || json.has("message")).isFalse();
    }
}
