package dev.auditsdk.informatica.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InformaticaAuditEntryTest {
    private static final String FULL = "{\"@type\":\"auditLogEntry\",\"id\":\"00A1B20B000000000000AB\",\"version\":2,"
            + "\"orgId\":\"00A1B2\",\"username\":\"ana@example.com\",\"entryTime\":\"2026-03-01T07:00:00.250Z\","
            + "\"entryTimeUTC\":\"2026-03-01T12:00:00.250Z\",\"objectId\":\"00A1B20Z0000000004\",\"objectName\":\"m_orders\","
            + "\"category\":\"DTEMPLATE\",\"event\":\"UPDATE\",\"eventParam\":\"name=m_orders\",\"message\":\"Mapping updated\","
            + "\"newField\":{\"x\":1}}";

    private static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s);
    }

    private static ObjectNode base() throws Exception {
        return (ObjectNode) json(FULL);
    }

    @Test
    void readsEveryDocumentedField() throws Exception {
        InformaticaAuditEntry e = InformaticaAuditEntry.of(json(FULL));
        assertThat(e.id()).isEqualTo("00A1B20B000000000000AB");
        assertThat(e.version()).hasValue(2);
        assertThat(e.orgId()).hasValue("00A1B2");
        assertThat(e.username()).hasValue("ana@example.com");
        assertThat(e.entryTime()).hasValue("2026-03-01T07:00:00.250Z");
        assertThat(e.entryTimeUtc()).hasValue("2026-03-01T12:00:00.250Z");
        assertThat(e.objectId()).hasValue("00A1B20Z0000000004");
        assertThat(e.objectName()).hasValue("m_orders");
        assertThat(e.category()).hasValue(AuditLogCategory.DTEMPLATE);
        assertThat(e.event()).hasValue(AuditLogEventCode.UPDATE);
        assertThat(e.eventParam()).hasValue("name=m_orders");
        assertThat(e.eventParamTruncated()).isFalse();
        assertThat(e.message()).hasValue("Mapping updated");
        assertThat(e.raw().path("newField").path("x").asInt()).isEqualTo(1);
    }

    @Test
    void timestampIsEntryTimeUtcNotTheEasternEntryTime() throws Exception {
        assertThat(InformaticaAuditEntry.of(json(FULL)).timestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00.250Z"));
    }

    @Test
    void utcTimesWithoutZoneOrWithNumericOffsetOrAsEpochMillisAreRead() throws Exception {
        Instant expected = Instant.parse("2026-03-01T12:00:00Z");
        for (String v : new String[] {"\"2026-03-01T12:00:00\"", "\"2026-03-01T12:00:00.000+0000\"",
            "\"2026-03-01T13:00:00+01:00\"", String.valueOf(expected.toEpochMilli())}) {
            ObjectNode n = base();
            n.set("entryTimeUTC", json(v));
            assertThat(InformaticaAuditEntry.of(n).timestamp()).as(v).isEqualTo(expected);
        }
    }

    @Test
    void withoutEntryTimeUtcTheEasternEntryTimeIsUsedAsNewYorkWallClock() throws Exception {
        ObjectNode winter = base();
        winter.remove("entryTimeUTC");
        assertThat(InformaticaAuditEntry.of(winter).timestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00.250Z"));

        ObjectNode summer = base();
        summer.remove("entryTimeUTC");
        summer.put("entryTime", "2026-07-01T08:00:00.000Z");
        assertThat(InformaticaAuditEntry.of(summer).timestamp()).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));

        ObjectNode withOffset = base();
        withOffset.remove("entryTimeUTC");
        withOffset.put("entryTime", "2026-07-01T08:00:00.000-04:00");
        assertThat(InformaticaAuditEntry.of(withOffset).timestamp()).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));

        for (String zero : new String[] {"+00:00", "+0000", "-00:00"}) {
            ObjectNode zeroOffset = base();
            zeroOffset.remove("entryTimeUTC");
            zeroOffset.put("entryTime", "2026-07-01T08:00:00.000" + zero);
            assertThat(InformaticaAuditEntry.of(zeroOffset).timestamp()).as("a zero offset %s is the API's format, like Z", zero)
                    .isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        }
    }

    @Test
    void theEasternEntryTimeIsOfferedWithItsRealOffsetAndTheNormalizedEventNeverCarriesTheFakeZ() throws Exception {
        InformaticaAuditEntry e = InformaticaAuditEntry.of(json(FULL));
        assertThat(e.entryTimeEastern()).hasValue("2026-03-01T07:00:00.250-05:00");
        assertThat(e.toAuditEvent().attributes()).containsEntry("entryTimeEastern", "2026-03-01T07:00:00.250-05:00")
                .doesNotContainKey("entryTime");
        assertThat(e.toAuditEvent().toOcsf().toString()).doesNotContain("2026-03-01T07:00:00.250Z");
    }

    @Test
    void badEntriesAreRejectedWithTheReason() throws Exception {
        ObjectNode noId = base();
        noId.remove("id");
        assertThatThrownBy(() -> InformaticaAuditEntry.of(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'");
        ObjectNode noTime = base();
        noTime.remove("entryTimeUTC");
        noTime.remove("entryTime");
        assertThatThrownBy(() -> InformaticaAuditEntry.of(noTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entryTimeUTC");
        ObjectNode badTime = base();
        badTime.put("entryTimeUTC", "yesterday");
        assertThatThrownBy(() -> InformaticaAuditEntry.of(badTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday").hasMessageContaining("00A1B20B000000000000AB");
        assertThatThrownBy(() -> InformaticaAuditEntry.of(json("[1]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void truncatedEventParamIsFlagged() throws Exception {
        ObjectNode n = base();
        n.put("eventParam", "Full Value Truncated.fields=a,b,c");
        InformaticaAuditEntry e = InformaticaAuditEntry.of(n);
        assertThat(e.eventParamTruncated()).isTrue();
        assertThat(e.toAuditEvent().attributes()).containsEntry("eventParamTruncated", "true");
    }

    @Test
    void jacksonReadsAndWritesTheRawObject() throws Exception {
        InformaticaAuditEntry e = Json.mapper().readValue(FULL, InformaticaAuditEntry.class);
        assertThat(e.id()).isEqualTo("00A1B20B000000000000AB");
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(e))).isEqualTo(json(FULL));
        assertThat(e).isEqualTo(InformaticaAuditEntry.of(json(FULL)));
    }

    @Test
    void normalizesAnAssetChangeToEntityManagement() throws Exception {
        AuditEvent ev = InformaticaAuditEntry.of(json(FULL)).toAuditEvent();
        assertThat(ev.vendor()).isEqualTo("informatica");
        assertThat(ev.id()).isEqualTo("00A1B20B000000000000AB");
        assertThat(ev.time()).isEqualTo(Instant.parse("2026-03-01T12:00:00.250Z"));
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(ev.activityId()).isEqualTo(3);
        assertThat(ev.action()).isEqualTo("UPDATE");
        assertThat(ev.category()).hasValue("DTEMPLATE");
        assertThat(ev.actor().name()).hasValue("ana@example.com");
        assertThat(ev.actor().email()).hasValue("ana@example.com");
        assertThat(ev.target()).hasValueSatisfying(t -> {
            assertThat(t.type()).hasValue("DTEMPLATE");
            assertThat(t.id()).hasValue("00A1B20Z0000000004");
            assertThat(t.name()).hasValue("m_orders");
        });
        assertThat(ev.message()).hasValue("Mapping updated");
        // the log records actions that were performed; only a failure code says otherwise
        assertThat(ev.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ev.tenantId()).hasValue("00A1B2");
        assertThat(ev.eventCode()).hasValue("UPDATE");
        assertThat(ev.attributes()).containsEntry("orgId", "00A1B2").containsEntry("version", "2")
                .containsEntry("entryTimeEastern", "2026-03-01T07:00:00.250-05:00").containsEntry("eventParam", "name=m_orders")
                .doesNotContainKey("eventParamTruncated");
        assertThat(ev.toOcsf().path("class_uid").asInt()).isEqualTo(3004);
    }

    @Test
    void mapsCategoriesToOcsfClasses() throws Exception {
        assertThat(classOf("AUTH", "LOGIN")).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(classOf("AUTH", "UPDATE")).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(classOf("SYSTEM_INFO", "USER_LOGOUT")).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(classOf("USER", "CREATE")).isEqualTo(OcsfClass.ACCOUNT_CHANGE);
        // a group is not an account: Account Change needs the user it changed
        assertThat(classOf("USER_GROUP", "DELETE")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("ORG", "UPDATE")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("OBJECT_ACL", "UPDATE_PERMISSION")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("MTT", "RUN")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("CONNECTION", "CREATE")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("SYSTEM_INFO", "FETCHSTATE")).isEqualTo(OcsfClass.API_ACTIVITY);
        assertThat(classOf("SOMETHING_NEW", "CREATE")).isEqualTo(OcsfClass.API_ACTIVITY);

        ObjectNode login = base();
        login.put("category", "AUTH");
        login.put("event", "LOGIN");
        AuditEvent ev = InformaticaAuditEntry.of(login).toAuditEvent();
        assertThat(ev.activityId()).isEqualTo(1);
        assertThat(ev.toOcsf().path("class_uid").asInt()).isEqualTo(3002);
        ObjectNode userCreate = base();
        userCreate.put("category", "USER");
        userCreate.put("event", "CREATE");
        assertThat(InformaticaAuditEntry.of(userCreate).toAuditEvent().toOcsf().path("type_uid").asLong()).isEqualTo(300101L);
    }

    @Test
    void missingOptionalFieldsStayEmpty() throws Exception {
        InformaticaAuditEntry e = InformaticaAuditEntry.of(json("{\"id\":\"1\",\"entryTimeUTC\":\"2026-03-01T12:00:00Z\","
                + "\"username\":\"svc\",\"objectName\":null,\"message\":\"\"}"));
        assertThat(e.version()).isEmpty();
        assertThat(e.category()).isEmpty();
        assertThat(e.objectName()).isEmpty();
        assertThat(e.message()).isEmpty();
        AuditEvent ev = e.toAuditEvent();
        assertThat(ev.action()).isEqualTo("UNKNOWN");
        assertThat(ev.target()).isEmpty();
        assertThat(ev.actor().email()).isEmpty();
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    }

    private static OcsfClass classOf(String category, String event) throws Exception {
        ObjectNode n = base();
        n.put("category", category);
        n.put("event", event);
        return InformaticaAuditEntry.of(n).toAuditEvent().ocsfClass();
    }
}
