package dev.auditsdk.boomi.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.OcsfClass;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BoomiNormalizerTest {

    private static BoomiAuditEntry entry(String type, String action, String modifier, String level) throws Exception {
        return BoomiAuditEntryTest.parse("{\"documentId\":\"d1\",\"accountId\":\"acct-1\",\"userId\":\"ada@acme.example\","
                + "\"date\":\"2026-01-02T03:04:05Z\",\"type\":\"" + type + "\",\"action\":\"" + action
                + "\",\"modifier\":\"" + modifier + "\",\"level\":\"" + level + "\",\"source\":\"UI\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "account, ON_ENTRY, SUCCESS, AUTHENTICATION",
        "account, LOGOUT, NONE, AUTHENTICATION",
        "account, EDIT, NONE, API_ACTIVITY",
        "user, ADD, NONE, ACCOUNT_CHANGE",
        "user, DELETE, NONE, ACCOUNT_CHANGE",
        "user.token, ADD, NONE, ACCOUNT_CHANGE",
        "role, EDIT, NONE, ACCOUNT_CHANGE",
        "accountgroup.role, ADD, NONE, ACCOUNT_CHANGE",
        "as.account.access, EDIT, NONE, ACCOUNT_CHANGE",
        "component, ADD, NONE, ENTITY_MANAGEMENT",
        "component, DELETE, NONE, ENTITY_MANAGEMENT",
        "environment, EDIT, NONE, ENTITY_MANAGEMENT",
        "as.atom, UPDATE, MANUAL, ENTITY_MANAGEMENT",
        "as.extensions, UPDATE, MANUAL, ENTITY_MANAGEMENT",
        "as.atom.log, DOWNLOAD, NONE, API_ACTIVITY",
        "process, EXECUTE, MANUAL, API_ACTIVITY",
        "account-ip_address, ADD, TRUSTEDIP, API_ACTIVITY",
        "document, DOWNLOAD, SUCCESS, API_ACTIVITY"
    })
    void mapsTypeAndActionToTheOcsfClass(String type, String action, String modifier, OcsfClass expected) throws Exception {
        assertThat(entry(type, action, modifier, "INFO").toAuditEvent().ocsfClass()).isEqualTo(expected);
    }

    @Test
    void loginAndLogoutGetTheOcsfLogonActivities() throws Exception {
        assertThat(entry("account", "ON_ENTRY", "SUCCESS", "INFO").toAuditEvent().activityId()).isEqualTo(1);
        assertThat(entry("account", "LOGOUT", "NONE", "INFO").toAuditEvent().activityId()).isEqualTo(2);
    }

    @Test
    void errorLevelIsAFailure() throws Exception {
        assertThat(entry("component", "EDIT", "NONE", "ERROR").toAuditEvent().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(entry("document", "DOWNLOAD", "FAILURE", "INFO").toAuditEvent().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(entry("component", "EDIT", "NONE", "WARNING").toAuditEvent().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(entry("component", "EDIT", "NONE", "INFO").toAuditEvent().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void fillsActorTargetMessageAndAttributes() throws Exception {
        AuditEvent e = BoomiAuditEntryTest.parse(BoomiAuditEntryTest.DOC_SAMPLE).toAuditEvent();
        assertThat(e.vendor()).isEqualTo("boomi");
        assertThat(e.id()).isEqualTo("XdDAzmwB7C-eRHGS1Oal");
        assertThat(e.time()).isEqualTo(Instant.parse("2016-02-05T09:12:13Z"));
        assertThat(e.actor().name()).hasValue("user123@company.biz");
        assertThat(e.actor().email()).hasValue("user123@company.biz");
        assertThat(e.action()).isEqualTo("UPDATE");
        assertThat(e.category()).hasValue("as.atom");
        assertThat(e.target().flatMap(t -> t.type())).hasValue("as.atom");
        assertThat(e.target().flatMap(t -> t.id())).hasValue("3456789a-bcde-f0123-4567-89abcdef012");
        assertThat(e.message()).hasValue("Environment Extensions saved");
        assertThat(e.attributes())
                .containsEntry("accountId", "account-123456")
                .containsEntry("modifier", "MANUAL")
                .containsEntry("level", "INFO")
                .containsEntry("source", "UNKNOWN")
                .containsEntry("property.VERSION_STRING", "16.06.0.0-20160513.182152-27")
                .containsEntry("property.VERSION_STRING.previous", "PREVIOUS_VALUE");
        assertThat(e.toOcsf().path("class_uid").asInt()).isEqualTo(3004);
    }

    @Test
    void anEntryWithoutTypeOrActionStillNormalizes() throws Exception {
        AuditEvent e = BoomiAuditEntryTest.parse("{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"}").toAuditEvent();
        assertThat(e.action()).isEqualTo("UNKNOWN");
        assertThat(e.target()).isEmpty();
        assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
        assertThat(e.actor().name()).isEmpty();
    }
}
