package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settle lag a source assumes: the module's documented default until the caller sets one. */
class SettleLagTest {
    @Test
    void theDocumentedDefaultUntilTheCallerSetsOne() {
        assertThat(InformaticaAuditLogSource.DEFAULT_SETTLE_LAG).isEqualTo(Duration.ofMinutes(2));
        try (var source = InformaticaAuditLogSource.builder().baseUrl("http://127.0.0.1:9/ma/api/v2/user/login").credentials("auditor@example.com", "pw-S3CR3T").build()) {
            assertThat(source.settleLag()).isEqualTo(InformaticaAuditLogSource.DEFAULT_SETTLE_LAG);
        }
        try (var source = InformaticaAuditLogSource.builder().baseUrl("http://127.0.0.1:9/ma/api/v2/user/login").credentials("auditor@example.com", "pw-S3CR3T").settleLag(Duration.ofSeconds(5)).build()) {
            assertThat(source.settleLag()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
