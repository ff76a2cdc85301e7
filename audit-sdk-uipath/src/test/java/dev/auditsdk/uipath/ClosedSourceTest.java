package dev.auditsdk.uipath;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClosedSourceTest {
    private static final AuditLogQuery QUERY = AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z"))
            .to(Instant.parse("2026-01-02T00:00:00Z")).build();

    @Test
    void aClosedClassicSourceRefusesToFetch() {
        UiPathAuditLogSource source = UiPathAuditLogSource.builder().baseUrl("http://127.0.0.1:9").organization("acme")
                .clientCredentials("id", "x-S3CR3T").build();
        source.close();
        assertThatThrownBy(() -> source.fetch(QUERY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this UiPathAuditLogSource is closed");
    }

    @Test
    void aClosedUnifiedSourceRefusesToFetch() {
        UiPathUnifiedAuditLogSource source = UiPathUnifiedAuditLogSource.builder().baseUrl("http://127.0.0.1:9")
                .organization("acme").clientCredentials("id", "x-S3CR3T").build();
        source.close();
        assertThatThrownBy(() -> source.fetch(QUERY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this UiPathUnifiedAuditLogSource is closed");
    }
}
