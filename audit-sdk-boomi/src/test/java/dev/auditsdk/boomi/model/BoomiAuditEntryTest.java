package dev.auditsdk.boomi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoomiAuditEntryTest {
    static final String DOC_SAMPLE = "{\"@type\":\"AuditLog\",\"documentId\":\"XdDAzmwB7C-eRHGS1Oal\","
            + "\"accountId\":\"account-123456\",\"containerId\":\"3456789a-bcde-f0123-4567-89abcdef012\","
            + "\"userId\":\"user123@company.biz\",\"message\":\"Environment Extensions saved\","
            + "\"date\":\"2016-02-05T09:12:13Z\",\"type\":\"as.atom\",\"action\":\"UPDATE\",\"modifier\":\"MANUAL\","
            + "\"level\":\"INFO\",\"source\":\"UNKNOWN\",\"futureField\":{\"x\":1},"
            + "\"AuditLogProperty\":[{\"@type\":\"AuditLogProperty\",\"name\":\"VERSION_STRING\","
            + "\"previousValue\":\"PREVIOUS_VALUE\",\"value\":\"16.06.0.0-20160513.182152-27\"}]}";

    static BoomiAuditEntry parse(String json) throws Exception {
        return BoomiAuditEntry.of(Json.mapper().readTree(json));
    }

    @Test
    void readsTheDocumentedRecord() throws Exception {
        BoomiAuditEntry e = parse(DOC_SAMPLE);
        assertThat(e.id()).isEqualTo("XdDAzmwB7C-eRHGS1Oal").isEqualTo(e.documentId());
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2016-02-05T09:12:13Z"));
        assertThat(e.dateText()).isEqualTo("2016-02-05T09:12:13Z");
        assertThat(e.accountId()).hasValue("account-123456");
        assertThat(e.containerId()).hasValue("3456789a-bcde-f0123-4567-89abcdef012");
        assertThat(e.userId()).hasValue("user123@company.biz");
        assertThat(e.message()).hasValue("Environment Extensions saved");
        assertThat(e.type()).hasValue(BoomiObjectType.ATOM);
        assertThat(e.action()).hasValue(BoomiAction.UPDATE);
        assertThat(e.modifier()).hasValue(BoomiModifier.MANUAL);
        assertThat(e.level()).hasValue(BoomiLevel.INFO);
        assertThat(e.source()).hasValue(BoomiSource.UNKNOWN);
        assertThat(e.properties()).containsExactly(
                AuditLogProperty.of("VERSION_STRING", "16.06.0.0-20160513.182152-27", "PREVIOUS_VALUE"));
        assertThat(e.property("VERSION_STRING")).isPresent();
        assertThat(e.property("nope")).isEmpty();
    }

    @Test
    void keepsTheRawRecordAndSerializesAsIt() throws Exception {
        BoomiAuditEntry e = parse(DOC_SAMPLE);
        assertThat(e.raw().path("futureField").path("x").asInt()).isEqualTo(1);
        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(e));
        assertThat(written).isEqualTo(Json.mapper().readTree(DOC_SAMPLE));
    }

    @Test
    void optionalFieldsMayBeMissing() throws Exception {
        BoomiAuditEntry e = parse("{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"}");
        assertThat(e.message()).isEmpty();
        assertThat(e.containerId()).isEmpty();
        assertThat(e.type()).isEmpty();
        assertThat(e.properties()).isEmpty();
    }

    @Test
    void readsPre2016IntegerVersionAndASinglePropertyObject() throws Exception {
        BoomiAuditEntry e = parse("{\"documentId\":\"a\",\"date\":\"2015-03-01T10:00:00Z\","
                + "\"AuditLogProperty\":{\"name\":\"version\",\"value\":3}}");
        assertThat(e.properties()).containsExactly(AuditLogProperty.of("version", "3", null));
    }

    @Test
    void acceptsFractionalSecondsAndOffsets() throws Exception {
        assertThat(parse("{\"documentId\":\"a\",\"date\":\"2026-01-01T01:00:00.250+01:00\"}").timestamp())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
    }

    @Test
    void rejectsRecordsWithoutIdOrDate() {
        assertThatThrownBy(() -> parse("{\"date\":\"2026-01-01T00:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentId");
        assertThatThrownBy(() -> parse("{\"documentId\":\"a\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> parse("{\"documentId\":\"a\",\"date\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\","
                + "\"AuditLogProperty\":[{\"value\":\"x\"}]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsTheRecord() throws Exception {
        assertThat(parse(DOC_SAMPLE)).isEqualTo(parse(DOC_SAMPLE));
        assertThat(parse(DOC_SAMPLE).toString()).contains("XdDAzmwB7C-eRHGS1Oal").doesNotContain("PREVIOUS_VALUE");
    }
}
