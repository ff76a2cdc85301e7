package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged archive whose download fails part-way is downloaded again, before anything is
 * delivered, over real loopback sockets against the simulator.
 */
class BoomiStagedDownloadResumeTest {
    private static final Instant FROM = BoomiStagedAuditLogExportTest.FROM;
    private static final Instant TO = BoomiStagedAuditLogExportTest.TO;
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();

    @TempDir
    Path downloads;

    private BoomiSimulator sim;
    private BoomiStagedAuditLogExport export;

    @AfterEach
    void stop() {
        if (export != null) {
            export.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start() {
        sim = BoomiSimulator.builder().seed(31).entries(600).spacing(Duration.ofMinutes(30)).build();
        sim.start();
        export = BoomiStagedAuditLogExport.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                .exportJob(ExportJobOptions.builder().pollInterval(Duration.ofMillis(50), Duration.ofMillis(200))
                .deadline(Duration.ofSeconds(20)).build())
                .retryPolicy(FAST_RETRIES)
                .downloadDirectory(downloads)
                .build();
    }

    private static AuditLogQuery range() {
        return AuditLogQuery.builder().from(FROM).to(TO).build();
    }

    private List<String> expected() {
        return sim.entriesBetween(FROM, TO).stream().map(e -> e.path("documentId").asText()).collect(Collectors.toList());
    }

    private List<RecordedRequest> downloadRequests() {
        return sim.requests().stream().filter(r -> r.path().startsWith(BoomiSimulator.DOWNLOAD_PATH_PREFIX))
                .collect(Collectors.toList());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toList());
        }
    }

    @Test
    void anArchiveCutShortSeveralTimesIsDownloadedAgainAndDeliveredWholeAndOnce() throws IOException {
        start();
        for (int i = 0; i < 3; i++) {
            sim.injectFault(BoomiSimulator.DOWNLOAD_PATH_PREFIX, Fault.truncatedBody());
        }

        List<String> ids;
        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range())) {
            ids = stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }

        assertThat(ids).hasSize(expected().size()).doesNotHaveDuplicates().containsExactlyElementsOf(expected());
        assertThat(downloadRequests()).as("three cut downloads, then the whole archive").hasSize(4);
        assertThat(sim.stagingDownloads()).isEqualTo(4);
        assertThat(leftovers()).as("the cut downloads' files are deleted").isEmpty();
    }

    @Test
    void anArchiveCutMoreTimesThanThePolicyAllowsFailsBeforeDeliveringAndItsCheckpointReadsItAll() throws IOException {
        start();
        // every download cut (a cut noticed while the answer is received is retried by the
        // transport itself, so count nothing: cut them all)
        AtomicBoolean cutting = new AtomicBoolean(true);
        sim.beforeEachRequest(r -> {
            if (cutting.get() && r.path().startsWith(BoomiSimulator.DOWNLOAD_PATH_PREFIX)) {
                sim.injectFault(BoomiSimulator.DOWNLOAD_PATH_PREFIX, Fault.truncatedBody());
            }
        });
        List<String> delivered = new ArrayList<>();
        Checkpoint checkpoint;

        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range())) {
            assertThatThrownBy(() -> stream.forEach(e -> delivered.add(e.id()))).isInstanceOf(AuditTransportException.class);
            checkpoint = Checkpoint.parse(stream.checkpoint().serialize());
        }
        assertThat(delivered).isEmpty();
        assertThat(downloadRequests()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(leftovers()).isEmpty();
        cutting.set(false);

        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(AuditLogQuery.builder().from(FROM).resumeFrom(checkpoint)
                .to(TO).build())) {
            stream.forEach(e -> delivered.add(e.id()));
        }
        assertThat(delivered).containsExactlyElementsOf(expected());
    }

    @Test
    void anExpiredLinkIsReplacedByPollingTheRequestAgain() {
        start();
        sim.setDownloadLinkLifetime(Duration.ofSeconds(1));
        sim.injectFault(BoomiSimulator.DOWNLOAD_PATH_PREFIX, Fault.truncatedBody());
        AtomicInteger downloads = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().startsWith(BoomiSimulator.DOWNLOAD_PATH_PREFIX) && downloads.incrementAndGet() == 2) {
                sleep(Duration.ofMillis(2_100)); // the link published with the status has expired by now
            }
        });

        List<String> ids;
        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range())) {
            ids = stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }

        assertThat(ids).containsExactlyElementsOf(expected());
        List<RecordedRequest> links = downloadRequests();
        assertThat(links).as("cut, refused as expired, then a fresh link").hasSize(3);
        assertThat(links.get(2).query()).isNotEqualTo(links.get(1).query());
        assertThat(sim.stagingDownloads()).isEqualTo(2);
    }

    @Test
    void aCorruptArchiveIsNotDownloadedAgain() {
        start();
        sim.setCorruptDownloads(true);

        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range())) {
            assertThatThrownBy(() -> stream.forEach(e -> { }))
                    .isInstanceOf(dev.auditsdk.core.error.AuditDataException.class)
                    .hasMessageContaining("MD5");
        }
        assertThat(downloadRequests()).hasSize(1);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
