package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class LifecycleCliTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aUserWithoutTheAuditPermissionIsToldWhichPermissionIsMissing() {
        try (LifecycleSimulator sim = LifecycleSimulator.builder().storedEvents(10)
                .range(NOW.minus(Duration.ofDays(1)), NOW).userWithoutAuditPermission("viewer", "viewer-S3CR3T").build()
                .start()) {
            CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_BASE_URL", sim.baseUrl().toString())
                    .env("AUDITLOG_LIFECYCLE_USERNAME", "viewer").env("AUDITLOG_LIFECYCLE_PASSWORD", "viewer-S3CR3T")
                    .run("pull", "lifecycle", "--from", "1d");

            assertThat(r.exitCode).isEqualTo(ExitCodes.AUTH);
            assertThat(r.stderr.strip().lines()).hasSize(1);
            assertThat(r.stderr).startsWith("auditlog: lifecycle: access denied: ").contains("/api/v2/auditLogs")
                    .contains("Access Audit Log").contains("ask an IQ Server administrator");
        }
    }

    @Test
    void anUnreachableServerExitsSixNamingTheUrl() {
        CliRunner.Result r = new CliRunner().env("AUDITLOG_LIFECYCLE_PASSWORD", "pw-S3CR3T")
                .run("pull", "lifecycle", "--from", "1d", "--base-url", "http://127.0.0.1:9", "--username", "u");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.stderr).contains("auditlog: lifecycle: cannot reach the vendor").contains("127.0.0.1:9")
                .contains("- check --base-url, the network and any proxy").doesNotContain("lifecycle: lifecycle:");
    }
}
