package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClosedSourceTest {
    @Test
    void aClosedSourceRefusesToFetch() {
        JitterbitApiLogSource source = JitterbitApiLogSource.builder().baseUrl("http://127.0.0.1:9")
                .credentials("alice@jbexample.com", "pw-S3CR3T").build();
        source.close();
        assertThatThrownBy(() -> source.fetch(AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z"))
                .to(Instant.parse("2026-01-02T00:00:00Z")).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this JitterbitApiLogSource is closed");
    }
}
