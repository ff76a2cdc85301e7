package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.informatica.model.InformaticaSecurityLogEntry;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.informatica.InformaticaSecurityRecord;
import dev.auditsdk.testkit.informatica.InformaticaSimulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InformaticaSecurityLogSourceTest {
    private static final String PASSWORD = "pa55-S3CR3T-word";
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SECURITY_PATH = "/saas/public/core/v3/securityLog";
    private static final Pattern RANGE = Pattern.compile("entryTime>=\"([^\"]+)\";entryTime<=\"([^\"]+)\"");

    private InformaticaSimulator sim;
    private InformaticaSecurityLogSource source;

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
        sim = b.credentials("admin@example.com", PASSWORD).endingAt(END).auditEntries(0).build().start();
        return sim;
    }

    private InformaticaSecurityLogSourceBuilder sourceBuilder() {
        return InformaticaSecurityLogSource.builder()
                .baseUrl(sim.loginUrl())
                .credentials("admin@example.com", PASSWORD)
                .retryPolicy(RetryPolicy.none());
    }

    private static List<InformaticaSecurityLogEntry> readAll(AuditLogStream<InformaticaSecurityLogEntry> stream) {
        try (stream) {
            List<InformaticaSecurityLogEntry> out = new ArrayList<>();
            stream.forEach(out::add);
            return out;
        }
    }

    private static List<String> ids(List<InformaticaSecurityLogEntry> entries) {
        return entries.stream().map(InformaticaSecurityLogEntry::id).collect(Collectors.toList());
    }

    private List<RecordedRequest> securityRequests() {
        return sim.requests().stream().filter(r -> r.path().equals(SECURITY_PATH)).collect(Collectors.toList());
    }

    private static Instant[] rangeOf(RecordedRequest r) {
        String query = URLDecoder.decode(r.query(), StandardCharsets.UTF_8);
        Matcher m = RANGE.matcher(query);
        assertThat(m.find()).as(query).isTrue();
        return new Instant[] {Instant.parse(m.group(1)), Instant.parse(m.group(2))};
    }

    @Test
    void logsInWithV3AndSendsTheSessionAsInfaSessionIdToTheBaseApiUrl() {
        start(InformaticaSimulator.builder().securityEntries(50).span(Duration.ofDays(1)));
        source = sourceBuilder().build();

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder()
                .from(END.minus(Duration.ofDays(2))).to(END.plusSeconds(1)).build()));

        assertThat(got).hasSize(50);
        assertThat(sim.requests().get(0).path()).isEqualTo(InformaticaSimulator.V3_LOGIN_PATH);
        assertThat(securityRequests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.header("INFA-SESSION-ID")).isPresent();
            assertThat(r.header("icSessionId")).isEmpty();
            assertThat(r.query()).contains("limit=1000");
        });
        source.close();
        assertThat(sim.logoutCount()).isEqualTo(1);
        assertThat(sim.requests().get(sim.requests().size() - 1).path()).isEqualTo("/saas" + InformaticaSimulator.V3_LOGOUT_PATH);
    }

    @Test
    void aRangeWhoseBoundsHaveSubMillisecondPartsIsAskedForInWindowsOfAtMostFourteenDays() {
        start(InformaticaSimulator.builder().seed(7).securityEntries(200).span(Duration.ofDays(40)));
        source = sourceBuilder().build();
        Instant from = END.minus(Duration.ofDays(45)).plusNanos(123_456);
        Instant to = END.plusSeconds(1).plusNanos(654_321);

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(got).hasSize(200);
        assertThat(securityRequests()).hasSizeGreaterThan(3).allSatisfy(r -> {
            Instant[] range = rangeOf(r);
            assertThat(Duration.between(range[0], range[1])).isLessThanOrEqualTo(Duration.ofDays(14));
        });
    }

    @Test
    void aWindowReturningTheRowCapIsSplitInHalvesUntilNoAnswerReachesIt() {
        start(InformaticaSimulator.builder().seed(4).securityEntries(5_000).span(Duration.ofDays(3)));
        source = sourceBuilder().build();
        Instant from = END.minus(Duration.ofDays(4));
        Instant to = END.plusSeconds(1);

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(ids(got)).containsExactlyElementsOf(sim.securityEntries(from, to).stream()
                .sorted(java.util.Comparator.comparing(InformaticaSecurityRecord::time).thenComparing(InformaticaSecurityRecord::id))
                .map(InformaticaSecurityRecord::id).collect(Collectors.toList()));
        assertThat(got).extracting(InformaticaSecurityLogEntry::timestamp).isSorted();
        List<RecordedRequest> requests = securityRequests();
        // 5,000 rows need at least 8 answers under the cap, plus the capped ones that were split
        assertThat(requests.size()).isGreaterThan(8);
        Instant[] first = rangeOf(requests.get(0));
        Instant[] second = rangeOf(requests.get(1));
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(Duration.between(second[0], second[1])).isLessThan(Duration.between(first[0], first[1]));
    }

    @Test
    void moreRowsThanTheCapAtOneMillisecondAreReadWithSkip() {
        start(InformaticaSimulator.builder().securityEntries(20).span(Duration.ofHours(1)));
        Instant burst = END.minus(Duration.ofMinutes(30)).plusMillis(123);
        sim.addSecurityEntries(burst, 2_300);
        source = sourceBuilder().build();
        Instant from = END.minus(Duration.ofHours(2));
        Instant to = END.plusSeconds(1);

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(got).hasSize(2_320);
        assertThat(ids(got)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sim.securityEntries().stream().map(InformaticaSecurityRecord::id)
                        .collect(Collectors.toList()));
        assertThat(securityRequests()).anySatisfy(r -> assertThat(r.query()).contains("skip=2000"));
    }

    @Test
    @Timeout(60) // before the guard this requested the same rows forever
    void aServerIgnoringSkipStopsAfterOneSkipRequestNamingSkip() {
        start(InformaticaSimulator.builder().securityEntries(20).span(Duration.ofHours(1)).ignoreSecurityLogSkip(true));
        Instant burst = END.minus(Duration.ofMinutes(30)).plusMillis(123);
        sim.addSecurityEntries(burst, 2_300);
        source = sourceBuilder().build();
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofHours(2))).to(END.plusSeconds(1)).build();

        assertThatThrownBy(() -> readAll(source.fetch(query)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("skip=1000")
                .hasMessageContaining("ignore the 'skip' parameter");
        assertThat(securityRequests()).filteredOn(r -> r.query().contains("skip=")).hasSize(1);
    }

    @Test
    void longRangesAreReadInWindowsOfAtMostFourteenDays() {
        start(InformaticaSimulator.builder().securityEntries(300).span(Duration.ofDays(40)));
        source = sourceBuilder().build();
        Instant from = END.minus(Duration.ofDays(41));
        Instant to = END.plusSeconds(1);

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(got).hasSize(300);
        // three windows, one of which is asked again once with limit=100 (the probe of the server's paging)
        assertThat(securityRequests()).filteredOn(r -> r.query().contains("limit=1000")).hasSize(3).allSatisfy(r -> {
            Instant[] range = rangeOf(r);
            assertThat(Duration.between(range[0], range[1])).isLessThanOrEqualTo(Duration.ofDays(14));
        });
        assertThat(securityRequests()).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void rangeBoundariesAreExact() {
        start(InformaticaSimulator.builder().seed(8).securityEntries(400).span(Duration.ofDays(1)));
        List<InformaticaSecurityRecord> log = sim.securityEntries();
        Instant from = log.get(100).time();
        Instant to = log.get(300).time();
        source = sourceBuilder().build();

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder().from(from).to(to).build()));

        assertThat(ids(got)).containsExactlyInAnyOrderElementsOf(sim.securityEntries(from, to).stream()
                .map(InformaticaSecurityRecord::id).collect(Collectors.toList()));
        assertThat(got.get(0).timestamp()).isEqualTo(from);
        assertThat(got).allSatisfy(e -> assertThat(e.timestamp()).isBefore(to));
    }

    @Test
    void aCheckpointResumesWithTheEntriesWrittenSince() {
        start(InformaticaSimulator.builder().securityEntries(200).span(Duration.ofDays(1)));
        source = sourceBuilder().build();
        AuditLogStream<InformaticaSecurityLogEntry> first = source.fetch(AuditLogQuery.builder()
                .from(END.minus(Duration.ofDays(2))).to(END.plusSeconds(1)).build());
        List<InformaticaSecurityLogEntry> run1 = readAll(first);
        List<InformaticaSecurityRecord> added = sim.addSecurityEntries(END.plusSeconds(5), 3);
        sim.addSecurityEntries(END, 1); // late, at the watermark's own time
        sim.addSecurityEntries(END.minusSeconds(30), 1); // late, inside the late-arrival window

        List<InformaticaSecurityLogEntry> run2 = readAll(source.fetch(AuditLogQuery.builder()
                .resumeFrom(Checkpoint.parse(first.checkpoint().serialize())).to(END.plusSeconds(10)).build()));

        assertThat(run1).hasSize(200);
        assertThat(run2).hasSize(5);
        assertThat(ids(run2)).containsAll(added.stream().map(InformaticaSecurityRecord::id).collect(Collectors.toList()));
    }

    @Test
    void withoutALateArrivalWindowOnlyEntriesAtOrAfterTheWatermarkAreSeenAgain() {
        start(InformaticaSimulator.builder().securityEntries(50).span(Duration.ofDays(1)));
        source = sourceBuilder().lateness(Duration.ZERO).build();
        AuditLogStream<InformaticaSecurityLogEntry> first = source.fetch(AuditLogQuery.builder()
                .from(END.minus(Duration.ofDays(2))).to(END.plusSeconds(1)).build());
        readAll(first);
        sim.addSecurityEntries(END.minusSeconds(30), 1);
        sim.addSecurityEntries(END, 1);

        assertThat(readAll(source.fetch(AuditLogQuery.builder().resumeFrom(first.checkpoint()).to(END.plusSeconds(10))
                .build()))).hasSize(1);
    }

    @Test
    void byDefaultFourWindowsAreReadAtOnceAndDeliveredInOrder() {
        start(InformaticaSimulator.builder().securityEntries(600).span(Duration.ofDays(60)));
        AuditLogQuery query = AuditLogQuery.builder().from(END.minus(Duration.ofDays(61))).to(END.plusSeconds(1)).build();
        source = sourceBuilder().parallelism(1).build();
        List<String> sequential = readAll(source.fetch(query)).stream().map(InformaticaSecurityLogEntry::id)
                .collect(java.util.stream.Collectors.toList());
        assertThat(sim.maxInFlight()).isEqualTo(1);
        source.close();

        sim.setLatency(Duration.ofMillis(30)); // requests sent together overlap
        source = sourceBuilder().build();
        List<String> parallel = readAll(source.fetch(query)).stream().map(InformaticaSecurityLogEntry::id)
                .collect(java.util.stream.Collectors.toList());

        assertThat(parallel).containsExactlyElementsOf(sequential).hasSize(600);
        assertThat(sim.maxInFlight()).isEqualTo(InformaticaSecurityLogSource.DEFAULT_PARALLELISM);
    }

    @Test
    void aSessionExpiringMidReadCausesOneLogin() {
        start(InformaticaSimulator.builder().securityEntries(400).span(Duration.ofDays(30)));
        AtomicInteger calls = new AtomicInteger();
        sim.beforeEachRequest(r -> {
            if (r.path().equals(SECURITY_PATH) && calls.incrementAndGet() == 2) {
                sim.expireAllSessions();
            }
        });
        source = sourceBuilder().build();

        List<InformaticaSecurityLogEntry> got = readAll(source.fetch(AuditLogQuery.builder()
                .from(END.minus(Duration.ofDays(31))).to(END.plusSeconds(1)).build()));

        assertThat(got).hasSize(400);
        assertThat(sim.loginCount()).isEqualTo(2);
        // every window in flight when the session ended was refused; one login replaced it
        assertThat(sim.rejectedSessionCount()).isBetween(1, InformaticaSecurityLogSource.DEFAULT_PARALLELISM);
    }

    @Test
    void v3ErrorObjectsBecomeExceptionsCarryingTheVendorCodeAndRequestId() {
        start(InformaticaSimulator.builder().securityEntries(10));
        source = sourceBuilder().build();
        sim.injectFault(SECURITY_PATH, Fault.status(403, "{\"error\":{\"code\":\"CORE_403\",\"message\":\"Administrator role"
                + " required.\",\"requestId\":\"9hr8e2ObIcChbwYftgDui7\",\"details\":null}}"));

        assertThatThrownBy(() -> readAll(source.fetch(AuditLogQuery.builder().from(END.minus(Duration.ofDays(1))).build())))
                .isInstanceOfSatisfying(AuditAccessDeniedException.class, e -> {
                    assertThat(e.vendorCode()).hasValue("CORE_403");
                    assertThat(e.requestId()).hasValue("9hr8e2ObIcChbwYftgDui7");
                    assertThat(e.getMessage()).contains("Administrator role required.");
                });
    }

    @Test
    void theBuilderChecksItsSettings() {
        assertThatThrownBy(() -> InformaticaSecurityLogSource.builder().rowCap(1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaSecurityLogSource.builder().windowSize(Duration.ofDays(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InformaticaSecurityLogSource.builder().parallelism(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
