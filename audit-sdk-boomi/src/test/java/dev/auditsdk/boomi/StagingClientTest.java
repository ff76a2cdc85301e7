package dev.auditsdk.boomi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.spi.auth.BasicAuthenticator;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.paging.ExportStatus;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging steps one by one against WireMock: submit or resume, poll, and the checks before a download is read. */
class StagingClientTest {
    private static final String ACCOUNT = "acme-X1Y2Z3";
    private static final String ENCODED = ACCOUNT;
    private static final String REQUESTS = "/auditlog-staging/v1/" + ENCODED + "/requests";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path downloads;
    private WireMockServer wm;
    private HttpTransport staging;
    private StagingClient client;
    private BoomiConnection connection;
    private final StagingRange range = StagingRange.of(AuditLogQuery.builder().from(FROM)
            .to(FROM.plus(Duration.ofDays(10))).build());

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        URI base = URI.create(wm.baseUrl());
        connection = BoomiStagedAuditLogExport.builder().baseUrl(base)
                .accountId(ACCOUNT).credentials("user@example.com", "pw-not-used").connection();
        staging = HttpTransport.builder().vendor("boomi").retryPolicy(RetryPolicy.none())
                .errorDecoder(new BoomiErrorDecoder(ACCOUNT)).build();
        client = new StagingClient(connection, staging, base, BoomiStagedAuditLogExport.DEFAULT_REQUESTS_PATH,
                BoomiStagedAuditLogExport.DEFAULT_REQUEST_PATH, "ops@example.com", downloads, 1 << 20, 1 << 20,
                StagedArchiveFormat.AUTO, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        staging.close();
        wm.stop();
    }

    private StagingJob readyJob(String link, String checksum) {
        StagingJob job = new StagingJob(42, range, false);
        com.fasterxml.jackson.databind.node.ObjectNode status = Json.mapper().createObjectNode().put("requestId", 42);
        if (link != null) {
            status.put("downloadLink", link);
        }
        if (checksum != null) {
            status.put("checksum", checksum);
        }
        job.lastStatus = BoomiStagingStatus.of(status);
        return job;
    }

    @Test
    void theAccountAndRequestIdsFillTheStagingPaths() {
        assertThat(client.requestsUri().getRawPath()).isEqualTo(REQUESTS);
        assertThat(client.requestUri(7).getRawPath()).isEqualTo(REQUESTS + "/7");
    }

    @Test
    void submitsTheRangeAsABetweenFilterWithTheNotificationAddress() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":42,\"message\":\"QUEUED\"}")));
        StagingJob job = client.submitOrResume(range);
        assertThat(job.requestId).isEqualTo(42);
        assertThat(job.lastStatus.message()).contains("QUEUED");
        wm.verify(postRequestedFor(urlPathEqualTo(REQUESTS)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"accountId\":\"" + ACCOUNT + "\",\"fromDate\":\"" + range.fromDate()
                        + "\",\"toDate\":\"" + range.toDate() + "\",\"email\":\"ops@example.com\",\"queryFilter\":"
                        + "{\"expression\":{\"values\":[\"" + range.fromDate() + "\",\"" + range.toDate() + "\"],"
                        + "\"operator\":\"BETWEEN\",\"property\":\"date\"}}}")));
    }

    @Test
    void aRequestIdSentAsADigitStringIsAccepted() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withBody("{\"requestId\":\"42\"}")));
        assertThat(client.submitOrResume(range).requestId).isEqualTo(42);
    }

    @Test
    void anAcceptedSubmissionWithoutRequestIdIsADataError() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withBody("{\"message\":\"ok\"}")));
        assertThatThrownBy(() -> client.submitOrResume(range)).isInstanceOf(AuditDataException.class)
                .hasMessage("boomi: the staging API accepted the request for " + range + " but answered no requestId");
    }

    @Test
    void anAnswerThatIsNotAnObjectIsADataErrorNamingTheStep() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withBody("[42]")));
        assertThatThrownBy(() -> client.submitOrResume(range)).isInstanceOf(AuditDataException.class)
                .hasMessage("boomi: submitting the staging request for " + range + ": the answer is not a JSON object");
    }

    @Test
    void aConflictNamingTheExistingRequestResumesItWithoutALookUp() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withStatus(409)
                .withBody("{\"message\":\"exists\",\"requestId\":77}")));
        StagingJob job = client.submitOrResume(range);
        assertThat(job.requestId).isEqualTo(77);
        wm.verify(0, getRequestedFor(urlPathEqualTo(REQUESTS)));
    }

    @Test
    void aConflictWithoutIdIsLookedUpByItsRange() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withStatus(409).withBody("{\"message\":\"exists\"}")));
        wm.stubFor(get(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withBody("{\"requestId\":78,\"message\":\"RUNNING\"}")));
        StagingJob job = client.submitOrResume(range);
        assertThat(job.requestId).isEqualTo(78);
        wm.verify(getRequestedFor(urlPathEqualTo(REQUESTS)).withQueryParam("fromDate", equalTo(range.fromDate()))
                .withQueryParam("toDate", equalTo(range.toDate())));
    }

    @Test
    void aConflictThatCannotBeFoundSaysWhatToDoAndKeepsBothAnswers() {
        wm.stubFor(post(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withStatus(409).withBody("{\"message\":\"exists\"}")));
        wm.stubFor(get(urlPathEqualTo(REQUESTS)).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> client.submitOrResume(range)).isExactlyInstanceOf(AuditSdkException.class)
                .hasMessage("boomi: Boomi says a staging request for " + range + " already exists (409) but neither"
                        + " named it nor found it by its range; wait for it to expire or use another range")
                .hasCauseInstanceOf(BoomiErrorDecoder.StagingConflictException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)
                        .allSatisfy(s -> assertThat(((AuditApiException) s).statusCode()).isEqualTo(404)));
    }

    @Test
    void pollMapsErrorReadyAndPending() {
        wm.stubFor(get(urlPathEqualTo(REQUESTS + "/1")).willReturn(aResponse()
                .withBody("{\"requestId\":1,\"error\":\"TIMEOUT\",\"message\":\"took too long\"}")));
        wm.stubFor(get(urlPathEqualTo(REQUESTS + "/2")).willReturn(aResponse()
                .withBody("{\"requestId\":2,\"downloadLink\":\"https://s3.example.com/a.gz\",\"checksum\":\"x\"}")));
        wm.stubFor(get(urlPathEqualTo(REQUESTS + "/3")).willReturn(aResponse().withBody("{\"requestId\":3}")));

        ExportStatus failed = client.poll(new StagingJob(1, range, false));
        assertThat(failed.kind()).isEqualTo(ExportStatus.Kind.FAILED);
        assertThat(failed.message()).contains("staging request 1 failed: TIMEOUT (took too long)");
        StagingJob second = new StagingJob(2, range, false);
        ExportStatus ready = client.poll(second);
        assertThat(ready.kind()).isEqualTo(ExportStatus.Kind.READY);
        assertThat(ready.downloadLocation()).contains("https://s3.example.com/a.gz");
        assertThat(second.lastStatus.checksum()).contains("x");
        ExportStatus pending = client.poll(new StagingJob(3, range, false));
        assertThat(pending.kind()).isEqualTo(ExportStatus.Kind.PENDING);
        assertThat(pending.state()).isEqualTo("PENDING");
    }

    @Test
    void anArchiveWithoutChecksumIsNotDownloaded() {
        StagingJob job = readyJob(wm.baseUrl() + "/bucket/42.gz", null);
        assertThatThrownBy(() -> client.download(job)).isInstanceOf(AuditDataException.class)
                .hasMessage("boomi: staging request 42 published no MD5 checksum; the archive cannot be verified,"
                        + " so it is not read");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/bucket/42.gz")));
    }

    @Test
    void aMalformedLinkIsADataError() {
        StagingJob job = readyJob("https://exa mple.com/%%", "00112233445566778899aabbccddeeff");
        assertThatThrownBy(() -> client.download(job)).isInstanceOf(AuditDataException.class)
                .hasMessage("boomi: staging request 42 has a malformed downloadLink");
    }

    @Test
    void aChecksumMismatchNamesBothDigestsAndLeavesNoFile() throws IOException {
        wm.stubFor(get("/bucket/42.gz").willReturn(aResponse().withBody("not the archive")));
        StagingJob job = readyJob(wm.baseUrl() + "/bucket/42.gz", "00112233445566778899AABBCCDDEEFF");
        assertThatThrownBy(() -> client.download(job)).isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("boomi: the archive of staging request 42 does not match its MD5 checksum"
                        + " (expected 00112233445566778899aabbccddeeff, got ")
                .hasMessageEndingWith("): it was corrupted or truncated on the way, so none of its entries is delivered."
                        + " Run the export again");
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aVerifiedArchiveIsDeliveredInDateOrderAndItsFilesAreDeletedWhenClosed() throws IOException {
        byte[] archive = ("{\"documentId\":\"c\",\"date\":\"2026-01-03T00:00:00Z\"}\n"
                + "{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"}\n"
                + "{\"documentId\":\"b\",\"date\":\"2026-01-02T00:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8);
        wm.stubFor(get("/bucket/42.jsonl").willReturn(aResponse().withBody(archive)));
        StagingJob job = readyJob(wm.baseUrl() + "/bucket/42.jsonl", md5Hex(archive));
        List<String> ids = new ArrayList<>();
        try (CloseableIterator<BoomiAuditEntry> entries = client.download(job)) {
            entries.forEachRemaining(e -> ids.add(e.id()));
        }
        assertThat(ids).containsExactly("a", "b", "c");
        wm.verify(getRequestedFor(urlPathEqualTo("/bucket/42.jsonl")).withHeader("Accept-Encoding", equalTo("identity")));
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theStagingCredentialsGoToTheStagingHostOnlyNotToALinkOnAnotherHost() {
        byte[] archive = "[{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"}]".getBytes(StandardCharsets.UTF_8);
        // another port is another origin, as a storage service's host would be
        WireMockServer storage = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        storage.start();
        try (HttpTransport authenticated = HttpTransport.builder().vendor("boomi").retryPolicy(RetryPolicy.none())
                .authenticator(BasicAuthenticator.of(CredentialsProvider.of(UsernamePassword.of("user@example.com",
                        Secret.of("pw-S3CR3T"))))).errorDecoder(new BoomiErrorDecoder(ACCOUNT)).build()) {
            for (WireMockServer server : List.of(wm, storage)) {
                server.stubFor(get("/bucket/42.json").willReturn(aResponse().withBody(archive)));
            }
            StagingClient withCredentials = new StagingClient(connection, authenticated, URI.create(wm.baseUrl()),
                    BoomiStagedAuditLogExport.DEFAULT_REQUESTS_PATH, BoomiStagedAuditLogExport.DEFAULT_REQUEST_PATH,
                    null, downloads, 1 << 20, 1 << 20, StagedArchiveFormat.AUTO, Clock.systemUTC());
            withCredentials.download(readyJob(storage.baseUrl() + "/bucket/42.json", md5Hex(archive))).close();
            withCredentials.download(readyJob(wm.baseUrl() + "/bucket/42.json", md5Hex(archive))).close();
            storage.verify(1, getRequestedFor(urlPathEqualTo("/bucket/42.json")).withoutHeader("Authorization"));
            wm.verify(1, getRequestedFor(urlPathEqualTo("/bucket/42.json")).withHeader("Authorization", matching("Basic .+")));
        } finally {
            storage.stop();
        }
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return StagingClient.hex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefusedLinkIsReplacedOnceAndAStillPendingRequestKeepsTheRefusal() {
        wm.stubFor(get("/bucket/42.gz").willReturn(aResponse().withStatus(410)));
        wm.stubFor(get(urlPathEqualTo(REQUESTS + "/42")).willReturn(aResponse().withBody("{\"requestId\":42,\"message\":\"EXPIRED\"}")));
        StagingJob job = readyJob(wm.baseUrl() + "/bucket/42.gz", "00112233445566778899aabbccddeeff");
        assertThatThrownBy(() -> client.download(job)).isInstanceOf(AuditApiException.class)
                .satisfies(e -> {
                    assertThat(((AuditApiException) e).statusCode()).isEqualTo(410);
                    assertThat(e.getSuppressed()).hasSize(1);
                    assertThat(e.getSuppressed()[0]).hasMessage("boomi: polling staging request 42 again for a fresh"
                            + " download link answered EXPIRED");
                });
        wm.verify(1, getRequestedFor(urlPathEqualTo(REQUESTS + "/42")));
    }

    @Test
    void aLinkRefusedAgainAfterRelinkingIsNotRelinkedForever() {
        wm.stubFor(get("/bucket/42.gz").willReturn(aResponse().withStatus(403)));
        wm.stubFor(get(urlPathEqualTo(REQUESTS + "/42")).willReturn(aResponse().withBody("{\"requestId\":42,"
                + "\"downloadLink\":\"" + wm.baseUrl() + "/bucket/42.gz\",\"checksum\":\"00112233445566778899aabbccddeeff\"}")));
        StagingJob job = readyJob(wm.baseUrl() + "/bucket/42.gz", "00112233445566778899aabbccddeeff");
        assertThatThrownBy(() -> client.download(job)).isInstanceOf(AuditApiException.class);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/bucket/42.gz")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(REQUESTS + "/42")));
    }

    @Test
    void aChecksumIsHexInEitherCaseOrBase64OfSixteenBytes() {
        byte[] expected = {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa,
            (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff};
        assertThat(StagingClient.parseChecksum(" 00112233445566778899AABBCCDDEEFF\n", 1)).isEqualTo(expected);
        assertThat(StagingClient.parseChecksum(java.util.Base64.getEncoder().encodeToString(expected), 1))
                .isEqualTo(expected);
        assertThat(StagingClient.hex(expected)).isEqualTo("00112233445566778899aabbccddeeff");
    }

    @Test
    void aChecksumThatIsNoMd5IsRefusedQuotingIt() {
        for (String bad : new String[] {"0011", "sha256:abc", java.util.Base64.getEncoder().encodeToString(new byte[20]),
            "00112233445566778899aabbccddeefg"}) {
            assertThatThrownBy(() -> StagingClient.parseChecksum(bad, 9)).isInstanceOf(AuditDataException.class)
                    .hasMessage("boomi: staging request 9 published a checksum that is not an MD5 (32 hex digits or"
                            + " base64 of 16 bytes): '" + bad + "'");
        }
    }
}
