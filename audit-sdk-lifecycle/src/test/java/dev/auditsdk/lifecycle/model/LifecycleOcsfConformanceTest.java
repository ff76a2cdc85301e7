package dev.auditsdk.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import dev.auditsdk.testkit.ocsf.OcsfConformance;
import dev.auditsdk.testkit.ocsf.OcsfValidator;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every IQ Server audit event the simulator generates renders as an OCSF event valid against the official schema. */
class LifecycleOcsfConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleOcsfConformanceTest.class);
    private static final int EVENTS = 3_000;

    @Test
    void everyGeneratedEventIsValidOcsf() {
        OcsfValidator validator = OcsfValidator.bundled();
        assertThat(validator.schema().version()).isEqualTo(AuditEvent.OCSF_VERSION);
        OcsfConformance run = new OcsfConformance(validator);
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant to = Instant.parse("2024-03-08T00:00:00Z");
        List<String> lines;
        try (LifecycleSimulator sim = LifecycleSimulator.builder().seed(19).generatedEvents(EVENTS).range(from, to)
                .build()) {
            lines = sim.lines(from, to).collect(Collectors.toList());
        }
        int n = 0;
        for (String line : lines) {
            LifecycleAuditEntry entry = LifecycleAuditEntry.parse(line, "line-" + ++n);
            run.check(entry.id(), entry.toAuditEvent().toOcsf());
        }
        LOG.info("Lifecycle audit log: {}", run.summary());

        assertThat(run.events()).isEqualTo(EVENTS);
        assertThat(run.violations()).isEmpty();
        assertThat(run.types()).containsKeys("Authentication / Logon", "Authentication / Logoff",
                "Account Change / Create", "Account Change / Delete", "Account Change / Password Change",
                "Entity Management / Create", "Entity Management / Update", "Entity Management / Delete",
                "Entity Management / start", "API Activity / Read").doesNotContainKey("Base Event / Other");
    }
}
