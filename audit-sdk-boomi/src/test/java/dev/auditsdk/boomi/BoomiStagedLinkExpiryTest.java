package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code downloadLinkExpiry} is honoured: a link announced as expired is replaced by polling the
 * request again before any download is tried, and a link refused as expired without warning is
 * replaced the same way after the refusal; either way the exact set is delivered. Over real
 * loopback sockets against the simulator's expiring links.
 */
class BoomiStagedLinkExpiryTest {
    @TempDir
    Path downloads;

    private BoomiSimulator sim;
    private BoomiStagedAuditLogExport export;

    @BeforeEach
    void start() {
        sim = BoomiSimulator.builder().seed(41).entries(500).spacing(Duration.ofMinutes(30)).build();
        sim.start();
        export = BoomiStagedAuditLogExport.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                .exportJob(ExportJobOptions.builder().pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
                .deadline(Duration.ofSeconds(30)).build())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build())
                .downloadDirectory(downloads)
                .build();
    }

    @AfterEach
    void stop() {
        export.close();
        sim.close();
    }

    private List<String> exported() {
        AuditLogQuery range = AuditLogQuery.builder().from(BoomiStagedAuditLogExportTest.FROM)
                .to(BoomiStagedAuditLogExportTest.TO).build();
        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range)) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    private List<String> expected() {
        return sim.entriesBetween(BoomiStagedAuditLogExportTest.FROM, BoomiStagedAuditLogExportTest.TO).stream()
                .map(e -> e.path("documentId").asText()).collect(Collectors.toList());
    }

    private List<RecordedRequest> downloadRequests() {
        return sim.requests().stream().filter(r -> r.path().startsWith(BoomiSimulator.DOWNLOAD_PATH_PREFIX))
                .collect(Collectors.toList());
    }

    private long statusPolls() {
        return sim.requests().stream().filter(r -> r.method().equals("GET") && r.path().contains("/requests/")).count();
    }

    @Test
    void aLinkAnnouncedAsExpiredIsReplacedBeforeAnyDownload() {
        sim.expireNextDownloadLinks(1, true);

        assertThat(exported()).containsExactlyElementsOf(expected());

        assertThat(sim.expiredLinkRefusals()).as("no download of an announced-expired link").isZero();
        assertThat(downloadRequests()).hasSize(1);
        assertThat(sim.stagingDownloads()).isEqualTo(1);
        assertThat(statusPolls()).as("the ready poll, then one re-poll for a fresh link").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFreshLinkStillAnnouncedAsExpiredIsTriedAndReplacedOnRefusal() {
        sim.expireNextDownloadLinks(2, true); // as under a skewed clock: the re-polled link looks expired too

        assertThat(exported()).containsExactlyElementsOf(expected());

        assertThat(sim.expiredLinkRefusals()).as("tried once anyway, then replaced").isEqualTo(1);
        assertThat(sim.stagingDownloads()).isEqualTo(1);
    }

    @Test
    void aLinkRefusedAsExpiredIsReplacedByPollingAgain() {
        sim.expireNextDownloadLinks(1, false);

        assertThat(exported()).containsExactlyElementsOf(expected());

        assertThat(sim.expiredLinkRefusals()).as("the unannounced expiry is only learnt from the refusal").isEqualTo(1);
        List<RecordedRequest> links = downloadRequests();
        assertThat(links).hasSize(2);
        assertThat(links.get(1).query()).as("a fresh link").isNotEqualTo(links.get(0).query());
        assertThat(sim.stagingDownloads()).isEqualTo(1);
    }

    @Test
    void withoutExpiryTheLinkIsUsedAsPublished() {
        assertThat(exported()).containsExactlyElementsOf(expected());

        assertThat(downloadRequests()).hasSize(1);
        assertThat(sim.expiredLinkRefusals()).isZero();
    }
}
