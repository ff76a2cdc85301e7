package dev.auditsdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClosedSourceTest {
    private static final AuditLogQuery QUERY = AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z"))
            .to(Instant.parse("2026-01-02T00:00:00Z")).build();

    @Test
    void aClosedSourceRefusesToFetch() {
        LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl("http://127.0.0.1:9")
                .credentials("admin", "pw-S3CR3T").build();
        source.close();
        source.close();
        assertThatThrownBy(() -> source.fetch(QUERY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this LifecycleAuditLogSource is closed");
    }

    @Test
    void aClosedFileReaderRefusesToFetch() {
        LifecycleAuditLogFiles files = LifecycleAuditLogFiles.of(Path.of("/nonexistent/iq/log"));
        assertThat(files).hasToString("LifecycleAuditLogFiles{directory=/nonexistent/iq/log, lateness=PT1S}");
        files.close();
        assertThatThrownBy(() -> files.fetch(QUERY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this LifecycleAuditLogFiles is closed");
    }

    @Test
    void describesItsSettingsWithoutCredentials() {
        try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl("http://127.0.0.1:9")
                .credentials("admin", "pw-S3CR3T").windowSize(java.time.Duration.ofDays(2)).parallelism(2).build()) {
            assertThat(source).hasToString(
                    "LifecycleAuditLogSource{baseUrl=http://127.0.0.1:9, windowSize=PT48H, parallelism=2}");
        }
    }
}
