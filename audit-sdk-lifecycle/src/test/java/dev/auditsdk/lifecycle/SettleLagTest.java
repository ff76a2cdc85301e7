package dev.auditsdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settle lag a source assumes: the module's documented default until the caller sets one. */
class SettleLagTest {
    @Test
    void theDocumentedDefaultUntilTheCallerSetsOne() {
        assertThat(LifecycleAuditLogSource.DEFAULT_SETTLE_LAG).isEqualTo(Duration.ofSeconds(10));
        try (var source = LifecycleAuditLogSource.builder().baseUrl("http://127.0.0.1:9").credentials("admin", "pw-S3CR3T").build()) {
            assertThat(source.settleLag()).isEqualTo(LifecycleAuditLogSource.DEFAULT_SETTLE_LAG);
        }
        try (var source = LifecycleAuditLogSource.builder().baseUrl("http://127.0.0.1:9").credentials("admin", "pw-S3CR3T").settleLag(Duration.ofSeconds(5)).build()) {
            assertThat(source.settleLag()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
