package dev.auditsdk.uipath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.ImmutableAuditLogQuery;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.uipath.UiPathClassicEntry;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiPathAuditLogSourceTest {
    private static final String LOGS = "/acme/DefaultTenant/audit_/api/auditlogs";
    private UiPathSimulator sim;
    private UiPathAuditLogSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(UiPathSimulator.Builder simulator) {
        sim = simulator.build().start();
        source = SimulatorFixture.classic(sim).build();
    }

    @Test
    void readsExactlyTheRangeNewestFirstAndStopsAtItsStart() {
        start(SimulatorFixture.simulator().seed(3).classicEntries(2000));
        Instant from = Instant.parse("2025-12-30T00:00:00Z");

        List<UiPathAuditEntry> read = readAll(AuditLogQuery.builder().from(from).pageSize(50).build());

        assertThat(keys(read)).isEqualTo(expected(sim.classicEntries(), from, Instant.MAX));
        assertThat(read).extracting(UiPathAuditEntry::id).doesNotHaveDuplicates();
        assertThat(read).extracting(UiPathAuditEntry::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // ~130 entries in range: a handful of pages, not the 40 the whole log would take (plus the
        // pages fetched ahead that were in flight when the walk reached the range's start)
        assertThat(sim.requestCount(LOGS)).isLessThanOrEqualTo(5 + UiPathAuditLogSource.DEFAULT_PARALLELISM - 1);
    }

    @Test
    void concurrentAppendsCauseNeitherLossNorDuplicatesAndTheRestComesOnResume() {
        start(SimulatorFixture.simulator().seed(5).classicEntries(600));
        AtomicBoolean appending = new AtomicBoolean(true);
        // more new entries per request than the pages overlap (2 of 20): every page is shifted. Few
        // enough that the walk still gains on the log when every page fetched ahead is wasted: with 4
        // in flight, 7 per request grew the log by up to 28 per page read (each page advances 18), and
        // a walk that never catches up rightly stops on its progress guard (failed once in CI)
        sim.beforeEachRequest(r -> {
            if (appending.get() && r.path().startsWith(LOGS)) {
                sim.appendClassic(3);
            }
        });
        Instant from = Instant.parse("2025-12-01T00:00:00Z");
        Set<String> before = expected(sim.classicEntries(), from, Instant.MAX);

        List<UiPathAuditEntry> first;
        Checkpoint checkpoint;
        try (UiPathAuditLogStream stream = source.fetchWithTotalCount(AuditLogQuery.builder().from(from).pageSize(20).build())) {
            first = new ArrayList<>();
            stream.forEach(first::add);
            checkpoint = stream.checkpoint();
        }
        appending.set(false);
        Set<String> after = expected(sim.classicEntries(), from, Instant.MAX);

        assertThat(first).extracting(UiPathAuditEntry::id).doesNotHaveDuplicates();
        assertThat(keys(first)).containsAll(before);
        assertThat(after).containsAll(keys(first));

        List<UiPathAuditEntry> rest = readAll(AuditLogQuery.builder().resumeFrom(Checkpoint.parse(checkpoint.serialize()))
                .pageSize(20).build());
        Set<String> all = new HashSet<>(keys(first));
        assertThat(keys(rest)).doesNotContainAnyElementsOf(all);
        all.addAll(keys(rest));
        assertThat(all).isEqualTo(after);
        assertThat(rest.size() + first.size()).isEqualTo(after.size());
    }

    @Test
    void aHistoricalRangeSeeksPastNewerEntriesInsteadOfReadingThem() {
        start(SimulatorFixture.simulator().seed(7).classicEntries(20_000));
        source.close();
        source = SimulatorFixture.classic(sim).parallelism(1).build(); // counts the requests of the walk alone
        Instant from = Instant.parse("2025-12-10T00:00:00Z");
        Instant to = Instant.parse("2025-12-11T00:00:00Z");

        List<UiPathAuditEntry> read = readAll(AuditLogQuery.builder().from(from).to(to).pageSize(100).build());

        assertThat(keys(read)).isEqualTo(expected(sim.classicEntries(), from, to));
        assertThat(read).hasSizeGreaterThan(500);
        // reading down from the newest entry would take ~135 pages
        assertThat(sim.requestCount(LOGS)).isLessThan(40);
    }

    @Test
    void pagesCappedByTheServerAreReadInFull() {
        start(SimulatorFixture.simulator().seed(11).classicEntries(400).classicMaxTop(30));
        Instant from = Instant.parse("2025-12-01T00:00:00Z");

        List<UiPathAuditEntry> read = readAll(AuditLogQuery.builder().from(from).pageSize(100).build());

        assertThat(keys(read)).isEqualTo(expected(sim.classicEntries(), from, Instant.MAX));
        assertThat(read).extracting(UiPathAuditEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void aLimitedReadResumesWhereItStoppedWithoutRepeats() {
        start(SimulatorFixture.simulator().seed(13).classicEntries(300));
        Instant from = Instant.parse("2025-12-01T00:00:00Z");
        List<String> delivered = new ArrayList<>();
        Checkpoint checkpoint = null;
        for (long limit : new long[] {50, 100, 1000}) {
            ImmutableAuditLogQuery.Builder q = AuditLogQuery.builder().pageSize(40).limit(limit);
            if (checkpoint == null) {
                q.from(from);
            } else {
                q.resumeFrom(checkpoint);
            }
            try (UiPathAuditLogStream stream = source.fetchWithTotalCount(q.build())) {
                List<UiPathAuditEntry> part = stream.stream().collect(Collectors.toList());
                assertThat(part).hasSize((int) Math.min(limit, 300 - delivered.size()));
                part.forEach(e -> delivered.add(key(e)));
                checkpoint = Checkpoint.parse(stream.checkpoint().serialize());
            }
        }
        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(expected(sim.classicEntries(), from, Instant.MAX));
    }

    @Test
    void sendsTheDocumentedRequestAndExposesTotalCount() {
        start(SimulatorFixture.simulator().seed(17).classicEntries(30));
        assertThat(source.url().toString()).isEqualTo(sim.baseUrl() + "/acme/DefaultTenant/audit_/api/auditlogs/");
        try (UiPathAuditLogStream stream = source.fetchWithTotalCount(AuditLogQuery.builder()
                .from(Instant.parse("2025-12-01T00:00:00Z")).build())) {
            assertThat(sim.requestCount()).isZero();
            assertThat(stream.totalCount()).isEmpty();
            assertThat(stream.stream().count()).isEqualTo(30);
            assertThat(stream.totalCount()).hasValue(30);
        }
        RecordedRequest r = sim.requests().stream().filter(q -> q.path().startsWith(LOGS)).findFirst().orElseThrow();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(LOGS + "/");
        assertThat(r.query()).contains("language=en", "top=100", "skip=0", "sortBy=createdOn", "sortOrder=desc");
        assertThat(r.header("Authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer "));
        assertThat(source.totalCount()).hasValue(30);
    }

    @Test
    void readsTheOrganizationLevelLogWithoutATenant() {
        sim = SimulatorFixture.simulator().seed(19).classicEntries(5).build().start();
        source = SimulatorFixture.classic(sim).tenant(null).language("de").apiVersion("1.0").build();
        assertThat(readAll(AuditLogQuery.builder().from(Instant.parse("2025-12-01T00:00:00Z")).build())).hasSize(5);
        assertThat(sim.requests()).filteredOn(r -> r.path().contains("audit_"))
                .allSatisfy(r -> {
                    assertThat(r.path()).isEqualTo("/acme/audit_/api/auditlogs/");
                    assertThat(r.query()).contains("language=de", "api-version=1.0");
                });
    }

    @Test
    void detailsThatAreNotJsonAreDeliveredAsTheyCame() {
        start(SimulatorFixture.simulator());
        sim.addClassic(UiPathClassicEntry.builder().createdOn(Instant.parse("2026-01-05T10:00:00Z"))
                .category("Tenant").action("Updated").auditLogDetails("tenant renamed: Dev -> Test").build());

        List<UiPathAuditEntry> read = readAll(AuditLogQuery.builder().from(Instant.parse("2026-01-01T00:00:00Z")).build());

        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.auditLogDetails()).hasValue("tenant renamed: Dev -> Test");
            assertThat(e.details()).isEmpty();
            assertThat(e.toAuditEvent().action()).isEqualTo("Updated");
        });
    }

    @Test
    void pagesFetchedAheadDeliverExactlyTheSequentialReadWithRequestsInFlightTogether() {
        start(SimulatorFixture.simulator().seed(23).classicEntries(3000));
        sim.setLatency(Duration.ofMillis(100));
        AuditLogQuery query = AuditLogQuery.builder().from(Instant.parse("2025-12-01T00:00:00Z")).pageSize(100).build();
        source.close();
        source = SimulatorFixture.classic(sim).parallelism(1).build();
        List<UiPathAuditEntry> sequential = readAll(query);
        assertThat(sim.maxInFlight()).as("one request at a time").isEqualTo(1);
        source.close();
        sim.resetStatistics();

        source = SimulatorFixture.classic(sim).parallelism(4).build();
        List<UiPathAuditEntry> parallel = readAll(query);

        assertThat(sequential).hasSizeGreaterThan(500);
        assertThat(parallel.stream().map(UiPathAuditLogSourceTest::key).collect(Collectors.toList()))
                .containsExactlyElementsOf(sequential.stream().map(UiPathAuditLogSourceTest::key).collect(Collectors.toList()));
        assertThat(keys(parallel)).isEqualTo(expected(sim.classicEntries(), query.start(), Instant.MAX));
        assertThat(sim.maxInFlight()).as("pages fetched ahead side by side").isBetween(2, 4);
    }

    @Test
    void pagesFetchedAheadWhileTheServerThrottlesFailsResetsAndCutsBodiesDeliverTheExactRangeOnce() {
        start(SimulatorFixture.simulator().seed(37).classicEntries(2000));
        AuditLogQuery query = AuditLogQuery.builder().from(Instant.parse("2025-12-01T00:00:00Z")).pageSize(50).build();
        Set<String> expected = expected(sim.classicEntries(), query.start(), Instant.MAX);
        sim.chaos(dev.auditsdk.testkit.Chaos.builder().seed(41).rate(0.25).onlyPaths("/" + sim.organization())
                .kinds(dev.auditsdk.testkit.Chaos.Kind.THROTTLE, dev.auditsdk.testkit.Chaos.Kind.SERVER_ERROR,
                        dev.auditsdk.testkit.Chaos.Kind.RESET, dev.auditsdk.testkit.Chaos.Kind.TRUNCATE)
                .build());
        source.close();
        source = SimulatorFixture.classic(sim).parallelism(4)
                .retryPolicy(dev.auditsdk.core.retry.RetryPolicy.builder().maxAttempts(8)
                        .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build())
                .build();

        List<UiPathAuditEntry> read = readAll(query);

        assertThat(read).extracting(UiPathAuditEntry::id).doesNotHaveDuplicates();
        assertThat(keys(read)).isEqualTo(expected);
        assertThat(read).hasSize(expected.size()).hasSizeGreaterThan(300);
        assertThat(sim.chaosCounts().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }

    @Test
    void byDefaultPagesAreTheLargestTheApiServesAndFourAreFetchedAhead() {
        start(SimulatorFixture.simulator().seed(29).classicEntries(50));

        readAll(AuditLogQuery.builder().from(Instant.parse("2020-01-01T00:00:00Z")).build());

        assertThat(sim.requests()).filteredOn(r -> r.path().contains("/audit_/"))
                .allSatisfy(r -> assertThat(r.query()).contains("top=" + UiPathAuditLogSource.MAX_PAGE_SIZE));
        assertThat(UiPathAuditLogSource.DEFAULT_PAGE_SIZE).isEqualTo(UiPathAuditLogSource.MAX_PAGE_SIZE);
        assertThat(SimulatorFixture.classic(sim).configuredParallelism()).isEqualTo(4);
    }

    private List<UiPathAuditEntry> readAll(AuditLogQuery query) {
        try (UiPathAuditLogStream stream = source.fetchWithTotalCount(query)) {
            List<UiPathAuditEntry> out = new ArrayList<>();
            stream.forEach(out::add);
            return out;
        }
    }

    /** The simulator's entries in {@code [from, to)}, as comparable keys. */
    static Set<String> expected(List<UiPathClassicEntry> entries, Instant from, Instant to) {
        return entries.stream().filter(e -> !e.instant().isBefore(from) && e.instant().isBefore(to))
                .map(e -> e.instant() + "|" + e.category() + "|" + e.action() + "|" + e.userName() + "|" + e.auditLogDetails())
                .collect(Collectors.toSet());
    }

    static Set<String> keys(List<UiPathAuditEntry> entries) {
        return entries.stream().map(UiPathAuditLogSourceTest::key).collect(Collectors.toSet());
    }

    static String key(UiPathAuditEntry e) {
        return e.timestamp() + "|" + e.category().orElse(null) + "|" + e.action().orElse(null) + "|"
                + e.userName().orElse(null) + "|" + e.auditLogDetails().orElse(null);
    }
}
