package dev.auditsdk.boomi;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.http.HttpRequestInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import dev.auditsdk.testkit.boomi.StagingArchiveFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoomiStagedAuditLogExportTest {
    static final Instant FROM = Instant.parse("2026-01-05T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-20T00:00:00Z");

    @TempDir
    Path downloads;

    private BoomiSimulator sim;
    private final List<BoomiStagedAuditLogExport> exports = new ArrayList<>();

    @AfterEach
    void stop() {
        exports.forEach(BoomiStagedAuditLogExport::close);
        if (sim != null) {
            sim.close();
        }
    }

    private BoomiSimulator start(BoomiSimulator.Builder builder) {
        sim = builder.build();
        sim.start();
        return sim;
    }

    private BoomiStagedExportBuilder exportBuilder() {
        return BoomiStagedAuditLogExport.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                .exportJob(ExportJobOptions.builder().pollInterval(Duration.ofMillis(50), Duration.ofMillis(200))
                .deadline(Duration.ofSeconds(20)).build())
                .downloadDirectory(downloads);
    }

    private BoomiStagedAuditLogExport build(BoomiStagedExportBuilder builder) {
        BoomiStagedAuditLogExport export = builder.build();
        exports.add(export);
        return export;
    }

    private static AuditLogQuery range() {
        return AuditLogQuery.builder().from(FROM).to(TO).build();
    }

    private static List<String> read(AuditLogStream<BoomiAuditEntry> stream) {
        try (stream) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    private List<String> expected() {
        return sim.entriesBetween(FROM, TO).stream().map(e -> e.path("documentId").asText()).collect(Collectors.toList());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toList());
        }
    }

    /** A listener that moves {@code clock} on by {@code step} before every request, so JWTs expire without waiting. */
    private static TransportListener advancing(MutableClock clock, Duration step) {
        return new TransportListener() {
            @Override
            public void onRequest(HttpRequestInfo request, int attempt) {
                clock.advance(step);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = StagingArchiveFormat.class, names = "ZIP_JSON_ENVELOPE", mode = EnumSource.Mode.EXCLUDE)
    void exportsTheRangeFromAVerifiedArchive(StagingArchiveFormat format) throws IOException {
        start(BoomiSimulator.builder().seed(4).entries(600).spacing(Duration.ofHours(1)).archiveFormat(format)
                .stagingReadyAfter(Duration.ZERO, 3));
        BoomiStagedAuditLogExport export = build(exportBuilder().notificationEmail("secops@acme.example"));

        List<String> got = read(export.fetch(range()));

        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected());
        assertThat(got.size()).isLessThan(600);
        assertThat(sim.stagingSubmissions()).isEqualTo(1);
        assertThat(sim.stagingDownloads()).isEqualTo(1);
        assertThat(leftovers()).as("the temporary archive is deleted").isEmpty();
        RecordedRequest submit = sim.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        JsonNode body = Json.mapper().readTree(submit.bodyText());
        assertThat(body.path("fromDate").asText()).isEqualTo("2026-01-05T00:00:00Z");
        assertThat(body.path("toDate").asText()).isEqualTo("2026-01-20T00:00:00Z");
        assertThat(body.path("email").asText()).isEqualTo("secops@acme.example");
        assertThat(body.at("/queryFilter/expression/operator").asText()).isEqualTo("BETWEEN");
        assertThat(submit.header("Authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer "));
    }

    @Test
    void deliversAnArchiveInDateOrderWhateverOrderItHolds() throws IOException {
        start(BoomiSimulator.builder().seed(14).entries(500).spacing(Duration.ofHours(1)));
        sim.setShuffledArchives(true);
        // 1 KiB of records in memory at most: the archive is sorted through temporary runs and merged
        BoomiStagedAuditLogExport export = build(exportBuilder().sortRunBytes(1024));

        List<String> got = read(export.fetch(range()));

        assertThat(got).hasSizeGreaterThan(100).containsExactlyElementsOf(expected());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anArchiveLargerThanTheDownloadCapFailsNamingTheCapAndLeavesNoFile() throws IOException {
        start(BoomiSimulator.builder().seed(15).entries(600).spacing(Duration.ofHours(1)));
        BoomiStagedAuditLogExport export = build(exportBuilder().maxDownloadBytes(1000));

        assertThatThrownBy(() -> read(export.fetch(range())))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("larger than the download cap of 1000 bytes (maxDownloadBytes)")
                .hasMessageContaining("BoomiStagedExportBuilder.maxDownloadBytes(long)");
        assertThat(sim.stagingDownloads()).isEqualTo(1);
        assertThat(leftovers()).isEmpty();
        assertThat(BoomiStagedAuditLogExport.DEFAULT_MAX_DOWNLOAD_BYTES).isEqualTo(8L << 30);
        assertThatThrownBy(() -> exportBuilder().maxDownloadBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outlivesSeveralJwts() {
        MutableClock clock = new MutableClock(Instant.now());
        start(BoomiSimulator.builder().seed(6).entries(300).spacing(Duration.ofHours(1)).jwtClock(clock)
                .stagingReadyAfter(Duration.ZERO, 6));
        // Boomi's 5-minute JWTs; two minutes pass per request
        BoomiStagedAuditLogExport export = build(exportBuilder().clock(clock).listener(advancing(clock, Duration.ofMinutes(2))));

        List<String> got = read(export.fetch(range()));

        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected());
        assertThat(sim.jwtIssuedCount()).isGreaterThanOrEqualTo(3);
        assertThat(sim.expiredJwtRejections()).isZero();
    }

    @Test
    void fetchesAFreshJwtWhenTheStagingApiAnswers401() {
        MutableClock clock = new MutableClock(Instant.now());
        start(BoomiSimulator.builder().seed(6).entries(300).spacing(Duration.ofHours(1)).jwtClock(clock)
                .jwtLifetime(Duration.ofSeconds(90)).stagingReadyAfter(Duration.ZERO, 6));
        sim.setJwtExpiryClaim(false); // the client then assumes Boomi's 5 minutes and learns of each expiry from a 401
        // a minute passes per request: each JWT is refused before the client would renew it
        BoomiStagedAuditLogExport export = build(exportBuilder().clock(clock).listener(advancing(clock, Duration.ofMinutes(1))));

        List<String> got = read(export.fetch(range()));

        assertThat(got).containsExactlyElementsOf(expected());
        assertThat(sim.expiredJwtRejections()).isGreaterThanOrEqualTo(2);
        assertThat(sim.jwtIssuedCount()).isEqualTo(sim.expiredJwtRejections() + 1);
    }

    @Test
    void resumesTheExistingRequestOn409() {
        start(BoomiSimulator.builder().seed(9).entries(300).spacing(Duration.ofHours(1))
                .stagingReadyAfter(Duration.ofSeconds(30), 1));
        BoomiStagedAuditLogExport impatient = build(exportBuilder().exportJob(ExportJobOptions.builder()
                .pollInterval(Duration.ofMillis(50), Duration.ofMillis(200)).deadline(Duration.ofMillis(300)).build()));
        assertThatThrownBy(() -> read(impatient.fetch(range()))).isInstanceOf(AuditSdkException.class)
                .hasMessageContaining("deadline");
        assertThat(sim.stagingSubmissions()).isEqualTo(1);

        sim.setStagingReadyAfter(Duration.ZERO, 1);
        List<String> got = read(build(exportBuilder()).fetch(range()));

        assertThat(got).containsExactlyElementsOf(expected());
        assertThat(sim.stagingSubmissions()).isEqualTo(1);
        assertThat(sim.stagingConflicts()).isEqualTo(1);
    }

    @Test
    void findsTheExistingRequestByItsRangeWhenThe409DoesNotNameIt() {
        start(BoomiSimulator.builder().seed(9).entries(300).spacing(Duration.ofHours(1)));
        sim.setConflictIncludesRequestId(false);
        assertThat(read(build(exportBuilder()).fetch(range()))).containsExactlyElementsOf(expected());

        List<String> again = read(build(exportBuilder()).fetch(range()));

        assertThat(again).containsExactlyElementsOf(expected());
        assertThat(sim.stagingConflicts()).isEqualTo(1);
        assertThat(sim.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.query()).contains("fromDate=2026-01-05T00%3A00%3A00Z");
        });
    }

    @Test
    void aChecksumMismatchIsAnErrorAndNoEntryIsDelivered() throws IOException {
        start(BoomiSimulator.builder().seed(4).entries(300).spacing(Duration.ofHours(1)));
        sim.setCorruptDownloads(true);
        BoomiStagedAuditLogExport export = build(exportBuilder());
        List<String> delivered = new ArrayList<>();

        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(range())) {
            assertThatThrownBy(() -> stream.forEach(e -> delivered.add(e.id())))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("does not match its MD5 checksum")
                    .hasMessageContaining("none of its entries is delivered");
        }
        assertThat(delivered).isEmpty();
        assertThat(sim.stagingDownloads()).isEqualTo(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void rejectsAFiveDayRangeBeforeAnyRequest() {
        start(BoomiSimulator.builder().entries(10));
        BoomiStagedAuditLogExport export = build(exportBuilder());

        assertThatThrownBy(() -> export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(5))).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 7 days")
                .hasMessageContaining("5 days")
                .hasMessageContaining("BoomiAuditLogSource");
        assertThatThrownBy(() -> export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(7))).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(365))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than one year");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void tellsWhichRangesItSupports() {
        assertThat(BoomiStagedAuditLogExport.supportsRange(FROM, FROM.plus(Duration.ofDays(5)))).isFalse();
        assertThat(BoomiStagedAuditLogExport.supportsRange(FROM, FROM.plus(Duration.ofDays(7)))).isFalse();
        assertThat(BoomiStagedAuditLogExport.supportsRange(FROM, FROM.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
        assertThat(BoomiStagedAuditLogExport.supportsRange(FROM, FROM.plus(Duration.ofDays(364)))).isTrue();
        assertThat(BoomiStagedAuditLogExport.supportsRange(FROM, FROM.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void aFailedRequestIsAnApiError() {
        start(BoomiSimulator.builder().entries(10));
        sim.setStagingError("Export storage unavailable");

        assertThatThrownBy(() -> read(build(exportBuilder()).fetch(range())))
                .isInstanceOf(AuditApiException.class)
                .hasMessageContaining("Export storage unavailable");
    }

    @Test
    void pathsAreConfigurable() {
        start(BoomiSimulator.builder().seed(4).entries(300).spacing(Duration.ofHours(1))
                .stagingRequestsPath("/auditlog-query/api/{accountId}/blob-requests"));
        BoomiStagedAuditLogExport export = build(exportBuilder()
                .stagingRequestsPath("/auditlog-query/api/{accountId}/blob-requests"));

        assertThat(read(export.fetch(range()))).containsExactlyElementsOf(expected());
        assertThatThrownBy(() -> BoomiStagedAuditLogExport.builder().stagingRequestsPath("/no/account"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{accountId}");
        assertThatThrownBy(() -> BoomiStagedAuditLogExport.builder().stagingRequestPath("/x/{accountId}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{requestId}");
    }

    @Test
    void wrongDefaultPathsNameTheAssumption() {
        start(BoomiSimulator.builder().entries(10).stagingRequestsPath("/elsewhere/{accountId}/requests"));

        assertThatThrownBy(() -> read(build(exportBuilder()).fetch(range())))
                .isInstanceOf(AuditApiException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("staging paths");
    }

    @Test
    void resumesFromACheckpointAfterAPartialRead() throws IOException {
        start(BoomiSimulator.builder().seed(12).entries(400).spacing(Duration.ofHours(1)));
        BoomiStagedAuditLogExport export = build(exportBuilder());
        List<String> first;
        dev.auditsdk.core.Checkpoint checkpoint;
        try (AuditLogStream<BoomiAuditEntry> stream = export.fetch(AuditLogQuery.builder().from(FROM).to(TO).limit(50).build())) {
            first = stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
            checkpoint = stream.checkpoint();
        }
        assertThat(leftovers()).as("closing early deletes the archive too").isEmpty();

        List<String> rest = read(export.fetch(AuditLogQuery.builder().from(FROM).resumeFrom(checkpoint).to(TO).build()));

        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).containsExactlyElementsOf(expected());
    }
}
