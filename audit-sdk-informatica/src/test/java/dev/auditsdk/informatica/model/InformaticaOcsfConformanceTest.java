package dev.auditsdk.informatica.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.testkit.informatica.InformaticaAuditRecord;
import dev.auditsdk.testkit.informatica.InformaticaSecurityRecord;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import dev.auditsdk.testkit.ocsf.OcsfConformance;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every audit-log and security-log entry the simulator generates renders as an OCSF event valid against the official schema. */
class InformaticaOcsfConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(InformaticaOcsfConformanceTest.class);
    private static final int ENTRIES = 2_000;
    private static final OcsfValidator VALIDATOR = OcsfValidator.bundled();

    @Test
    void everyGeneratedAuditLogEntryIsValidOcsf() {
        assertThat(VALIDATOR.schema().version()).isEqualTo(AuditEvent.OCSF_VERSION);
        OcsfConformance run = new OcsfConformance(VALIDATOR);
        try (InformaticaSimulator sim = InformaticaSimulator.builder().seed(19).auditEntries(ENTRIES).build()) {
            for (InformaticaAuditRecord record : sim.auditEntries()) {
                InformaticaAuditEntry entry = InformaticaAuditEntry.of(record.toJson());
                run.check(entry.id(), entry.toAuditEvent().toOcsf());
            }
        }
        LOG.info("Informatica audit log: {}", run.summary());

        assertThat(run.events()).isEqualTo(ENTRIES);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Account Change / Create", "Account Change / Delete", "Account Change / Disable",
                "Entity Management / Create", "Entity Management / Update", "Entity Management / Read",
                "Entity Management / RUN").doesNotContainKey("Base Event / Other");
    }

    @Test
    void everyGeneratedSecurityLogEntryIsValidOcsf() {
        OcsfConformance run = new OcsfConformance(VALIDATOR);
        try (InformaticaSimulator sim = InformaticaSimulator.builder().seed(19).securityEntries(ENTRIES).build()) {
            for (InformaticaSecurityRecord record : sim.securityEntries()) {
                InformaticaSecurityLogEntry entry = InformaticaSecurityLogEntry.of(record.toJson());
                run.check(entry.id(), entry.toAuditEvent().toOcsf());
            }
        }
        LOG.info("Informatica security log: {}", run.summary());

        assertThat(run.events()).isEqualTo(ENTRIES);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Account Change / Create", "Entity Management / Update").doesNotContainKey("Base Event / Other");
    }
}
