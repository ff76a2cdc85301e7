package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClosedSourceTest {
    private static final AuditLogQuery QUERY = AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z"))
            .to(Instant.parse("2026-01-20T00:00:00Z")).build();

    @Test
    void aClosedQuerySourceRefusesToFetch() {
        BoomiAuditLogSource source = BoomiAuditLogSource.builder().baseUrl("http://127.0.0.1:9").accountId("acme-1")
                .credentials("auditor@acme.example", "pw-S3CR3T").build();
        source.close();
        assertThatThrownBy(() -> source.fetch(QUERY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this BoomiAuditLogSource is closed");
    }

    @Test
    void aClosedStagedExportRefusesToFetch() {
        BoomiStagedAuditLogExport export = BoomiStagedAuditLogExport.builder().baseUrl("http://127.0.0.1:9")
                .accountId("acme-1").credentials("auditor@acme.example", "pw-S3CR3T").build();
        export.close();
        assertThatThrownBy(() -> export.fetch(QUERY)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this BoomiStagedAuditLogExport is closed");
    }

    @Test
    void aClosedQuerySourceRefusesToGetAnEntryAndClosingAgainDoesNothing() {
        BoomiAuditLogSource source = BoomiAuditLogSource.builder().baseUrl("http://127.0.0.1:9").accountId("acme-1")
                .credentials("auditor@acme.example", "pw-S3CR3T").build();
        source.close();
        source.close();
        assertThatThrownBy(() -> source.get("doc-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("this BoomiAuditLogSource is closed");
    }

    @Test
    void bothSourcesShowTheirAccountAndHostButNoSecret() {
        try (BoomiAuditLogSource source = BoomiAuditLogSource.builder().baseUrl("http://127.0.0.1:9")
                .accountId("acme-1").credentials("auditor@acme.example", "pw-S3CR3T").build();
                BoomiStagedAuditLogExport export = BoomiStagedAuditLogExport.builder().region(BoomiRegion.GB)
                        .accountId("acme-1").apiToken("auditor@acme.example", "t-S3CR3T").build()) {
            assertThat(source).hasToString("BoomiAuditLogSource{account=acme-1, baseUrl=http://127.0.0.1:9}");
            assertThat(export).hasToString("BoomiStagedAuditLogExport{account=acme-1,"
                    + " baseUrl=https://api.platform.gb.boomi.com}");
        }
    }
}
