package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.MutableClock;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.informatica.model.InformaticaAuditEntry;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.informatica.InformaticaAuditRecord;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InformaticaAuditLogSourceTest {
    private static final String PASSWORD = "pa55-S3CR3T-word";
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    private static final String AUDIT_PATH = "/saas/api/v2/auditlog";

    private InformaticaSimulator sim;
    private InformaticaAuditLogSource source;

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private InformaticaSimulator start(InformaticaSimulator.Builder b) {
        sim = b.credentials("auditor@example.com", PASSWORD).endingAt(END).build().start();
        return sim;
    }

    private InformaticaAuditLogSourceBuilder sourceBuilder() {
        return InformaticaAuditLogSource.builder()
                .baseUrl(sim.loginUrl())
                .credentials("auditor@example.com", PASSWORD)
                .retryPolicy(RetryPolicy.none());
    }

    private static List<InformaticaAuditEntry> readAll(AuditLogStream<InformaticaAuditEntry> stream) {
        try (stream) {
            List<InformaticaAuditEntry> out = new ArrayList<>();
            stream.forEach(out::add);
            return out;
        }
    }

    private static List<String> ids(List<InformaticaAuditEntry> entries) {
        return entries.stream().map(InformaticaAuditEntry::id).collect(Collectors.toList());
    }

    private static List<String> newestFirst(List<InformaticaAuditRecord> records) {
        List<String> ids = records.stream().map(InformaticaAuditRecord::id).collect(Collectors.toList());
        Collections.reverse(ids);
        return ids;
    }

    private List<RecordedRequest> auditRequests() {
        return sim.requests().stream().filter(r -> r.path().equals(AUDIT_PATH)).collect(Collectors.toList());
    }

    @Test
    void logsInAtTheLoginHostAndSendsDataCallsToTheServerUrlWithTheSessionHeader() {
        start(InformaticaSimulator.builder().auditEntries(50));
        source = sourceBuilder().build();
        List<InformaticaAuditEntry> all = readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build()));

        assertThat(all).hasSize(50);
        List<RecordedRequest> requests = sim.requests();
        RecordedRequest login = requests.get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.path()).isEqualTo(InformaticaSimulator.V2_LOGIN_PATH);
        assertThat(login.bodyText()).contains("\"@type\":\"login\"").contains("\"username\":\"auditor@example.com\"");
        assertThat(login.header("icSessionId")).isEmpty();
        assertThat(requests.subList(1, requests.size())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).isEqualTo(AUDIT_PATH);
            assertThat(r.header("icSessionId")).isPresent();
        });
        assertThat(sim.loginCount()).isEqualTo(1);
    }

    @Test
    void theServerUrlMayBeOnAnotherHostThanTheLoginUrl() {
        start(InformaticaSimulator.builder().auditEntries(20).serverHost("localhost"));
        source = sourceBuilder().build();
        assertThat(sim.serverUrl().getHost()).isEqualTo("localhost");
        assertThat(sim.loginUrl().getHost()).isEqualTo("127.0.0.1");

        assertThat(readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build()))).hasSize(20);
        assertThat(auditRequests()).allSatisfy(r -> assertThat(r.header("Host")).hasValueSatisfying(
                h -> assertThat(h).startsWith("localhost:")));
    }

    @Test
    void concurrentReadsShareOneSessionAndReLogInOnceWhenItExpires() throws Exception {
        start(InformaticaSimulator.builder().seed(31).auditEntries(400));
        AtomicInteger batches = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().equals(AUDIT_PATH) && batches.incrementAndGet() == 12) {
                sim.expireAllSessions();
            }
        });
        source = sourceBuilder().batchSize(20).build();
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(1)).build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<InformaticaAuditEntry>>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reads.add(pool.submit(() -> readAll(source.fetch(query))));
            }
            for (java.util.concurrent.Future<List<InformaticaAuditEntry>> read : reads) {
                assertThat(ids(read.get(30, java.util.concurrent.TimeUnit.SECONDS)))
                        .containsExactlyElementsOf(newestFirst(sim.auditEntries()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.loginCount()).isEqualTo(2);
    }

    @Test
    void nothingIsRequestedUntilTheStreamIsIterated() {
        start(InformaticaSimulator.builder().auditEntries(10));
        source = sourceBuilder().build();
        AuditLogStream<InformaticaAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build());
        assertThat(sim.requestCount()).isZero();
        stream.close();
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void deliversExactlyTheRangeNewestFirstWithExactBoundaries() {
        start(InformaticaSimulator.builder().seed(5).auditEntries(700));
        List<InformaticaAuditRecord> log = sim.auditEntries();
        // boundaries on timestamps that several entries share: `from` includes all of them, `to` excludes all
        Instant from = sharedTimestamp(log, 100);
        Instant to = sharedTimestamp(log, 500);
        source = sourceBuilder().batchSize(50).build();

        List<InformaticaAuditEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(ids(got)).containsExactlyElementsOf(newestFirst(sim.auditEntries(from, to)));
        assertThat(got).extracting(InformaticaAuditEntry::timestamp).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(got.get(got.size() - 1).timestamp()).isEqualTo(from);
        assertThat(got).noneMatch(e -> e.timestamp().equals(to));
        assertThat(log.stream().filter(r -> r.time().equals(from)).count()).isGreaterThan(1);
        assertThat(log.stream().filter(r -> r.time().equals(to)).count()).isGreaterThan(1);
    }

    @Test
    void byDefaultEightBatchesAreInFlightAtOnceAndTheEntriesAreThoseOfABatchAfterTheOther() {
        start(InformaticaSimulator.builder().seed(21).auditEntries(3_000));
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(1)).build();
        source = sourceBuilder().batchSize(100).parallelism(1).build();
        List<String> sequential = ids(readAll(source.fetch(query)));
        assertThat(sim.maxInFlight()).isEqualTo(1);
        source.close();

        sim.setLatency(Duration.ofMillis(30)); // requests sent together overlap
        source = sourceBuilder().batchSize(100).build();
        List<String> parallel = ids(readAll(source.fetch(query)));

        assertThat(parallel).containsExactlyElementsOf(sequential).hasSize(3_000);
        assertThat(sim.maxInFlight()).isEqualTo(InformaticaAuditLogSource.DEFAULT_PARALLELISM);
    }

    @Test
    void stopsAtTheFirstEntryOlderThanFrom() {
        start(InformaticaSimulator.builder().auditEntries(5_000));
        List<InformaticaAuditRecord> log = sim.auditEntries();
        Instant from = log.get(log.size() - 150).time();
        source = sourceBuilder().batchSize(100).parallelism(1).build();

        List<InformaticaAuditEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(END.plusSeconds(1)).build()));

        assertThat(ids(got)).containsExactlyElementsOf(newestFirst(sim.auditEntries(from, END.plusSeconds(1))));
        // one seek probe, then two batches: not the 50 batches of the whole log
        assertThat(auditRequests()).hasSizeLessThanOrEqualTo(3);

        // by default: the first batch alone, then one round of 8 batches and its 7 boundary checks
        int before = auditRequests().size();
        source.close();
        source = sourceBuilder().batchSize(100).build();
        got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(END.plusSeconds(1)).build()));
        assertThat(ids(got)).containsExactlyElementsOf(newestFirst(sim.auditEntries(from, END.plusSeconds(1))));
        assertThat(auditRequests().size() - before).isLessThanOrEqualTo(1 + 1 + 8 + 7);
    }

    @Test
    void aRangeFarInThePastIsFoundByBinarySearchNotByPagingThroughEverythingNewer() {
        start(InformaticaSimulator.builder().auditEntries(20_000).span(Duration.ofDays(100)));
        List<InformaticaAuditRecord> log = sim.auditEntries();
        Instant from = log.get(1_000).time();
        Instant to = log.get(1_300).time();
        source = sourceBuilder().batchSize(100).parallelism(1).build(); // one-entry requests below are the seek's only

        List<InformaticaAuditEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(ids(got)).containsExactlyElementsOf(newestFirst(sim.auditEntries(from, to)));
        long probes = auditRequests().stream().filter(r -> r.query().contains("batchSize=1&")
                || r.query().endsWith("batchSize=1")).count();
        assertThat(probes).isBetween(1L, 20L);
        assertThat(auditRequests().size()).as("instead of ~190 batches").isLessThan(30);
    }

    @Test
    void twentyEntriesAppendedBeforeEveryBatchRequestAreNeitherDuplicatedNorLost() {
        start(InformaticaSimulator.builder().seed(9).auditEntries(1_000));
        List<InformaticaAuditRecord> log = sim.auditEntries();
        Instant from = log.get(100).time();
        Instant to = log.get(900).time();
        List<String> expected = newestFirst(sim.auditEntries(from, to));
        sim.appendOnEachAuditLogRequest(20);
        source = sourceBuilder().batchSize(50).build();

        List<InformaticaAuditEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(ids(got)).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(ids(got))).hasSameSizeAs(got);
        assertThat(sim.auditEntries().size()).isGreaterThan(1_000 + 20 * 16);
    }

    @Test
    void entriesAppendedDuringAnOpenEndedReadAreDeliveredOnceByTheNextRunFromTheCheckpoint() {
        start(InformaticaSimulator.builder().seed(13).auditEntries(400));
        AtomicInteger appended = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().equals(AUDIT_PATH) && appended.get() < 100) {
                appended.addAndGet(sim.appendAuditEntries(20).size());
            }
        });
        source = sourceBuilder().batchSize(40).build();
        Instant from = END.minus(Duration.ofDays(30));
        AuditLogStream<InformaticaAuditEntry> first = source.fetch(AuditLogQuery.builder().from(from).to(END.plus(Duration.ofDays(1))).build());
        List<InformaticaAuditEntry> run1 = readAll(first);
        Checkpoint checkpoint = Checkpoint.parse(first.checkpoint().serialize());

        List<InformaticaAuditEntry> run2 = readAll(source.fetch(AuditLogQuery.builder().resumeFrom(checkpoint)
                .to(END.plus(Duration.ofDays(1))).build()));

        List<String> all = new ArrayList<>(ids(run1));
        all.addAll(ids(run2));
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                sim.auditEntries().stream().map(InformaticaAuditRecord::id).collect(Collectors.toList()));
    }

    @Test
    void entriesWrittenLateInsideTheLateArrivalWindowAreDeliveredByTheNextRun() {
        start(InformaticaSimulator.builder().seed(17).auditEntries(100));
        source = sourceBuilder().batchSize(30).build();
        AuditLogStream<InformaticaAuditEntry> first = source.fetch(AuditLogQuery.builder()
                .from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(1)).build());
        assertThat(readAll(first)).hasSize(100);
        InformaticaAuditRecord late = new InformaticaAuditRecord("late-entry-1", 1, sim.orgId(), "ana@example.com",
                END.minusSeconds(20), null, "ana@example.com", "AUTH", "LOGIN", null, "User logged in.");
        sim.addAuditEntry(late);
        List<InformaticaAuditRecord> appended = sim.appendAuditEntries(2);

        List<InformaticaAuditEntry> second = readAll(source.fetch(AuditLogQuery.builder().resumeFrom(first.checkpoint())
                .to(END.plus(Duration.ofDays(1))).build()));

        assertThat(ids(second)).containsExactly(appended.get(1).id(), appended.get(0).id(), "late-entry-1");
    }

    @Test
    void aReadCutShortByTheLimitResumesWithExactlyTheRest() {
        start(InformaticaSimulator.builder().seed(21).auditEntries(300));
        source = sourceBuilder().batchSize(25).build();
        Instant from = END.minus(Duration.ofDays(30));
        Instant to = END.plusSeconds(1);
        AuditLogStream<InformaticaAuditEntry> first = source.fetch(AuditLogQuery.builder().from(from).to(to).limit(70).build());
        List<InformaticaAuditEntry> run1 = readAll(first);
        assertThat(run1).hasSize(70);

        List<InformaticaAuditEntry> run2 = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to)
                .resumeFrom(Checkpoint.parse(first.checkpoint().serialize())).build()));

        List<String> all = new ArrayList<>(ids(run1));
        all.addAll(ids(run2));
        assertThat(all).containsExactlyElementsOf(newestFirst(sim.auditEntries(from, to)));
    }

    @Test
    void aSessionExpiringMidReadCausesOneLoginAndTheReadCompletes() {
        start(InformaticaSimulator.builder().seed(3).auditEntries(600));
        AtomicInteger batches = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().equals(AUDIT_PATH) && batches.incrementAndGet() == 4) {
                sim.expireAllSessions();
            }
        });
        source = sourceBuilder().batchSize(50).build();
        Instant from = END.minus(Duration.ofDays(30));

        List<InformaticaAuditEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(END.plusSeconds(1)).build()));

        assertThat(ids(got)).containsExactlyElementsOf(newestFirst(sim.auditEntries()));
        assertThat(sim.loginCount()).isEqualTo(2);
        // every batch of the round in flight when the session ended was refused; one login replaced it
        assertThat(sim.rejectedSessionCount()).isBetween(1, InformaticaAuditLogSource.DEFAULT_PARALLELISM);
    }

    @Test
    void anIdleSessionThatExpiredBetweenReadsIsReplacedTransparently() throws Exception {
        start(InformaticaSimulator.builder().auditEntries(30).sessionIdleTimeout(Duration.ofMillis(300)));
        source = sourceBuilder().build();
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(1)).build();
        assertThat(readAll(source.fetch(query))).hasSize(30);
        Thread.sleep(400);
        assertThat(readAll(source.fetch(query))).hasSize(30);
        assertThat(sim.loginCount()).isEqualTo(2);
        // every batch of the round in flight when the session ended was refused; one login replaced it
        assertThat(sim.rejectedSessionCount()).isBetween(1, InformaticaAuditLogSource.DEFAULT_PARALLELISM);
    }

    @Test
    void jwtSessionsAreRenewedBeforeTheyExpireWithoutARefusedRequest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        start(InformaticaSimulator.builder().auditEntries(30).clock(clock).jwtSessions(Duration.ofMinutes(10)));
        source = sourceBuilder().clock(clock).build();
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).to(END.plusSeconds(1)).build();
        assertThat(readAll(source.fetch(query))).hasSize(30);
        clock.advance(Duration.ofMinutes(9).plusSeconds(30)); // inside the refresh-ahead minute
        assertThat(readAll(source.fetch(query))).hasSize(30);
        assertThat(sim.loginCount()).isEqualTo(2);
        assertThat(sim.rejectedSessionCount()).isZero();
    }

    @Test
    void closeLogsOutOnceAndTheSourceCannotBeUsedAfterwards() {
        start(InformaticaSimulator.builder().auditEntries(5));
        source = sourceBuilder().build();
        readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build()));
        source.close();
        source.close();
        assertThat(sim.logoutCount()).isEqualTo(1);
        RecordedRequest logout = sim.requests().get(sim.requests().size() - 1);
        assertThat(logout.path()).isEqualTo("/saas" + InformaticaSimulator.V2_LOGOUT_PATH);
        assertThat(logout.header("icSessionId")).isPresent();
        assertThatThrownBy(() -> source.fetch(AuditLogQuery.builder().from(END.minusSeconds(60)).build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingWithoutEverLoggingInSendsNothing() {
        start(InformaticaSimulator.builder().auditEntries(5));
        source = sourceBuilder().build();
        source.close();
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorWithTheVendorCodeAndWithoutThePassword() {
        for (int status : new int[] {403, 400}) {
            start(InformaticaSimulator.builder().auditEntries(5).loginFailureStatus(status));
            source = InformaticaAuditLogSource.builder().baseUrl(sim.loginUrl())
                    .credentials("auditor@example.com", "wrong-S3CR3T").retryPolicy(RetryPolicy.none()).build();
            AuditLogStream<InformaticaAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(END.minusSeconds(60)).build());
            assertThatThrownBy(() -> readAll(stream))
                    .isInstanceOfSatisfying(AuditAuthenticationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(status);
                        assertThat(e.vendorCode()).hasValue(InformaticaSimulator.CODE_BAD_CREDENTIALS);
                        assertThat(e.getMessage()).contains("User name or password is not valid").doesNotContain("S3CR3T");
                    });
            source.close();
            sim.close();
        }
    }

    @Test
    void v2ErrorObjectsBecomeExceptionsCarryingTheVendorCode() {
        start(InformaticaSimulator.builder().auditEntries(5));
        source = sourceBuilder().build();
        AuditLogQuery query = AuditLogQuery.builder().from(END.minusSeconds(60)).build();

        sim.injectFault(AUDIT_PATH, Fault.status(500,
                "{\"@type\":\"error\",\"code\":\"APP_500\",\"description\":\"Internal error.\",\"statusCode\":500}"));
        assertThatThrownBy(() -> readAll(source.fetch(query))).isInstanceOfSatisfying(AuditServerException.class, e -> {
            assertThat(e.vendorCode()).hasValue("APP_500");
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.getMessage()).contains("Internal error.").contains("APP_500");
        });

        sim.injectFault(AUDIT_PATH, Fault.status(404,
                "{\"@type\":\"error\",\"code\":\"UI_10404\",\"description\":\"Not found.\",\"statusCode\":404}"));
        assertThatThrownBy(() -> readAll(source.fetch(query))).isInstanceOfSatisfying(AuditNotFoundException.class,
                e -> assertThat(e.vendorCode()).hasValue("UI_10404"));

        // "Returns the error object if errors occur": also inside a 200 answer
        sim.injectFault(AUDIT_PATH, Fault.status(200,
                "{\"@type\":\"error\",\"code\":\"UI_10001\",\"description\":\"batchSize is invalid.\",\"statusCode\":400}"));
        assertThatThrownBy(() -> readAll(source.fetch(query))).isInstanceOfSatisfying(AuditApiException.class, e -> {
            assertThat(e.vendorCode()).hasValue("UI_10001");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains("batchSize is invalid.");
        });
    }

    @Test
    void aServerErrorIsRetriedByTheTransportWhenThePolicyAllows() {
        start(InformaticaSimulator.builder().auditEntries(20));
        source = sourceBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()).build();
        sim.injectFault(AUDIT_PATH, Fault.status(503, "{\"@type\":\"error\",\"code\":\"X\",\"description\":\"busy\",\"statusCode\":503}"));
        assertThat(readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build()))).hasSize(20);
    }

    @Test
    void sessionIdsNeverReachTheLogs() {
        start(InformaticaSimulator.builder().auditEntries(60));
        sim.beforeEachRequest(r -> r.header("icSessionId").ifPresent(SecretLeakGuard::secret));
        source = sourceBuilder().batchSize(10).build();
        readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(30))).build()));
        source.close();
        assertThat(SecretLeakGuard.isWatching()).isTrue();
    }

    @Test
    void theBuilderChecksItsSettings() {
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().credentials("u", "p").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("region(...) or baseUrl(...)");
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().region(InformaticaRegion.US).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().baseUrl("not a url"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().baseUrl("/relative"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().baseUrl("http://dm-us.informaticacloud.com")
                .credentials("u", "p").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaAuditLogSource.builder().region("atlantis"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atlantis");
        try (InformaticaAuditLogSource s = InformaticaAuditLogSource.builder().region("dm-em")
                .credentials("u", "p").build()) {
            assertThat(s.vendor()).isEqualTo("informatica");
            assertThat(s).hasToString("InformaticaAuditLogSource{baseUrl=https://dm-em.informaticacloud.com, batchSize=1000, parallelism=8}");
        }
    }

    /** A timestamp near position {@code around} of the log that at least two entries share. */
    private static Instant sharedTimestamp(List<InformaticaAuditRecord> log, int around) {
        for (int i = around; i < log.size() - 1; i++) {
            if (log.get(i).time().equals(log.get(i + 1).time())) {
                return log.get(i).time();
            }
        }
        throw new IllegalStateException("no shared timestamp after " + around);
    }
}
