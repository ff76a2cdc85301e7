package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settle lag a source assumes: the module's documented default until the caller sets one. */
class SettleLagTest {
    @Test
    void theDocumentedDefaultUntilTheCallerSetsOne() {
        assertThat(BoomiAuditLogSource.DEFAULT_SETTLE_LAG).isEqualTo(Duration.ofMinutes(1));
        try (var source = BoomiAuditLogSource.builder().baseUrl("http://127.0.0.1:9").accountId("acme-1").credentials("auditor@acme.example", "pw-S3CR3T").build()) {
            assertThat(source.settleLag()).isEqualTo(BoomiAuditLogSource.DEFAULT_SETTLE_LAG);
        }
        try (var source = BoomiAuditLogSource.builder().baseUrl("http://127.0.0.1:9").accountId("acme-1").credentials("auditor@acme.example", "pw-S3CR3T").settleLag(Duration.ofSeconds(5)).build()) {
            assertThat(source.settleLag()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
