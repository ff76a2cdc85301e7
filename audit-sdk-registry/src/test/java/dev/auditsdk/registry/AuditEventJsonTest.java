package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.Actor;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import dev.auditsdk.core.model.Target;
import java.io.StringWriter;
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

    @Test
    void writesEveryFieldInTheOrderOfTheTreeItRendered() throws Exception {
        AuditEvent full = AuditEvent.builder().vendor("v").id("1").time(Instant.parse("2026-01-01T00:00:00Z"))
                .actor(Actor.builder().name("ann").email("ann@example.com").id("u1").application("app").build())
                .action("update").category("role").target(Target.builder().type("role").id("r1").name("Owner").build())
                .outcome(Outcome.FAILURE).sourceIp("10.0.0.1").userAgent("curl/8").message("role update failed: \"x\"\n")
                .ocsfClass(OcsfClass.ENTITY_MANAGEMENT).putAttributes("b", "2").putAttributes("a", "\u00e9").build();
        // the rendering built as an ObjectNode before it was streamed: the same bytes
        String expected = "{\"vendor\":\"v\",\"id\":\"1\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"actor\":{\"name\":\"ann\",\"email\":\"ann@example.com\",\"id\":\"u1\",\"application\":\"app\"},"
                + "\"action\":\"update\",\"category\":\"role\",\"target\":{\"type\":\"role\",\"id\":\"r1\",\"name\":\"Owner\"},"
                + "\"outcome\":\"FAILURE\",\"sourceIp\":\"10.0.0.1\",\"userAgent\":\"curl/8\","
                + "\"message\":\"role update failed: \\\"x\\\"\\n\",\"ocsfClass\":3004,\"attributes\":{\"b\":\"2\",\"a\":\"\u00e9\"}}";

        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            AuditEventJson.write(full, g);
        }
        assertThat(out.toString()).isEqualTo(expected);
        assertThat(AuditEventJson.toJson(full).toString()).isEqualTo(expected);
    }

    @Test
    void writesAnEmptyTargetAsAnEmptyObjectAndLeavesOutAnEmptyActor() throws Exception {
        AuditEvent e = AuditEvent.builder().vendor("v").id("1").time(Instant.parse("2026-01-01T00:00:00Z"))
                .action("a").target(Target.builder().build()).build();
        assertThat(AuditEventJson.toJson(e).toString()).isEqualTo("{\"vendor\":\"v\",\"id\":\"1\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"action\":\"a\",\"target\":{},\"outcome\":\"UNKNOWN\",\"ocsfClass\":6003}");
    }
}
