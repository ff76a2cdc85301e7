package dev.auditsdk.informatica.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InformaticaSecurityLogEntryTest {
    private static final String LOGIN = "{\"id\":\"00A1B20S000000000001\",\"orgId\":\"00A1B2\",\"actor\":\"ana@example.com\","
            + "\"entryTime\":\"2026-03-01T12:00:00.000Z\",\"objectId\":\"u1\",\"objectName\":\"ana@example.com\","
            + "\"actionCategory\":\"LOGIN\",\"actionEvent\":\"USER_LOGIN\"}";

    private static ObjectNode base() throws Exception {
        return (ObjectNode) Json.mapper().readTree(LOGIN);
    }

    @Test
    void readsEveryDocumentedField() throws Exception {
        InformaticaSecurityLogEntry e = InformaticaSecurityLogEntry.of(base());
        assertThat(e.id()).isEqualTo("00A1B20S000000000001");
        assertThat(e.orgId()).hasValue("00A1B2");
        assertThat(e.actor()).hasValue("ana@example.com");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(e.objectId()).hasValue("u1");
        assertThat(e.objectName()).hasValue("ana@example.com");
        assertThat(e.actionCategory()).hasValue("LOGIN");
        assertThat(e.actionEvent()).hasValue(SecurityLogEvent.USER_LOGIN);
    }

    @Test
    void epochMillisEntryTimeIsRead() throws Exception {
        ObjectNode n = base();
        n.put("entryTime", 1_772_366_400_000L);
        assertThat(InformaticaSecurityLogEntry.of(n).timestamp()).isEqualTo(Instant.ofEpochMilli(1_772_366_400_000L));
    }

    @Test
    void loginsAreAuthenticationAndFailuresAreFailures() throws Exception {
        AuditEvent ev = InformaticaSecurityLogEntry.of(base()).toAuditEvent();
        assertThat(ev.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
        assertThat(ev.activityId()).isEqualTo(1);
        assertThat(ev.actor().name()).hasValue("ana@example.com");
        assertThat(ev.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(ev.attributes()).containsEntry("log", "securityLog");

        ObjectNode failed = base();
        failed.put("actionEvent", "USER_LOGIN_FAILED");
        AuditEvent failure = InformaticaSecurityLogEntry.of(failed).toAuditEvent();
        assertThat(failure.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failure.toOcsf().path("status_id").asInt()).isEqualTo(2);
        assertThat(failure.toOcsf().path("activity_name").asText()).isEqualTo("Logon");
        assertThat(failure.toOcsf().at("/metadata/event_code").asText()).isEqualTo("USER_LOGIN_FAILED");
    }

    @Test
    void userChangesAreAccountChangesAndRolesEntityManagement() throws Exception {
        ObjectNode user = base();
        user.put("actionCategory", "USER");
        user.put("actionEvent", "CREATE");
        assertThat(InformaticaSecurityLogEntry.of(user).toAuditEvent().ocsfClass()).isEqualTo(OcsfClass.ACCOUNT_CHANGE);
        ObjectNode role = base();
        role.put("actionCategory", "ROLE");
        role.put("actionEvent", "UPDATE");
        assertThat(InformaticaSecurityLogEntry.of(role).toAuditEvent().ocsfClass()).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        ObjectNode other = base();
        other.put("actionCategory", "LICENSE");
        other.put("actionEvent", "UPDATE");
        assertThat(InformaticaSecurityLogEntry.of(other).toAuditEvent().ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    }

    @Test
    void badEntriesAreRejected() throws Exception {
        ObjectNode noTime = base();
        noTime.remove("entryTime");
        assertThatThrownBy(() -> InformaticaSecurityLogEntry.of(noTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entryTime");
        ObjectNode noId = base();
        noId.remove("id");
        assertThatThrownBy(() -> InformaticaSecurityLogEntry.of(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'");
    }
}
