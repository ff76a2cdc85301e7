package dev.auditsdk.uipath.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UiPathAuditEntryTest {
    /** The vendor documentation's sample entry. */
    static final String SAMPLE = "{\"createdOn\":\"2021-10-14T13:10:15.1964174+00:00\",\"category\":\"User\","
            + "\"action\":\"Login\",\"auditLogDetails\":\"{\\r\\n \\\"userName\\\": \\\"System Administrator admin\\\","
            + "\\r\\n \\\"email\\\": \\\"\\\"\\r\\n}\",\"userName\":\"System Administrator\",\"email\":\"\","
            + "\"message\":\"User 'System Administrator admin' logged in\",\"detailsVersion\":\"1.0\",\"source\":\"Cis\"}";

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    @Test
    void readsTheDocumentedSample() throws Exception {
        UiPathAuditEntry e = UiPathAuditEntry.fromJson(json(SAMPLE));

        assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-10-14T13:10:15.196417400Z"));
        assertThat(e.createdOn()).isEqualTo("2021-10-14T13:10:15.1964174+00:00");
        assertThat(e.category()).hasValue("User");
        assertThat(e.action()).hasValue("Login");
        assertThat(e.userName()).hasValue("System Administrator");
        assertThat(e.email()).hasValue("");
        assertThat(e.message()).hasValue("User 'System Administrator admin' logged in");
        assertThat(e.detailsVersion()).hasValue("1.0");
        assertThat(e.source()).hasValue("Cis");
        assertThat(e.auditLogDetails()).hasValue("{\r\n \"userName\": \"System Administrator admin\",\r\n \"email\": \"\"\r\n}");
        assertThat(e.details()).get().satisfies(d -> assertThat(d.path("userName").asText()).isEqualTo("System Administrator admin"));
        assertThat(e.raw()).isEqualTo(json(SAMPLE));
        assertThat(e.id()).startsWith(UiPathAuditEntry.ID_PREFIX);
    }

    @Test
    void convertsOtherOffsetsToUtc() throws Exception {
        ObjectNode raw = json(SAMPLE).put("createdOn", "2021-10-14T15:10:15.1964174+02:00");
        assertThat(UiPathAuditEntry.fromJson(raw).timestamp()).isEqualTo(Instant.parse("2021-10-14T13:10:15.1964174Z"));
    }

    @Test
    void keepsDetailsThatAreNotJsonAsTextWithoutFailing() throws Exception {
        UiPathAuditEntry e = UiPathAuditEntry.fromJson(json(SAMPLE).put("auditLogDetails", "user admin: {not json"));
        assertThat(e.auditLogDetails()).hasValue("user admin: {not json");
        assertThat(e.details()).isEmpty();
        assertThat(e.toAuditEvent().target()).get().satisfies(t -> assertThat(t.name()).isEmpty());

        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).put("auditLogDetails", "{} trailing")).details()).isEmpty();
        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).putNull("auditLogDetails")).details()).isEmpty();
        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).put("auditLogDetails", "")).details()).isEmpty();
    }

    @Test
    void identityIsStableAndIgnoresKeyOrderAndTheLocalizedMessage() throws Exception {
        String id = UiPathAuditEntry.fromJson(json(SAMPLE)).id();
        ObjectNode reordered = Json.mapper().createObjectNode();
        JsonNode sample = json(SAMPLE);
        java.util.List<String> names = new java.util.ArrayList<>();
        sample.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, sample.get(n)));

        assertThat(UiPathAuditEntry.fromJson(reordered).id()).isEqualTo(id);
        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).put("message", "Benutzer hat sich angemeldet")).id()).isEqualTo(id);
        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).put("createdOn", "2021-10-14T13:10:15.1964175+00:00")).id())
                .isNotEqualTo(id);
        assertThat(UiPathAuditEntry.fromJson(json(SAMPLE).put("userName", "someone else")).id()).isNotEqualTo(id);
    }

    @Test
    void rejectsEntriesWithoutAReadableTime() throws Exception {
        ObjectNode missing = json(SAMPLE);
        missing.remove("createdOn");
        assertThatThrownBy(() -> UiPathAuditEntry.fromJson(missing))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("createdOn");
        assertThatThrownBy(() -> UiPathAuditEntry.fromJson(json(SAMPLE).put("createdOn", "yesterday")))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> UiPathAuditEntry.fromJson(Json.mapper().readTree("[1]")))
                .isInstanceOf(AuditDataException.class);
    }

    @Test
    void normalizesALoginAsAuthenticationWithTheActor() throws Exception {
        AuditEvent ev = UiPathAuditEntry.fromJson(json(SAMPLE)).toAuditEvent();

        assertThat(ev.vendor()).isEqualTo("uipath");
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(ev.activityId()).isEqualTo(1);
        assertThat(ev.actor().name()).hasValue("System Administrator");
        assertThat(ev.actor().email()).isEmpty();
        assertThat(ev.action()).isEqualTo("Login");
        assertThat(ev.category()).hasValue("User");
        // the classic log records what was done; a failure is named in the action
        assertThat(ev.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ev.message()).hasValue("User 'System Administrator admin' logged in");
        assertThat(ev.attributes()).containsEntry("source", "Cis").containsEntry("detailsVersion", "1.0");
        assertThat(ev.toOcsf().path("class_uid").asInt()).isEqualTo(3002);
        assertThat(ev.toOcsf().path("activity_name").asText()).isEqualTo("Logon");
        assertThat(ev.toOcsf().at("/service/name").asText()).isEqualTo("Cis");
        assertThat(ev.toOcsf().at("/metadata/product/name").asText()).isEqualTo("Automation Cloud");
    }

    @Test
    void aLoginFailedIsAFailedLogon() throws Exception {
        ObjectNode failed = (ObjectNode) json(SAMPLE);
        failed.put("action", "LoginFailed");
        AuditEvent ev = UiPathAuditEntry.fromJson(failed).toAuditEvent();

        assertThat(ev.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(ev.toOcsf().path("class_uid").asInt()).isEqualTo(3002);
        assertThat(ev.toOcsf().path("activity_id").asInt()).isEqualTo(1);
        assertThat(ev.toOcsf().path("activity_name").asText()).isEqualTo("Logon");
        assertThat(ev.toOcsf().path("status_id").asInt()).isEqualTo(2);
        assertThat(ev.toOcsf().at("/metadata/event_code").asText()).isEqualTo("LoginFailed");
    }

    @Test
    void classifiesAccountGroupAndOtherChanges() throws Exception {
        assertThat(classOf("User", "Logout")).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(classOf("User", "Created")).isEqualTo(OcsfClass.ACCOUNT_CHANGE);
        assertThat(classOf("Robot Account", "Deleted")).isEqualTo(OcsfClass.ACCOUNT_CHANGE);
        assertThat(classOf("Group", "Updated")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("Role", "Assigned")).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(classOf("Tenant", "Updated")).isEqualTo(OcsfClass.API_ACTIVITY);
    }

    @Test
    void namesTheTargetFromTheDetails() throws Exception {
        ObjectNode raw = json(SAMPLE).put("category", "Group").put("action", "Updated")
                .put("auditLogDetails", "{\"name\":\"Administrators\",\"id\":\"42\",\"ipAddress\":\"198.51.100.7\"}");
        AuditEvent ev = UiPathAuditEntry.fromJson(raw).toAuditEvent();
        assertThat(ev.target()).get().satisfies(t -> {
            assertThat(t.type()).hasValue("Group");
            assertThat(t.name()).hasValue("Administrators");
            assertThat(t.id()).hasValue("42");
        });
        assertThat(ev.sourceIp()).hasValue("198.51.100.7");
    }

    @Test
    void builtEntriesGetRawJsonAndAnIdentity() {
        UiPathAuditEntry e = UiPathAuditEntry.builder().createdOn("2026-01-01T00:00:00.0000000+00:00")
                .category("User").action("Login").build();
        assertThat(e.raw().path("category").asText()).isEqualTo("User");
        assertThat(e.id()).isEqualTo(UiPathAuditEntry.identityOf(e.raw()));
        assertThat(e.toString()).contains("Login").doesNotContain("auditLogDetails");
    }

    private static OcsfClass classOf(String category, String action) throws Exception {
        return UiPathAuditEntry.fromJson(json(SAMPLE).put("category", category).put("action", action))
                .toAuditEvent().ocsfClass();
    }
}
