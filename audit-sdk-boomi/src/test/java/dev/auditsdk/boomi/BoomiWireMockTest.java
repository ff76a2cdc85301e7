package dev.auditsdk.boomi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ExportJobOptions;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.EntryOrder;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor answers the simulator does not produce: odd orders, wrong formats, other hosts. */
class BoomiWireMockTest {
    private static final String ACCOUNT = "acme-A1B2C3";
    private static final String QUERY = "/api/rest/v1/" + ACCOUNT + "/AuditLog/query";
    private static final String REQUESTS = "/auditlog-staging/v1/" + ACCOUNT + "/requests";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path downloads;

    private WireMockServer wm;
    private WireMockServer storage;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
        if (storage != null) {
            storage.stop();
        }
    }

    private BoomiAuditLogSource source() {
        return source(EntryOrder.OLDEST_FIRST);
    }

    private BoomiAuditLogSource source(EntryOrder order) {
        // one query per read: the stubs answer every query alike, whatever its date range
        return BoomiAuditLogSource.builder().baseUrl(wm.baseUrl()).accountId(ACCOUNT).resultOrder(order)
                .credentials("auditor@acme.example", "pw-S3CR3T").parallelism(1)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).build())
                .build();
    }

    private static String entry(String id, String date) {
        return "{\"documentId\":\"" + id + "\",\"date\":\"" + date + "\",\"type\":\"account\",\"action\":\"ON_ENTRY\"}";
    }

    private static List<String> read(AuditLogStream<BoomiAuditEntry> stream) {
        try (stream) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    @Test
    void resultsOutOfDateOrderFailInsteadOfBeingSkipped() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"@type\":\"QueryResult\",\"numberOfResults\":2,\"result\":[" + entry("b", "2026-01-02T00:00:00Z")
                        + "," + entry("a", "2026-01-01T10:00:00Z") + "]}")));
        try (BoomiAuditLogSource source = source()) {
            assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(3))).build())))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("entry a at 2026-01-01T10:00:00Z arrived after 1 entries up to 2026-01-02T00:00:00Z")
                    .hasMessageContaining("more than the lateness PT0S");
        }
    }

    @Test
    void resultsOutOfOrderWithinTheLatenessAreDeliveredAndTheCheckpointReReadsThatWindow() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"@type\":\"QueryResult\",\"numberOfResults\":3,\"result\":[" + entry("b", "2026-01-02T00:00:02Z")
                        + "," + entry("a", "2026-01-02T00:00:00Z") + "," + entry("c", "2026-01-02T00:00:03Z") + "]}")));
        AuditLogQuery query = AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(3))).build();
        try (BoomiAuditLogSource source = BoomiAuditLogSource.builder().baseUrl(wm.baseUrl()).accountId(ACCOUNT)
                .credentials("auditor@acme.example", "pw-S3CR3T").lateness(Duration.ofSeconds(5)).build()) {
            AuditLogStream<BoomiAuditEntry> stream = source.fetch(query);
            assertThat(read(stream)).containsExactly("b", "a", "c");
            assertThat(stream.checkpoint().horizon()).isEqualTo(java.time.Instant.parse("2026-01-01T23:59:58Z"));
            assertThat(stream.checkpoint().deliveredIds()).containsExactlyInAnyOrder("a", "b", "c");
        }
        try (BoomiAuditLogSource strict = source()) {
            assertThatThrownBy(() -> read(strict.fetch(query))).isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("more than the lateness PT0S").hasMessageContaining("raise the source's lateness");
        }
    }

    @Test
    void theUnorderedModeAcceptsResultsInAnyOrder() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"@type\":\"QueryResult\",\"numberOfResults\":3,\"result\":[" + entry("b", "2026-01-02T00:00:00Z")
                        + "," + entry("a", "2026-01-01T10:00:00Z") + "," + entry("b", "2026-01-02T00:00:00Z") + "]}")));
        try (BoomiAuditLogSource source = source(EntryOrder.UNORDERED)) {
            assertThat(read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(3))).build())))
                    .containsExactly("b", "a");
        }
    }

    @Test
    void theNewestFirstModeChecksDescendingOrder() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"@type\":\"QueryResult\",\"numberOfResults\":3,\"result\":[" + entry("b", "2026-01-02T00:00:00Z")
                        + "," + entry("a", "2026-01-01T10:00:00Z") + "," + entry("c", "2026-01-02T10:00:00Z") + "]}")));
        try (BoomiAuditLogSource source = source(EntryOrder.NEWEST_FIRST)) {
            assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(3))).build())))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("descending");
        }
    }

    @Test
    void anXmlAnswerIsADataError() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/xml")
                .withBody("<bns:QueryResult numberOfResults=\"0\"/>")));
        try (BoomiAuditLogSource source = source()) {
            assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plusSeconds(60)).build())))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("instead of JSON");
        }
    }

    @Test
    void aRecordWithoutDocumentIdIsADataError() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"result\":[{\"date\":\"2026-01-01T00:00:01Z\"}]}")));
        try (BoomiAuditLogSource source = source()) {
            assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plusSeconds(60)).build())))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("documentId");
        }
    }

    @Test
    void persistentThrottlingEndsAsRateLimitedAfterRetries() {
        wm.stubFor(post(QUERY).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The Boomi server is currently unavailable or your account's rate limits"
                        + " have been exceeded. Retry later.\"}}")));
        try (BoomiAuditLogSource source = source()) {
            assertThatThrownBy(() -> read(source.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plusSeconds(60)).build())))
                    .isInstanceOf(AuditRateLimitedException.class)
                    .hasMessageContaining("rate limits have been exceeded")
                    .hasMessageContaining("10 requests per second");
        }
        wm.verify(3, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void retriesA503EvenWhenTheCallersPolicyDoesNotListIt() {
        assertThat(BoomiConnection.effectivePolicy(RetryPolicy.builder().retryableStatuses(java.util.Set.of(429)).build(), 10)
                .retryableStatuses()).containsExactlyInAnyOrder(429, 503);
        RetryPolicy defaults = BoomiConnection.effectivePolicy(null, 10);
        assertThat(defaults.maxAttempts()).isEqualTo(6);
        assertThat(defaults.rateLimitPerSecond()).hasValue(9.0);
        assertThat(BoomiConnection.effectivePolicy(null, 0).rateLimitPerSecond()).isEmpty();
        assertThat(BoomiConnection.effectivePolicy(RetryPolicy.builder().rateLimitPerSecond(2).build(), 10)
                .rateLimitPerSecond()).hasValue(2.0);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return StagingClient.hex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private BoomiStagedAuditLogExport export() {
        return BoomiStagedAuditLogExport.builder().baseUrl(wm.baseUrl()).accountId(ACCOUNT)
                .credentials("auditor@acme.example", "pw-S3CR3T")
                .exportJob(ExportJobOptions.builder().pollInterval(Duration.ofMillis(20), Duration.ofMillis(50))
                        .deadline(Duration.ofSeconds(5)).build())
                .downloadDirectory(downloads).build();
    }

    private void stubStaging(String downloadLink, String checksum) {
        wm.stubFor(get("/auth/jwt/generate/" + ACCOUNT).willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.S3CR3Tsig")));
        wm.stubFor(post(REQUESTS).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":42,\"message\":\"staged\"}")));
        wm.stubFor(get(REQUESTS + "/42").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":42,\"message\":\"ready\",\"downloadLink\":\"" + downloadLink + "\""
                        + (checksum == null ? "" : ",\"checksum\":\"" + checksum + "\"") + "}")));
    }

    @Test
    void neverSendsTheJwtToAStorageHostAndAcceptsABase64Checksum() throws Exception {
        storage = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        storage.start();
        byte[] archive = gzip("[" + entry("a", "2026-01-02T00:00:00Z") + "," + entry("b", "2026-01-03T00:00:00Z") + "]");
        String base64Md5 = java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(archive));
        storage.stubFor(get(urlPathEqualTo("/bucket/42.json.gz")).willReturn(aResponse().withBody(archive)));
        stubStaging(storage.baseUrl() + "/bucket/42.json.gz?X-Amz-Signature=S3CR3Tabc", base64Md5);

        try (BoomiStagedAuditLogExport export = export()) {
            assertThat(read(export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(10))).build())))
                    .containsExactly("a", "b");
        }
        storage.verify(getRequestedFor(urlPathEqualTo("/bucket/42.json.gz")).withHeader("Authorization", absent())
                .withHeader("Accept-Encoding", equalTo("identity")));
        wm.verify(getRequestedFor(urlEqualTo(REQUESTS + "/42")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aMissingChecksumIsAnError() throws Exception {
        byte[] archive = gzip(entry("a", "2026-01-02T00:00:00Z") + "\n");
        wm.stubFor(get("/download/42").willReturn(aResponse().withBody(archive)));
        stubStaging(wm.baseUrl() + "/download/42", null);

        try (BoomiStagedAuditLogExport export = export()) {
            assertThatThrownBy(() -> read(export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(10))).build())))
                    .isInstanceOf(AuditDataException.class).hasMessageContaining("no MD5 checksum");
        }
    }

    @Test
    void readsEveryFileOfAZipArchive() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("part-1.jsonl"));
            zip.write((entry("a", "2026-01-02T00:00:00Z") + "\n" + entry("b", "2026-01-02T00:00:01Z") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("part-2.json"));
            zip.write(("[" + entry("c", "2026-01-05T00:00:00Z") + "]").getBytes(StandardCharsets.UTF_8));
        }
        byte[] archive = bytes.toByteArray();
        wm.stubFor(get("/download/42").willReturn(aResponse().withBody(archive)));
        stubStaging(wm.baseUrl() + "/download/42", md5Hex(archive).toUpperCase());

        try (BoomiStagedAuditLogExport export = export()) {
            assertThat(read(export.fetch(AuditLogQuery.builder().from(FROM).to(FROM.plus(Duration.ofDays(10))).build())))
                    .containsExactly("a", "b", "c");
        }
        // the JWT goes to the staging host's own download link
        wm.verify(getRequestedFor(urlEqualTo("/download/42")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void checksumsMustBeMd5() {
        assertThat(StagingClient.parseChecksum("00112233445566778899AABBCCDDEEFF", 1)).hasSize(16);
        assertThatThrownBy(() -> StagingClient.parseChecksum("sha256:abc", 7))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("not an MD5");
    }
}
