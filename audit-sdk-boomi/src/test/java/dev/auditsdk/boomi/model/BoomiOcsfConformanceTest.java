package dev.auditsdk.boomi.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.ocsf.OcsfConformance;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every Boomi entry the simulator generates renders as an OCSF event valid against the official schema. */
class BoomiOcsfConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(BoomiOcsfConformanceTest.class);
    private static final int ENTRIES = 1_500;

    @Test
    void everyGeneratedEntryIsValidOcsf() {
        OcsfValidator validator = OcsfValidator.bundled();
        assertThat(validator.schema().version()).isEqualTo(AuditEvent.OCSF_VERSION);
        OcsfConformance run = new OcsfConformance(validator);
        // from 2016, so that the pre-June-2016 integer "version" property is among them
        try (BoomiSimulator sim = BoomiSimulator.builder().seed(19).entries(ENTRIES)
                .startingAt(Instant.parse("2016-05-20T00:00:00Z")).build()) {
            for (ObjectNode raw : sim.entries()) {
                BoomiAuditEntry entry = BoomiAuditEntry.of(raw);
                run.check(entry.id(), entry.toAuditEvent().toOcsf());
            }
        }
        LOG.info("Boomi AuditLog: {}", run.summary());

        assertThat(run.events()).isEqualTo(ENTRIES);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Entity Management / Create", "Entity Management / Update", "Entity Management / Delete",
                "Entity Management / Read", "Entity Management / EXECUTE");
    }
}
