package dev.auditsdk.boomi.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        "account, ON_ENTRY, SUCCESS, AUTHENTICATION, Logon",
        "account, LOGOUT, NONE, AUTHENTICATION, Logoff",
        "account, EDIT, NONE, ENTITY_MANAGEMENT, Update",
        "user, ADD, NONE, ENTITY_MANAGEMENT, Create",
        "user, DELETE, NONE, ENTITY_MANAGEMENT, Delete",
        "user.token, ADD, NONE, ENTITY_MANAGEMENT, Create",
        "role, EDIT, NONE, ENTITY_MANAGEMENT, Update",
        "as.account.access, EDIT, NONE, ENTITY_MANAGEMENT, Update",
        "component, ADD, NONE, ENTITY_MANAGEMENT, Create",
        "environment, EDIT, NONE, ENTITY_MANAGEMENT, Update",
        "as.atom, UPDATE, MANUAL, ENTITY_MANAGEMENT, Update",
        "as.atom.log, DOWNLOAD, NONE, ENTITY_MANAGEMENT, Read",
        "process, EXECUTE, MANUAL, ENTITY_MANAGEMENT, EXECUTE",
        "account-ip_address, ADD, TRUSTEDIP, ENTITY_MANAGEMENT, Create",
        "document, DOWNLOAD, SUCCESS, ENTITY_MANAGEMENT, Read"
    })
    void mapsTypeAndActionToTheOcsfClassAndActivity(String type, String action, String modifier, OcsfClass expected,
            String activityName) throws Exception {
        AuditEvent e = entry(type, action, modifier, "INFO").toAuditEvent();
        assertThat(e.ocsfClass()).isEqualTo(expected);
        ObjectNode ocsf = e.toOcsf();
        assertThat(ocsf.path("class_uid").asInt()).isEqualTo(expected.uid());
        assertThat(ocsf.path("activity_name").asText()).isEqualTo(activityName);
    }

    @Test
    void anEntityKnownOnlyByItsTypeBelongsToTheAccount() throws Exception {
        ObjectNode ocsf = entry("user", "ADD", "NONE", "INFO").toAuditEvent().toOcsf();
        assertThat(ocsf.at("/entity/type").asText()).isEqualTo("user");
        assertThat(ocsf.at("/entity/org/uid").asText()).isEqualTo("acct-1");
        assertThat(ocsf.at("/metadata/tenant_uid").asText()).isEqualTo("acct-1");
        assertThat(ocsf.at("/actor/user/name").asText()).isEqualTo("ada@acme.example");
        assertThat(ocsf.at("/metadata/product/vendor_name").asText()).isEqualTo("Boomi");
        assertThat(ocsf.at("/metadata/log_name").asText()).isEqualTo("AuditLog");
        assertThat(ocsf.at("/unmapped/source").asText()).isEqualTo("UI");
    }

    @Test
    void theNamePropertyNamesTheEntity() throws Exception {
        AuditEvent e = BoomiAuditEntryTest.parse("{\"documentId\":\"d2\",\"accountId\":\"acct-1\","
                + "\"userId\":\"ada@acme.example\",\"date\":\"2026-01-02T03:04:05Z\",\"type\":\"component\","
                + "\"action\":\"ADD\",\"AuditLogProperty\":[{\"name\":\"NAME\",\"value\":\"Orders Sync\"}]}")
                .toAuditEvent();
        assertThat(e.target().flatMap(t -> t.name())).hasValue("Orders Sync");
        assertThat(e.toOcsf().at("/entity/name").asText()).isEqualTo("Orders Sync");
    }

    @Test
    void aSignInNamesTheUserAndThePlatform() throws Exception {
        ObjectNode ocsf = entry("account", "ON_ENTRY", "SUCCESS", "INFO").toAuditEvent().toOcsf();
        assertThat(ocsf.at("/user/name").asText()).isEqualTo("ada@acme.example");
        assertThat(ocsf.at("/user/email_addr").asText()).isEqualTo("ada@acme.example");
        assertThat(ocsf.at("/service/name").asText()).isEqualTo("Boomi Enterprise Platform");
        assertThat(ocsf.at("/status_id").asInt()).isEqualTo(1);
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
        assertThat(e.ocsfClass()).isEqualTo(OcsfClass.ENTITY_MANAGEMENT);
        assertThat(e.actor().name()).isEmpty();
        // nothing identifies an entity, an actor or a caller: only the Base Event fits
        assertThat(e.toOcsf().path("class_uid").asInt()).isZero();
    }
}
