package dev.auditsdk.uipath.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UiPathUnifiedAuditEventTest {
    static final String SAMPLE = "{\"id\":\"8c6b2c36-1e0a-4f5e-9a53-3f1f2b4c5d6e\",\"createdOn\":\"2025-03-24T10:11:12.3456789Z\","
            + "\"organizationId\":\"org-1\",\"tenantId\":\"tenant-1\",\"actorId\":\"user-7\",\"actorName\":\"Ada Lovelace\","
            + "\"actorEmail\":\"ada@acme.example\",\"eventType\":\"Login\",\"eventSource\":\"Identity\",\"eventTarget\":\"User\","
            + "\"eventDetails\":\"{\\\"userName\\\":\\\"Ada Lovelace\\\",\\\"ipAddress\\\":\\\"203.0.113.9\\\"}\","
            + "\"eventSummary\":\"User 'Ada Lovelace' logged in\",\"status\":0,\"futureField\":true}";

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    @Test
    void readsAnEventWithItsDetailsParsed() throws Exception {
        UiPathUnifiedAuditEvent e = UiPathUnifiedAuditEvent.fromJson(json(SAMPLE));

        assertThat(e.id()).isEqualTo("8c6b2c36-1e0a-4f5e-9a53-3f1f2b4c5d6e");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-03-24T10:11:12.3456789Z"));
        assertThat(e.organizationId()).hasValue("org-1");
        assertThat(e.tenantId()).hasValue("tenant-1");
        assertThat(e.actorId()).hasValue("user-7");
        assertThat(e.eventType()).hasValue("Login");
        assertThat(e.eventSource()).hasValue("Identity");
        assertThat(e.eventTarget()).hasValue("User");
        assertThat(e.status()).hasValue(0);
        assertThat(e.details()).get().satisfies(d -> assertThat(d.path("ipAddress").asText()).isEqualTo("203.0.113.9"));
        assertThat(e.raw().path("futureField").asBoolean()).isTrue();
    }

    @Test
    void readsTimesWithoutOffsetAsUtcAndAnyFraction() throws Exception {
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("createdOn", "2025-03-24T10:11:12.34")).timestamp())
                .isEqualTo(Instant.parse("2025-03-24T10:11:12.340Z"));
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("createdOn", "2025-03-24T10:11:12Z")).timestamp())
                .isEqualTo(Instant.parse("2025-03-24T10:11:12Z"));
    }

    @Test
    void organizationLevelEventsHaveNoTenant() throws Exception {
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).putNull("tenantId")).tenantId()).isEmpty();
    }

    @Test
    void outcomeFollowsTheStatus() throws Exception {
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE)).toAuditEvent().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("status", 1)).toAuditEvent().outcome())
                .isEqualTo(Outcome.FAILURE);
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("status", "Failed")).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("status", "0")).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("status", 7)).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).putNull("status")).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void normalizesWithActorTargetAndClass() throws Exception {
        AuditEvent ev = UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("status", 1)).toAuditEvent();
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(ev.actor().id()).hasValue("user-7");
        assertThat(ev.actor().name()).hasValue("Ada Lovelace");
        assertThat(ev.actor().email()).hasValue("ada@acme.example");
        assertThat(ev.sourceIp()).hasValue("203.0.113.9");
        assertThat(ev.message()).hasValue("User 'Ada Lovelace' logged in");
        assertThat(ev.attributes()).containsEntry("eventSource", "Identity").containsEntry("tenantId", "tenant-1");
        assertThat(ev.toOcsf().path("status_id").asInt()).isEqualTo(2);

        assertThat(classOf("User", "Create")).isEqualTo(OcsfClass.ACCOUNT_CHANGE);
        assertThat(classOf("Group", "AddMembers")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("Role", "Assign")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("Process", "Update")).isEqualTo(OcsfClass.API_ACTIVITY);
        assertThat(classOf("Job", "Start")).isEqualTo(OcsfClass.API_ACTIVITY);
    }

    @Test
    void loginsAndLogoutsAreLogonAndLogoffWithTheirStatus() throws Exception {
        ObjectNode login = json(SAMPLE).put("eventType", "Login").put("eventTarget", "User").put("status", 1);
        ObjectNode ocsf = UiPathUnifiedAuditEvent.fromJson(login).toAuditEvent().toOcsf();
        assertThat(ocsf.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(ocsf.path("activity_id").asInt()).isEqualTo(1);
        assertThat(ocsf.path("activity_name").asText()).isEqualTo("Logon");
        assertThat(ocsf.path("status_id").asInt()).isEqualTo(2);

        ObjectNode logout = json(SAMPLE).put("eventType", "UserLoggedOut").put("eventTarget", "User");
        ObjectNode off = UiPathUnifiedAuditEvent.fromJson(logout).toAuditEvent().toOcsf();
        assertThat(off.path("activity_id").asInt()).isEqualTo(2);
        assertThat(off.path("activity_name").asText()).isEqualTo("Logoff");
        assertThat(off.path("status_id").asInt()).isEqualTo(1);
        assertThat(off.at("/metadata/tenant_uid").asText()).isNotEmpty();
    }

    @Test
    void addingMembersUpdatesTheGroup() throws Exception {
        ObjectNode add = json(SAMPLE).put("eventType", "AddMembers").put("eventTarget", "Group")
                .put("eventDetails", "{\"groupName\":\"Administrators\"}");
        ObjectNode ocsf = UiPathUnifiedAuditEvent.fromJson(add).toAuditEvent().toOcsf();
        assertThat(ocsf.path("class_uid").asInt()).isEqualTo(3004);
        assertThat(ocsf.path("activity_name").asText()).isEqualTo("Update");
        assertThat(ocsf.at("/entity/name").asText()).isEqualTo("Administrators");
    }

    @Test
    void keepsEventDetailsThatAreNotJson() throws Exception {
        UiPathUnifiedAuditEvent e = UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("eventDetails", "plain words"));
        assertThat(e.eventDetails()).hasValue("plain words");
        assertThat(e.details()).isEmpty();
        assertThat(e.toAuditEvent().sourceIp()).isEmpty();
    }

    @Test
    void derivesAnIdWhenTheApiOmitsIt() throws Exception {
        ObjectNode raw = json(SAMPLE);
        raw.remove("id");
        UiPathUnifiedAuditEvent e = UiPathUnifiedAuditEvent.fromJson(raw);
        assertThat(e.id()).startsWith(UiPathUnifiedAuditEvent.DERIVED_ID_PREFIX)
                .isEqualTo(UiPathUnifiedAuditEvent.fromJson(raw.deepCopy()).id());
        assertThat(e.toString()).doesNotContain("ipAddress");
    }

    private static OcsfClass classOf(String target, String type) throws Exception {
        return UiPathUnifiedAuditEvent.fromJson(json(SAMPLE).put("eventTarget", target).put("eventType", type))
                .toAuditEvent().ocsfClass();
    }
}
