package dev.auditsdk.uipath.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.testkit.ocsf.OcsfConformance;
import dev.auditsdk.testkit.ocsf.OcsfReport;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import dev.auditsdk.testkit.uipath.UiPathClassicEntry;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.testkit.uipath.UiPathUnifiedEvent;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every classic and unified entry the simulator generates renders as an OCSF event valid against the official schema. */
class UiPathOcsfConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(UiPathOcsfConformanceTest.class);
    private static final int ENTRIES = 2_000;
    private static final OcsfValidator VALIDATOR = OcsfValidator.bundled();

    @Test
    void everyGeneratedClassicEntryIsValidOcsf() {
        assertThat(VALIDATOR.schema().version()).isEqualTo(AuditEvent.OCSF_VERSION);
        OcsfConformance run = new OcsfConformance(VALIDATOR);
        try (UiPathSimulator sim = UiPathSimulator.builder().seed(19).classicEntries(ENTRIES).build()) {
            for (UiPathClassicEntry e : sim.classicEntries()) {
                check(run, e);
            }
            // the generator writes no failed login; the vendor does
            UiPathClassicEntry failed = sim.classicEntries().get(0).toBuilder().category("User").action("LoginFailed")
                    .message("User 'Ada Lovelace' failed to log in")
                    .auditLogDetails("{\"userName\":\"Ada Lovelace\",\"email\":\"ada@acme.example\"}").build();
            OcsfReport report = check(run, failed);
            assertThat(report.isValid()).isTrue();
        }
        LOG.info("UiPath classic audit logs: {}", run.summary());

        assertThat(run.events()).isEqualTo(ENTRIES + 1);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Account Change / Create", "Account Change / Delete", "Entity Management / Update",
                "Entity Management / Create");
    }

    @Test
    void everyGeneratedUnifiedEventIsValidOcsf() {
        OcsfConformance run = new OcsfConformance(VALIDATOR);
        try (UiPathSimulator sim = UiPathSimulator.builder().seed(19).unifiedEvents(ENTRIES).build()) {
            for (UiPathUnifiedEvent e : sim.unifiedEvents()) {
                UiPathUnifiedAuditEvent event = UiPathUnifiedAuditEvent.fromJson(e.toJson());
                run.check(event.id(), event.toAuditEvent().toOcsf());
            }
        }
        LOG.info("UiPath unified audit events: {}", run.summary());

        assertThat(run.events()).isEqualTo(ENTRIES);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Account Change / Create", "Entity Management / Update", "Entity Management / Start")
                .doesNotContainKey("Base Event / Other");
    }

    private static OcsfReport check(OcsfConformance run, UiPathClassicEntry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("createdOn", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.createdOn()));
        o.put("category", e.category());
        o.put("action", e.action());
        o.put("auditLogDetails", e.auditLogDetails());
        o.put("userName", e.userName());
        o.put("email", e.email());
        o.put("message", e.message());
        o.put("detailsVersion", e.detailsVersion());
        o.put("source", e.source());
        UiPathAuditEntry entry = UiPathAuditEntry.fromJson(o);
        return run.check(entry.id(), entry.toAuditEvent().toOcsf());
    }

    /** The event as the unified API serves it. */
}
