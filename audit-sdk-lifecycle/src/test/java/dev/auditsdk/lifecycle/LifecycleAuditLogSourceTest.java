package dev.auditsdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import dev.auditsdk.testkit.Fault;
import dev.auditsdk.testkit.RecordedRequest;
import dev.auditsdk.testkit.lifecycle.LifecycleSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleAuditLogSourceTest {
    static final String USER = "auditor";
    static final String PASSWORD = "pw-S3CR3T-1";
    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    private static final Instant DAY1 = Instant.parse("2024-03-20T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2024-03-21T00:00:00Z");
    private static final Instant DAY3 = Instant.parse("2024-03-22T00:00:00Z");

    private LifecycleSimulator sim;
    private final List<LifecycleAuditLogSource> sources = new ArrayList<>();

    @AfterEach
    void stop() {
        sources.forEach(LifecycleAuditLogSource::close);
        if (sim != null) {
            sim.close();
        }
    }

    private LifecycleSimulator start(Consumer<LifecycleSimulator.Builder> config) {
        LifecycleSimulator.Builder b = LifecycleSimulator.builder().user(USER, PASSWORD).exportEvents(false);
        config.accept(b);
        sim = b.build().start();
        return sim;
    }

    private LifecycleAuditLogSource source(Consumer<LifecycleSourceBuilder> config) {
        LifecycleSourceBuilder b = LifecycleAuditLogSource.builder().baseUrl(sim.baseUrl())
                .credentials(USER, PASSWORD).retryPolicy(FAST_RETRIES);
        config.accept(b);
        LifecycleAuditLogSource s = b.build();
        sources.add(s);
        return s;
    }

    private LifecycleAuditLogSource source() {
        return source(b -> { });
    }

    /** What was read, and where the stream stood afterwards. */
    static final class Read {
        final List<LifecycleAuditEntry> entries = new ArrayList<>();
        Checkpoint checkpoint;

        List<String> lines() {
            return entries.stream().map(e -> e.raw().toString()).collect(Collectors.toList());
        }

        List<String> ids() {
            return entries.stream().map(LifecycleAuditEntry::id).collect(Collectors.toList());
        }
    }

    static Read read(dev.auditsdk.core.AuditLogSource<LifecycleAuditEntry> source, AuditLogQuery query) {
        Read read = new Read();
        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(query)) {
            stream.forEach(read.entries::add);
            read.checkpoint = Checkpoint.parse(stream.checkpoint().serialize());
        }
        return read;
    }

    private static AuditLogQuery range(Instant from, Instant to) {
        return AuditLogQuery.builder().from(from).to(to).build();
    }

    private static List<String> compact(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                return dev.auditsdk.core.spi.util.Json.mapper().readTree(l).toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.toList());
    }

    private List<String> queries() {
        return sim.requests().stream().map(RecordedRequest::query).collect(Collectors.toList());
    }

    @Test
    void aServerThatSelectsItsLocalDaysLosesEdgeEntriesUnlessADayMarginIsSet() {
        start(b -> b.filtersByLocalDate(true)); // -03:00: UTC day 21 starts at 21:00 local on the 20th
        sim.appendEvent(DAY2.plusSeconds(3600), "early", "authentication", "login"); // 01:00Z = 22:00 local, the 20th
        sim.appendEvent(DAY2.plusSeconds(12 * 3600), "noon", "authentication", "login");
        sim.appendEvent(DAY3.minusSeconds(3600), "late", "authentication", "login"); // 23:00Z = 20:00 local, the 21st
        sim.appendEvent(DAY3.plusSeconds(3600), "next-day", "authentication", "login");

        assertThat(read(source(), range(DAY2, DAY3)).entries).extracting(LifecycleAuditEntry::username)
                .as("the server's day 21 (local) misses 01:00Z").containsExactly("noon", "late");
        assertThat(read(source(b -> b.dayMargin(1)), range(DAY2, DAY3)).entries).extracting(LifecycleAuditEntry::username)
                .containsExactly("early", "noon", "late");
        assertThat(queries()).last().asString().contains("startUtcDate=2024-03-20", "endUtcDate=2024-03-22");
        assertThatThrownBy(() -> LifecycleAuditLogSource.builder().dayMargin(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dayMargin must be between 0 and 2");
    }

    @Test
    void readsAMultiDayRangeInAscendingTimeWithOffsetTimestampsNormalized() {
        start(b -> b.seed(3).storedEvents(600).range(DAY1, DAY3.plusSeconds(86_400)));

        Read read = read(source(), range(DAY1, DAY3));

        List<String> expected = sim.lines(DAY1, DAY3).collect(Collectors.toList());
        assertThat(read.lines()).hasSize(400).isEqualTo(compact(expected));
        assertThat(read.entries).extracting(LifecycleAuditEntry::timestamp).isSorted();
        LifecycleAuditEntry first = read.entries.get(0);
        assertThat(first.timestampText()).endsWith("-03:00");
        assertThat(first.timestamp()).isEqualTo(OffsetDateTime.parse(first.timestampText()).toInstant());
        assertThat(queries()).containsExactlyInAnyOrder("startUtcDate=2024-03-20&endUtcDate=2024-03-20",
                "startUtcDate=2024-03-21&endUtcDate=2024-03-21");
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic ")));
    }

    @Test
    void filtersEntriesOutsideTheRangeAtBothEnds() {
        start(b -> { });
        Instant from = Instant.parse("2024-03-20T10:00:00.000Z");
        Instant to = Instant.parse("2024-03-21T18:30:00.000Z");
        sim.appendEvent(from.minusMillis(1), "admin", "authentication", "login");
        String atFrom = sim.appendEvent(from, "admin", "application", "create");
        String beforeTo = sim.appendEvent(to.minusMillis(1), "admin", "application", "update");
        sim.appendEvent(to, "admin", "authentication", "logout");

        Read read = read(source(), range(from, to));

        assertThat(read.lines()).isEqualTo(compact(List.of(atFrom, beforeTo)));
        assertThat(queries()).containsExactlyInAnyOrder("startUtcDate=2024-03-20&endUtcDate=2024-03-20",
                "startUtcDate=2024-03-21&endUtcDate=2024-03-21");
    }

    @Test
    void sendsNoRequestUntilTheStreamIsIterated() {
        start(b -> b.storedEvents(10).range(DAY1, DAY2));

        try (AuditLogStream<LifecycleAuditEntry> stream = source().fetch(range(DAY1, DAY2))) {
            assertThat(sim.requestCount()).isZero();
            assertThat(stream.iterator().hasNext()).isTrue();
            assertThat(sim.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void windowSizeGroupsDaysIntoOneRequest() {
        start(b -> b.storedEvents(500).range(DAY1, DAY1.plusSeconds(5 * 86_400)));

        Read read = read(source(b -> b.windowSize(java.time.Duration.ofDays(3)).parallelism(1)), range(DAY1.plusSeconds(3600), DAY1.plusSeconds(5 * 86_400)));

        assertThat(queries()).containsExactly("startUtcDate=2024-03-20&endUtcDate=2024-03-22",
                "startUtcDate=2024-03-23&endUtcDate=2024-03-24");
        assertThat(read.lines()).isEqualTo(compact(sim.lines(DAY1.plusSeconds(3600), DAY1.plusSeconds(5 * 86_400))
                .collect(Collectors.toList())));
    }

    @Test
    void parallelWindowsAreDeliveredInOrderAndIdenticalToASequentialRead() {
        start(b -> b.seed(11).generatedEvents(3000).storedEvents(300).range(DAY1, DAY1.plusSeconds(10 * 86_400)));
        sim.setLatency(Duration.ofMillis(100));
        AuditLogQuery query = range(DAY1.plusSeconds(7200), DAY1.plusSeconds(10 * 86_400 - 7200));

        Read sequential = read(source(b -> b.parallelism(1)), query);
        assertThat(sim.maxInFlight()).as("one request at a time").isEqualTo(1);
        sim.resetStatistics();
        Read parallel = read(source(b -> b.parallelism(4)), query);
        assertThat(sim.maxInFlight()).as("windows requested side by side").isBetween(2, 4);

        assertThat(parallel.ids()).hasSize(sequential.ids().size()).isEqualTo(sequential.ids());
        assertThat(parallel.lines()).isEqualTo(sequential.lines());
        assertThat(parallel.entries).extracting(LifecycleAuditEntry::timestamp).isSorted();
        assertThat(parallel.ids()).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).isEqualTo(10);
        assertThat(parallel.checkpoint).isEqualTo(sequential.checkpoint);
    }

    @Test
    void theIdentityIsTheHashOfTheLineAsTheServerWroteItPlusItsOccurrence() throws Exception {
        start(b -> { });
        Instant t = Instant.parse("2024-03-20T10:00:00.500Z");
        String line = sim.line(t, "admin", "authentication", "login");
        sim.appendRaw(t, line);
        String sameEventOtherKeyOrder = "{\"username\":\"admin\"," + line.substring(1).replace(",\"username\":\"admin\"", "");
        sim.appendRaw(t, sameEventOtherKeyOrder);

        Read read = read(source(), range(DAY1, DAY2));

        String hash = "lc:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(read.ids()).hasSize(2).first().isEqualTo(hash + "#1");
        // the bytes decide: the same attributes written in another order are another line
        assertThat(read.ids().get(1)).isNotEqualTo(hash + "#2").endsWith("#1");
    }

    @Test
    void identicalEventsInTheSameMillisecondAreDistinctEntries() {
        start(b -> { });
        Instant t = Instant.parse("2024-03-20T10:00:00.500Z");
        String failed = sim.line(t, "*UNKNOWN", "authentication", "login").replace("}", ",\"error\":\"bad-authentication\"}");
        sim.appendRaw(t, failed);
        sim.appendRaw(t, failed);

        Read read = read(source(), range(DAY1, DAY2));

        assertThat(read.entries).hasSize(2);
        assertThat(read.ids()).doesNotHaveDuplicates().allMatch(id -> id.startsWith("lc:"));
        assertThat(read.ids().get(0)).endsWith("#1");
        assertThat(read.ids().get(1)).endsWith("#2");
    }

    /** Identical and same-millisecond events around every possible stopping point. */
    private List<String> appendTricky() {
        Instant t = Instant.parse("2024-03-20T10:00:00.500Z");
        List<String> lines = new ArrayList<>();
        lines.add(sim.appendEvent(t.minusMillis(500), "admin", "authentication", "login"));
        String failed = sim.line(t, "*UNKNOWN", "authentication", "login").replace("}", ",\"error\":\"bad-authentication\"}");
        for (int i = 0; i < 3; i++) {
            sim.appendRaw(t, failed);
            lines.add(failed);
        }
        lines.add(sim.appendEvent(t, "admin", "policy", "update"));
        lines.add(sim.appendEvent(t.plusMillis(500), "admin", "authentication", "logout"));
        lines.add(sim.appendEvent(t.plusSeconds(5), "jdoe", "application", "create"));
        lines.add(sim.appendEvent(Instant.parse("2024-03-21T01:00:00Z"), "jdoe", "application", "delete"));
        return compact(lines);
    }

    @Test
    void resumingFromAnyStoppingPointDeliversEveryEntryExactlyOnce() {
        start(b -> { });
        List<String> all = appendTricky();
        for (Duration tolerance : List.of(Duration.ZERO, Duration.ofSeconds(1))) {
            LifecycleAuditLogSource source = source(b -> b.lateness(tolerance));
            for (int k = 1; k < all.size(); k++) {
                Read first = read(source, AuditLogQuery.builder().from(DAY1).to(DAY3).limit(k).build());
                Read rest = read(source, AuditLogQuery.builder().resumeFrom(first.checkpoint).to(DAY3).build());

                List<String> union = new ArrayList<>(first.lines());
                union.addAll(rest.lines());
                assertThat(union).as("stopped after %d entries, tolerance %s", k, tolerance).isEqualTo(all);
                List<String> ids = new ArrayList<>(first.ids());
                ids.addAll(rest.ids());
                assertThat(ids).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void resumingRereadsTheCheckpointDayAndDeliversOnlyNewEntriesIncludingLateIdenticalOnes() {
        start(b -> { });
        List<String> all = appendTricky();
        LifecycleAuditLogSource source = source();
        Read first = read(source, AuditLogQuery.builder().from(DAY1).to(DAY3).build());
        assertThat(first.lines()).isEqualTo(all);
        Instant watermark = first.checkpoint.watermark();
        assertThat(watermark).isEqualTo(Instant.parse("2024-03-21T01:00:00Z"));

        String lateCopy = sim.appendEvent(watermark, "jdoe", "application", "delete");
        String later = sim.appendEvent(watermark.plusSeconds(60), "admin", "authentication", "logout");
        sim.resetStatistics();
        Read second = read(source, AuditLogQuery.builder().resumeFrom(first.checkpoint).to(DAY3).build());

        assertThat(second.lines()).isEqualTo(compact(List.of(lateCopy, later)));
        assertThat(second.ids().get(0)).endsWith("#2");
        assertThat(queries()).containsExactly("startUtcDate=2024-03-21&endUtcDate=2024-03-21");
        Read third = read(source, AuditLogQuery.builder().resumeFrom(second.checkpoint).to(DAY3).build());
        assertThat(third.entries).isEmpty();
        assertThat(third.checkpoint).isEqualTo(second.checkpoint);
    }

    @Test
    void theServersOwnExportEventsAreDeliveredOnceEach() {
        Instant now = Instant.parse("2024-03-20T12:00:00Z");
        sim = LifecycleSimulator.builder().user(USER, PASSWORD).clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .build().start();
        LifecycleAuditLogSource source = source();
        Read first = read(source, range(DAY1, DAY2));
        assertThat(first.entries).isEmpty();

        Read second = read(source, AuditLogQuery.builder().resumeFrom(first.checkpoint).to(DAY2).build());
        Read third = read(source, AuditLogQuery.builder().resumeFrom(second.checkpoint).to(DAY2).build());

        assertThat(second.entries).hasSize(1);
        assertThat(second.entries.get(0).domain()).isEqualTo("audit-log");
        assertThat(second.entries.get(0).type()).isEqualTo("export");
        assertThat(second.entries.get(0).username()).isEqualTo(USER);
        // the read before appended an export event in the same millisecond: a new, distinct entry
        assertThat(third.entries).hasSize(1);
        assertThat(third.ids()).doesNotContainAnyElementsOf(second.ids());
    }

    @Test
    void retriesA503AndResetsWithoutDuplicates() {
        start(b -> b.seed(5).storedEvents(300).range(DAY1, DAY3));
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.status(503, "Service Unavailable"));
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.reset());
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.reset());

        Read read = read(source(), range(DAY1, DAY3));

        assertThat(read.lines()).isEqualTo(compact(sim.lines(DAY1, DAY3).collect(Collectors.toList())));
        assertThat(read.ids()).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).as("503, two resets, then the two days").isEqualTo(5);
    }

    @Test
    void aTruncatedBodyIsRequestedAgainAndTheStreamGoesOnExactlyOnce() {
        start(b -> b.seed(9).storedEvents(200).range(DAY1, DAY2));
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.truncatedBody());

        Read read = read(source(), range(DAY1, DAY2));

        assertThat(read.lines()).isEqualTo(compact(sim.lines(DAY1, DAY2).collect(Collectors.toList())));
        assertThat(read.ids()).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).as("the cut body, then the day again").isEqualTo(2);
    }

    @Test
    void aTruncatedBodyWithoutRetriesFailsAndAResumeFromTheCheckpointDeliversTheRestExactlyOnce() {
        start(b -> b.seed(9).storedEvents(200).range(DAY1, DAY2));
        sim.injectFault(LifecycleSimulator.AUDIT_LOGS_PATH, Fault.truncatedBody());
        LifecycleAuditLogSource source = source(b -> b.retryPolicy(RetryPolicy.none()));
        List<LifecycleAuditEntry> delivered = new ArrayList<>();
        Checkpoint checkpoint;

        try (AuditLogStream<LifecycleAuditEntry> stream = source.fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.forEach(delivered::add)).isInstanceOf(AuditTransportException.class);
            checkpoint = stream.checkpoint();
        }
        assertThat(delivered).hasSizeLessThan(200);
        Read rest = read(source, AuditLogQuery.builder().resumeFrom(checkpoint).to(DAY2).build());

        List<String> union = delivered.stream().map(e -> e.raw().toString()).collect(Collectors.toList());
        union.addAll(rest.lines());
        assertThat(union).isEqualTo(compact(sim.lines(DAY1, DAY2).collect(Collectors.toList())));
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() {
        start(b -> { });
        Instant t = Instant.parse("2024-03-20T08:00:00Z");
        sim.appendEvent(t, "admin", "authentication", "login");
        sim.appendEvent(t.plusSeconds(1), "admin", "authentication", "logout");
        sim.appendRaw(t.plusSeconds(2), "<html><body><h1>502 Bad Gateway</h1></body></html>");
        sim.appendEvent(t.plusSeconds(3), "admin", "authentication", "login");
        List<LifecycleAuditEntry> delivered = new ArrayList<>();

        try (AuditLogStream<LifecycleAuditEntry> stream = source().fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.forEach(delivered::add))
                    .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(3))
                    .hasMessageContaining("line 3").hasMessageContaining("<html>");
        }
        assertThat(delivered).hasSize(2);
    }

    @Test
    void aLineWithoutTheEventAttributesIsReportedWithItsLineNumber() {
        start(b -> { });
        Instant t = Instant.parse("2024-03-20T08:00:00Z");
        sim.appendEvent(t, "admin", "authentication", "login");
        sim.appendRaw(t.plusSeconds(1), "{\"timestamp\":\"" + sim.timestamp(t.plusSeconds(1)) + "\",\"username\":\"admin\"}");

        try (AuditLogStream<LifecycleAuditEntry> stream = source().fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.forEach(e -> { }))
                    .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                    .hasMessageContaining("'domain'");
        }
    }

    @Test
    void linesSlightlyOutOfOrderAreDeliveredAndFarOutOfOrderFailTheRead() {
        start(b -> { });
        Instant t = Instant.parse("2024-03-20T08:00:00Z");
        // stored in this order, whatever their timestamps say: the server wrote them so
        String a = sim.line(t.plusMillis(700), "admin", "application", "update");
        String b = sim.line(t.plusMillis(400), "jdoe", "application", "update");
        sim.appendRaw(t, a);
        sim.appendRaw(t.plusMillis(1), b);

        assertThat(read(source(), range(DAY1, DAY2)).lines()).isEqualTo(compact(List.of(a, b)));
        try (AuditLogStream<LifecycleAuditEntry> stream = source(s -> s.lateness(Duration.ofMillis(100)))
                .fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.forEach(e -> { }))
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("at 2024-03-20T08:00:00.400Z arrived after 1 entries up to 2024-03-20T08:00:00.700Z")
                    .hasMessageContaining("more than the lateness PT0.1S");
        }
        try (AuditLogStream<LifecycleAuditEntry> stream = source(s -> s.lateness(Duration.ofMillis(100))
                .lateEntryPolicy(dev.auditsdk.core.LateEntryPolicy.DELIVER)).fetch(range(DAY1, DAY2))) {
            assertThat(stream.stream().map(LifecycleAuditEntry::username)).containsExactly("admin", "jdoe");
        }
    }

    @Test
    void wrongCredentialsAreAnAuthenticationError() {
        start(b -> { });

        try (AuditLogStream<LifecycleAuditEntry> stream = source(b -> b.credentials(USER, "wrong-S3CR3T"))
                .fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.iterator().hasNext())
                    .isInstanceOfSatisfying(AuditAuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
                    .hasMessageContaining("refused the credentials");
        }
        assertThat(sim.requestCount()).as("a 401 is not retried").isEqualTo(1);
    }

    @Test
    void aUserWithoutThePermissionGetsAnAccessDeniedNamingIt() {
        start(b -> b.userWithoutAuditPermission("dev", "dev-S3CR3T"));

        try (AuditLogStream<LifecycleAuditEntry> stream = source(b -> b.credentials("dev", "dev-S3CR3T"))
                .fetch(range(DAY1, DAY2))) {
            assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(AuditAccessDeniedException.class)
                    .hasMessageContaining("'Access Audit Log' permission");
        }
    }

    @Test
    void aUserTokenIsSentAsBasicCredentials() {
        start(b -> b.user("Xq7bD2kL", "tok-S3CR3T-passcode").storedEvents(5).range(DAY1, DAY2));

        Read read = read(source(b -> b.userToken("Xq7bD2kL", "tok-S3CR3T-passcode")), range(DAY1, DAY2));

        assertThat(read.entries).hasSize(5);
    }

    @Test
    void aResumePastTheEndOfTheRangeReadsNothing() {
        start(b -> b.storedEvents(5).range(DAY1, DAY2));
        Read all = read(source(), range(DAY1, DAY2));
        sim.resetStatistics();

        Read none = read(source(), AuditLogQuery.builder().from(DAY1).to(DAY1.plusSeconds(60)).resumeFrom(all.checkpoint).build());

        assertThat(none.entries).isEmpty();
        assertThat(sim.requestCount()).isZero();
    }
}
