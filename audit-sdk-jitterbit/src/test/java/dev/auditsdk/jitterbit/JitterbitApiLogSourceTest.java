package dev.auditsdk.jitterbit;

import dev.auditsdk.core.http.HttpRequestInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.jitterbit.ApiLogRecord;
import dev.auditsdk.testkit.jitterbit.JitterbitSimulator;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JitterbitApiLogSourceTest {
    /** Status polls 1 to 5 ms apart, so the simulator's jobs finish at once. */
    private static final ExportJobOptions FAST_POLLS =
            ExportJobOptions.builder().pollInterval(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    private static final String PASSWORD = "Jitterbit4Ever!S3CR3T";
    private static final Instant T0 = Instant.parse("2024-01-20T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofDays(1));

    private JitterbitSimulator sim;
    private JitterbitApiLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.issuedTokens().forEach(SecretLeakGuard::secret);
            sim.lastTfaCode().ifPresent(SecretLeakGuard::secret);
            sim.close();
        }
    }

    private JitterbitSimulator simulator(JitterbitSimulator.Builder builder) {
        sim = builder.user("alice@jbexample.com", PASSWORD).span(T0, T1).build().start();
        return sim;
    }

    private JitterbitSourceBuilder sourceBuilder() {
        return JitterbitApiLogSource.builder()
                .baseUrl(sim.baseUrl())
                .credentials("alice@jbexample.com", PASSWORD)
                .exportJob(FAST_POLLS)
                .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build());
    }

    private List<JitterbitApiLogEntry> readAll(AuditLogQuery query) {
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(query)) {
            return entries.stream().collect(Collectors.toList());
        }
    }

    private static AuditLogQuery range(Instant from, Instant to) {
        return AuditLogQuery.builder().from(from).to(to).build();
    }

    private List<String> idsIn(Instant from, Instant to) {
        return sim.records().stream().filter(r -> !r.time().isBefore(from) && r.time().isBefore(to))
                .map(ApiLogRecord::requestId).collect(Collectors.toList());
    }

    private List<RecordedRequest> requests(String method, String pathPrefix) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .collect(Collectors.toList());
    }

    @Test
    void readsEveryEntryOfTheRangeOnceOldestFirstThroughReceivedProcessingComplete() throws Exception {
        simulator(JitterbitSimulator.builder().entries(300).pollsWhileReceived(2).pollsWhileProcessing(2));
        source = sourceBuilder().build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
        assertThat(entries).extracting(JitterbitApiLogEntry::time).isSorted();
        // RECEIVED, PROCESSING, PROCESSING, then the file
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH)).hasSize(4);
        assertThat(sim.exportsStarted()).isEqualTo(1);
        JsonNode body = Json.mapper().readTree(requests("PUT", JitterbitSimulator.EXPORT_PATH).get(0).bodyText());
        assertThat(body.get("timeRangeFrom").asText()).isEqualTo("01/20/2024 00:00:00 +0000");
        assertThat(body.get("timeRangeTo").asText()).isEqualTo("01/21/2024 00:00:00 +0000");
        assertThat(body.get("orgId").asText()).isEqualTo("123456");
        assertThat(body.get("ascendSort").asBoolean()).isTrue();
        assertThat(body.get("csvFormat").asBoolean()).isTrue();
        assertThat(body.get("clientTimeZone").asText()).isEqualTo("UTC");
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH).get(0).path())
                .startsWith(JitterbitSimulator.STATUS_PATH + "123456/debug-log-");
    }

    @Test
    void nothingIsRequestedBeforeTheStreamIsIterated() throws Exception {
        simulator(JitterbitSimulator.builder().entries(5));
        source = sourceBuilder().build();
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(range(T0, T1))) {
            assertThat(sim.requestCount()).isZero();
            assertThat(entries.iterator().hasNext()).isTrue();
        }
    }

    @Test
    void csvWithQuotedCommasAndNewlinesAndJsonAreParsedIdentically() throws Exception {
        simulator(JitterbitSimulator.builder().entries(200));
        assertThat(sim.records()).anySatisfy(r -> assertThat(r.message()).contains("\n"))
                .anySatisfy(r -> assertThat(r.apiName()).contains(","))
                .anySatisfy(r -> assertThat(r.requestUri()).contains("\""));
        source = sourceBuilder().retrieveLogMessages(true).build();
        List<JitterbitApiLogEntry> fromCsv = readAll(range(T0, T1));
        source.close();
        source = sourceBuilder().retrieveLogMessages(true).csvFormat(false).build();
        List<JitterbitApiLogEntry> fromJson = readAll(range(T0, T1));

        assertThat(fromCsv).hasSize(200).containsExactlyElementsOf(fromJson);
        assertThat(fromCsv.stream().map(JitterbitApiLogEntry::toAuditEvent).collect(Collectors.toList()))
                .containsExactlyElementsOf(fromJson.stream().map(JitterbitApiLogEntry::toAuditEvent).collect(Collectors.toList()));
        ApiLogRecord withNewline = sim.records().stream().filter(r -> r.message().contains("\n")).findFirst().orElseThrow();
        JitterbitApiLogEntry parsed = fromCsv.stream().filter(e -> e.requestId().equals(withNewline.requestId())).findFirst().orElseThrow();
        assertThat(parsed.message()).contains(withNewline.message());
        assertThat(parsed.apiName()).contains(withNewline.apiName());
        assertThat(parsed.requestUri()).contains(withNewline.requestUri());
        assertThat(parsed.statusCode()).hasValue(withNewline.statusCode());
        assertThat(parsed.time()).isEqualTo(withNewline.time());
    }

    @ParameterizedTest
    @EnumSource(JitterbitSimulator.Compression.class)
    void gzippedAndPlainFilesInEitherFormatAreSniffed(JitterbitSimulator.Compression compression) {
        for (JitterbitSimulator.JsonLayout layout : JitterbitSimulator.JsonLayout.values()) {
            for (boolean csv : new boolean[] {true, false}) {
                simulator(JitterbitSimulator.builder().entries(40).compression(compression).jsonLayout(layout)
                        .timeFormat(csv ? JitterbitSimulator.TimeFormat.REQUEST_FORMAT : JitterbitSimulator.TimeFormat.EPOCH_MILLIS));
                source = sourceBuilder().csvFormat(csv).build();
                List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));
                assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
                stop();
            }
        }
    }

    @Test
    void noDataIsAnEmptyStream() throws Exception {
        simulator(JitterbitSimulator.builder().entries(0));
        source = sourceBuilder().build();
        AuditLogQuery query = range(T0, T1);
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(query)) {
            assertThat(entries.stream().count()).isZero();
            assertThat(entries.checkpoint()).isEqualTo(Checkpoint.startingAt(T0));
        }
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH)).hasSize(2);
    }

    @Test
    void anErrorFailsWithHarmonysMessage() throws Exception {
        simulator(JitterbitSimulator.builder().entries(10));
        for (int i = 0; i < 4; i++) {
            sim.failNextExport("Query exceeded the allowed time");
        }
        source = sourceBuilder().build();
        assertThatThrownBy(() -> readAll(range(T0, T1))).as("the job and its 3 variants all fail")
                .isInstanceOf(AuditApiException.class)
                .hasMessageContaining("ERROR")
                .hasMessageContaining("Query exceeded the allowed time")
                .satisfies(e -> assertThat(((AuditApiException) e).vendorCode()).contains("ERROR"));
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).hasSize(4);
    }

    @Test
    void aFailedJobIsRequestedAgainAndTheRunCompletes() throws Exception {
        simulator(JitterbitSimulator.builder().entries(10));
        sim.failNextExport("Query exceeded the allowed time");
        source = sourceBuilder().build();
        assertThat(readAll(range(T0, T1))).extracting(JitterbitApiLogEntry::requestId)
                .containsExactlyElementsOf(idsIn(T0, T1));
    }

    @Test
    void anExportThatNeverCompletesStopsAtTheDeadline() throws Exception {
        simulator(JitterbitSimulator.builder().entries(5).pollsWhileProcessing(1_000_000));
        source = sourceBuilder().exportJob(FAST_POLLS.toBuilder().deadline(Duration.ofMillis(200)).build()).build();
        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(dev.auditsdk.core.error.AuditSdkException.class)
                .hasMessageContaining("deadline")
                .hasMessageContaining("PROCESSING");
    }

    @Test
    void anUnknownKeyIsAClearError() throws Exception {
        simulator(JitterbitSimulator.builder().entries(10).pollsWhileReceived(5));
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        sim.beforeEachRequest(r -> {
            if (r.method().equals("GET") && once.compareAndSet(false, true)) {
                sim.advanceTime(Duration.ofHours(24));
            }
        });
        source = sourceBuilder().lockWorkarounds(0).build();
        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(AuditApiException.class)
                .hasMessageContaining("INVALID")
                .hasMessageContaining("reference key");
        // the 24 hours also ended the session: one new login, one replay
        assertThat(sim.successfulLogins()).isEqualTo(2);
    }

    @Test
    void aJobThatFailsWhileProcessingIsRequestedAgainAsADistinctRequestInTheSameRun() throws Exception {
        simulator(JitterbitSimulator.builder().entries(100));
        sim.failNextExportAndLock("Internal error while PROCESSING");
        source = sourceBuilder().build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
        List<RecordedRequest> puts = requests("PUT", JitterbitSimulator.EXPORT_PATH);
        assertThat(puts).hasSize(2);
        assertThat(timeRangeTo(puts.get(0))).isEqualTo("01/21/2024 00:00:00 +0000");
        // lockWorkarounds (3) + 1 seconds later: distinct from whatever the submission's own workaround sends
        assertThat(timeRangeTo(puts.get(1))).isEqualTo("01/21/2024 00:00:04 +0000");
    }

    @Test
    void aJobStuckPastItsDeadlineIsRequestedAgainAsADistinctRequestInTheSameRun() throws Exception {
        simulator(JitterbitSimulator.builder().entries(100));
        sim.stallNextExport();
        source = sourceBuilder().exportJob(FAST_POLLS.toBuilder().deadline(Duration.ofMillis(300)).build()).build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).hasSize(2);
    }

    @Test
    void aRequestLockedByAnEarlierRunIsReSentOneSecondLonger() throws Exception {
        simulator(JitterbitSimulator.builder().entries(100));
        sim.failNextExportAndLock("Internal error while PROCESSING");
        source = sourceBuilder().lockWorkarounds(0).build();
        assertThatThrownBy(() -> readAll(range(T0, T1))).hasMessageContaining("Internal error while PROCESSING");
        source.close();
        source = sourceBuilder().build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
        List<RecordedRequest> puts = requests("PUT", JitterbitSimulator.EXPORT_PATH);
        assertThat(puts).hasSize(3);
        assertThat(timeRangeTo(puts.get(1))).isEqualTo("01/21/2024 00:00:00 +0000");
        assertThat(timeRangeTo(puts.get(2))).isEqualTo("01/21/2024 00:00:01 +0000");
        assertThat(sim.lockedSubmits()).isEqualTo(1);
    }

    @Test
    void aRequestThatStaysLockedGivesUpAfterTheConfiguredWorkarounds() throws Exception {
        simulator(JitterbitSimulator.builder().entries(10));
        sim.failNextExportAndLock("first");
        sim.failNextExportAndLock("second");
        source = sourceBuilder().lockWorkarounds(1).build();
        assertThatThrownBy(() -> readAll(range(T0, T1))).as("the job and its one variant both fail")
                .hasMessageContaining("second");
        source.close();
        source = sourceBuilder().lockWorkarounds(0).build();

        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(AuditApiException.class)
                .hasMessageContaining("still locked")
                .hasMessageContaining("23 hours");
    }

    @Test
    void largeRangesAreSplitIntoWindowsAndBoundaryEntriesComeOnce() throws Exception {
        simulator(JitterbitSimulator.builder().entries(0));
        Instant end = T0.plus(Duration.ofDays(3));
        sim.appendGenerated(150, T0, end);
        sim.append(ApiLogRecord.builder().time(T1).requestId("at-the-boundary").build(),
                ApiLogRecord.builder().time(T1.minusMillis(1)).requestId("just-before").build(),
                ApiLogRecord.builder().time(end).requestId("at-the-end-excluded").build());
        source = sourceBuilder().windowSize(Duration.ofDays(1)).build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, end));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId)
                .containsExactlyInAnyOrderElementsOf(idsIn(T0, end))
                .doesNotHaveDuplicates()
                .contains("at-the-boundary", "just-before")
                .doesNotContain("at-the-end-excluded");
        assertThat(entries).extracting(JitterbitApiLogEntry::time).isSorted();
        assertThat(sim.exportsStarted()).isEqualTo(3);
    }

    @Test
    void parallelWindowsDeliverExactlyTheSequentialReadWithExportsInFlightTogether() throws Exception {
        simulator(JitterbitSimulator.builder().entries(0));
        Instant end = T0.plus(Duration.ofDays(4));
        sim.appendGenerated(200, T0, end);
        sim.setLatency(Duration.ofMillis(100));
        source = sourceBuilder().windowSize(Duration.ofDays(1)).parallelism(1).build();
        List<JitterbitApiLogEntry> sequential = readAll(range(T0, end));
        assertThat(sim.maxInFlight()).as("one request at a time").isEqualTo(1);
        source.close();
        sim.resetStatistics();

        source = sourceBuilder().windowSize(Duration.ofDays(1)).parallelism(3).build();
        List<JitterbitApiLogEntry> parallel = readAll(range(T0, end));

        assertThat(parallel).extracting(JitterbitApiLogEntry::requestId)
                .containsExactlyElementsOf(sequential.stream().map(JitterbitApiLogEntry::requestId).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(idsIn(T0, end));
        assertThat(parallel).extracting(JitterbitApiLogEntry::time).isSorted();
        assertThat(sim.maxInFlight()).as("window exports submitted and polled side by side").isBetween(2, 3);
    }

    @Test
    void theDefaultParallelismSubmitsEightWindowExportsAhead() {
        simulator(JitterbitSimulator.builder().entries(0));
        assertThat(sourceBuilder().configuredParallelism()).isEqualTo(JitterbitApiLogSource.DEFAULT_PARALLELISM).isEqualTo(8);
    }

    @Test
    void subSecondBoundsAreWidenedForTheRequestAndCutAgainOnDelivery() throws Exception {
        simulator(JitterbitSimulator.builder().entries(0));
        Instant from = T0.plusMillis(1500);
        Instant to = T0.plusMillis(3500);
        sim.append(ApiLogRecord.builder().time(T0.plusMillis(1400)).requestId("before").build(),
                ApiLogRecord.builder().time(T0.plusMillis(1500)).requestId("first").build(),
                ApiLogRecord.builder().time(T0.plusMillis(3499)).requestId("last").build(),
                ApiLogRecord.builder().time(T0.plusMillis(3500)).requestId("after").build());
        source = sourceBuilder().build();

        assertThat(readAll(range(from, to))).extracting(JitterbitApiLogEntry::requestId).containsExactly("first", "last");
        JsonNode body = Json.mapper().readTree(requests("PUT", JitterbitSimulator.EXPORT_PATH).get(0).bodyText());
        assertThat(body.get("timeRangeFrom").asText()).isEqualTo("01/20/2024 00:00:01 +0000");
        assertThat(body.get("timeRangeTo").asText()).isEqualTo("01/20/2024 00:00:04 +0000");
    }

    @Test
    void aCheckpointResumesWithoutLossOrDuplicates() throws Exception {
        simulator(JitterbitSimulator.builder().entries(120));
        source = sourceBuilder().build();
        List<String> seen = new ArrayList<>();
        Checkpoint checkpoint;
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(AuditLogQuery.builder().from(T0).to(T1).limit(50).build())) {
            entries.forEach(e -> seen.add(e.requestId()));
            checkpoint = Checkpoint.parse(entries.checkpoint().serialize());
        }
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(AuditLogQuery.builder().resumeFrom(checkpoint).to(T1).build())) {
            entries.forEach(e -> seen.add(e.requestId()));
        }
        assertThat(seen).containsExactlyElementsOf(idsIn(T0, T1));
    }

    @Test
    void theFilterIsSentAsTheQueryString() throws Exception {
        simulator(JitterbitSimulator.builder().entries(150));
        source = sourceBuilder().filter(JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.STATUS_CODE, JitterbitLogOperator.GREATER_OR_EQUAL, 400).build()).build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.statusCode().getAsInt()).isGreaterThanOrEqualTo(400));
        assertThat(entries).hasSize((int) sim.records().stream().filter(r -> r.statusCode() >= 400).count());
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH).get(0).bodyText()).contains("\"queryString\":\"statuscode>=400\"");
    }

    @Test
    void http429WithoutRetryAfterIsRetriedWithBackoff() {
        simulator(JitterbitSimulator.builder().entries(20));
        source = sourceBuilder().build();
        sim.injectFault(JitterbitSimulator.STATUS_PATH, dev.auditsdk.testkit.Fault.status(429, "{\"errorCode\":\"TOO_MANY_REQUESTS\"}"));
        sim.injectFault(JitterbitSimulator.EXPORT_PATH, dev.auditsdk.testkit.Fault.status(429, ""));

        assertThat(readAll(range(T0, T1))).hasSize(20);
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).hasSize(2);
    }

    @Test
    void aTruncatedFileIsDownloadedAgainAndTheStreamGoesOnExactlyOnce() throws Exception {
        simulator(JitterbitSimulator.builder().entries(2000).pollsWhileReceived(0).pollsWhileProcessing(0));
        source = sourceBuilder().build();
        sim.injectFault(JitterbitSimulator.STATUS_PATH, dev.auditsdk.testkit.Fault.truncatedBody());

        List<String> ids = readAll(range(T0, T1)).stream().map(JitterbitApiLogEntry::requestId).collect(Collectors.toList());

        assertThat(ids).containsExactlyElementsOf(idsIn(T0, T1));
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH)).as("the cut file, then the same file again").hasSize(2);
        assertThat(sim.exportsStarted()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileWithoutRetriesFailsAndAResumeDeliversTheRest() throws Exception {
        simulator(JitterbitSimulator.builder().entries(2000).pollsWhileReceived(0).pollsWhileProcessing(0));
        source = sourceBuilder().retryPolicy(RetryPolicy.none()).build();
        List<String> seen = new ArrayList<>();
        Checkpoint checkpoint;
        // Cut after a pause: the JDK client drops buffers it received but nobody read yet when the
        // connection fails, so an immediate cut may surface before the first entry on a busy machine.
        sim.injectFault(JitterbitSimulator.STATUS_PATH, dev.auditsdk.testkit.Fault.stall(java.time.Duration.ofMillis(500)));
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(range(T0, T1))) {
            assertThatThrownBy(() -> entries.forEach(e -> seen.add(e.requestId())))
                    .isInstanceOf(dev.auditsdk.core.error.AuditTransportException.class);
            checkpoint = entries.checkpoint();
        }
        assertThat(seen).isNotEmpty().hasSizeLessThan(2000);
        try (AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(AuditLogQuery.builder().resumeFrom(checkpoint).to(T1).build())) {
            entries.forEach(e -> seen.add(e.requestId()));
        }
        assertThat(seen).containsExactlyElementsOf(idsIn(T0, T1));
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheRequestReplayed() throws Exception {
        simulator(JitterbitSimulator.builder().entries(20).pollsWhileReceived(1));
        sim.beforeEachRequest(r -> {
            if (r.method().equals("GET") && sim.successfulLogins() == 1) {
                sim.expireSessions();
            }
        });
        source = sourceBuilder().build();

        assertThat(readAll(range(T0, T1))).hasSize(20);
        assertThat(sim.successfulLogins()).isEqualTo(2);
    }

    @Test
    void theSourcesClockRenewsAnExpiringSessionBeforeHarmonyRefusesItAndTheListenerSeesEveryAnswer() {
        MutableClock clock = new MutableClock(Instant.parse("2024-02-01T00:00:00Z"));
        simulator(JitterbitSimulator.builder().entries(5).sessionTimeoutSeconds(3600).clock(clock));
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        source = sourceBuilder().clock(clock).listener(new TransportListener() {
            @Override
            public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
                statuses.add(status);
            }
        }).build();

        assertThat(readAll(range(T0, T1))).hasSize(5);
        clock.advance(Duration.ofHours(2));
        assertThat(readAll(range(T0, T1))).hasSize(5);

        // a second login, and never a 401: the source saw the session expire on the shared clock
        assertThat(sim.successfulLogins()).isEqualTo(2);
        assertThat(statuses).hasSize(sim.requestCount()).doesNotContain(401);
    }

    @Test
    void aRefusedLoginIsAnAuthenticationError() throws Exception {
        simulator(JitterbitSimulator.builder().entries(1));
        source = sourceBuilder().credentials("alice@jbexample.com", "not-it-S3CR3T").build();
        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(AuditAuthenticationException.class)
                .hasMessageContaining("INVALID_CREDENTIALS");
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).isEmpty();
    }

    @Test
    void twoFactorLoginAsksTheSupplierOnce() throws Exception {
        simulator(JitterbitSimulator.builder().entries(30).tfaEnabled(true));
        List<String> asked = new ArrayList<>();
        source = sourceBuilder().deviceId("collector-1")
                .tfaCodeSupplier(c -> {
                    asked.add(c.email());
                    return Secret.of(sim.lastTfaCode().orElseThrow());
                }).build();

        assertThat(readAll(range(T0, T1))).hasSize(30);
        assertThat(readAll(range(T0, T1))).hasSize(30);
        assertThat(asked).containsExactly("alice@jbexample.com");
        assertThat(sim.tfaCodesSent()).isEqualTo(1);
        assertThat(requests("PUT", JitterbitSimulator.LOGIN_PATH).get(0).bodyText()).contains("\"deviceId\":\"collector-1\"");
    }

    @Test
    void anExplicitOrganizationIsCheckedAgainstTheUsers() throws Exception {
        simulator(JitterbitSimulator.builder().entries(5));
        sim.append("654321", List.of(ApiLogRecord.builder().time(T0.plusSeconds(10)).requestId("other-org").build()));
        source = sourceBuilder().orgId("654321").build();
        assertThat(readAll(range(T0, T1))).extracting(JitterbitApiLogEntry::requestId).containsExactly("other-org");
        source.close();

        source = sourceBuilder().orgId("999999").build();
        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(AuditAccessDeniedException.class)
                .hasMessageContaining("999999")
                .hasMessageContaining("[123456, 654321]");
    }

    @Test
    void sessionsAnnouncedAsZeroSecondsDoNotCauseALoginPerRequest() {
        simulator(JitterbitSimulator.builder().entries(100).announcedSessionTimeoutSeconds(0));
        source = sourceBuilder().windowSize(Duration.ofHours(1)).build();

        List<JitterbitApiLogEntry> entries = readAll(range(T0, T1));

        assertThat(entries).extracting(JitterbitApiLogEntry::requestId).containsExactlyElementsOf(idsIn(T0, T1));
        assertThat(entries).hasSize(100);
        assertThat(sim.requestCount()).isGreaterThan(24 * 3); // a submit, polls and a download per window
        assertThat(sim.successfulLogins()).isBetween(1, 2);
    }

    @Test
    void aServerSuppliedDefaultOrgIdThatIsNotAnOrganizationIdIsRefusedBeforeItReachesAPath() {
        simulator(JitterbitSimulator.builder().entries(5).organization("12/../34", "Elsewhere"));
        source = sourceBuilder().build();

        assertThatThrownBy(() -> readAll(range(T0, T1)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("defaultOrgId is not an organization id (8 characters, including '/'")
                .hasMessageContaining("set orgId(...)")
                .hasMessageNotContaining("12/../34");
        assertThat(requests("PUT", JitterbitSimulator.EXPORT_PATH)).isEmpty();
        assertThat(requests("GET", JitterbitSimulator.STATUS_PATH)).isEmpty();
    }

    @Test
    void aConfiguredOrgIdNeedsNoValidDefaultOrgId() {
        simulator(JitterbitSimulator.builder().entries(0).organization("bad id\n", "Elsewhere").organization("654321", "Ours"));
        sim.append("654321", List.of(ApiLogRecord.builder().time(T0.plusSeconds(10)).requestId("ours").build()));
        source = sourceBuilder().orgId("654321").build();

        assertThat(readAll(range(T0, T1))).extracting(JitterbitApiLogEntry::requestId).containsExactly("ours");
    }

    @Test
    void normalizedEventsAreApiActivity() throws Exception {
        simulator(JitterbitSimulator.builder().entries(10));
        source = sourceBuilder().build();
        JitterbitApiLogEntry e = readAll(range(T0, T1)).get(0);
        assertThat(e.toAuditEvent().toOcsf().get("class_uid").asInt()).isEqualTo(6003);
        assertThat(e.toAuditEvent().vendor()).isEqualTo("jitterbit");
    }

    private static String timeRangeTo(RecordedRequest put) {
        try {
            return Json.mapper().readTree(put.bodyText()).get("timeRangeTo").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
