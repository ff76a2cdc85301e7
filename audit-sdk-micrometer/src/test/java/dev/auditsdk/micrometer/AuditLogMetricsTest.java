package dev.auditsdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.core.testing.SecretLeakGuard;
import dev.auditsdk.testkit.uipath.UiPathSimulator;
import dev.auditsdk.uipath.UiPathAuditLogSource;
import dev.auditsdk.uipath.UiPathSourceBuilder;
import dev.auditsdk.uipath.UiPathAuditLogStream;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters of a stream, against the UiPath simulator over loopback. */
class AuditLogMetricsTest {
    private static final String CLIENT_ID = "audit-reader";
    private static final String CLIENT_SECRET = "cs-" + SecretLeakGuard.MARKER + "-7e6d";
    private static final String TOKEN_PREFIX = "eyJ" + SecretLeakGuard.MARKER + ".";
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    /** "Now" for the lag: 90 s after the end of the range read. */
    private static final Clock NOW = Clock.fixed(TO.plusSeconds(90), ZoneOffset.UTC);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private UiPathSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        registry.close();
    }

    private UiPathSimulator start(int entries) {
        sim = UiPathSimulator.builder().client(CLIENT_ID, CLIENT_SECRET).tokenPrefix(TOKEN_PREFIX).seed(11)
                .classicEntries(entries).dataBetween(FROM, TO.minusSeconds(3600)).build().start();
        return sim;
    }

    private UiPathSourceBuilder source(String clientSecret, AuditLogMetrics metrics) {
        return UiPathAuditLogSource.builder()
                .baseUrl(sim.baseUrl())
                .organization(sim.organization())
                .tenant(sim.tenant())
                .clientCredentials(CLIENT_ID, clientSecret)
                .retryPolicy(FAST_RETRIES)
                // pages one after the other: a page fetched ahead and dropped reaches the simulator
                // but is never answered to the reader, and these tests count both sides exactly
                .parallelism(1)
                .auditLogListener(metrics);
    }

    private static AuditLogQuery range(int pageSize) {
        return AuditLogQuery.builder().from(FROM).to(TO).pageSize(pageSize).build();
    }

    private static List<UiPathAuditEntry> readAll(UiPathAuditLogSource source, AuditLogQuery query) {
        List<UiPathAuditEntry> read = new ArrayList<>();
        try (UiPathAuditLogStream stream = source.fetchWithTotalCount(query)) {
            stream.forEach(read::add);
        }
        return read;
    }

    private double counter(String name, String... tags) {
        Counter c = registry.find(name).tags("vendor", "uipath", "stream", "uipath-eu").tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name) {
        Gauge g = registry.get(name).tags("vendor", "uipath", "stream", "uipath-eu").gauge();
        return g.value();
    }

    private long auditLogRequests() {
        return sim.requests().stream().filter(r -> r.path().contains("/audit_/api/auditlogs")).count();
    }

    @Test
    void aCompleteReadCountsItsEntriesPagesRequestsLoginAndBytesAndItsLagIsNowMinusTheRangesEnd() {
        start(300);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);

        List<UiPathAuditEntry> read;
        try (UiPathAuditLogSource source = source(CLIENT_SECRET, metrics).build()) {
            read = readAll(source, range(50));
        }

        assertThat(read).hasSize(300);
        assertThat(counter(AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(300);
        assertThat(counter(AuditLogMetrics.PAGES)).isEqualTo(auditLogRequests()).isGreaterThanOrEqualTo(6);
        assertThat(counter(AuditLogMetrics.REQUESTS, "status", "2xx")).isEqualTo(sim.requestCount());
        assertThat(counter(AuditLogMetrics.LOGINS, "result", "success")).isEqualTo(sim.tokenRequestCount()).isEqualTo(1);
        assertThat(counter(AuditLogMetrics.LOGINS, "result", "failure")).isZero();
        assertThat(counter(AuditLogMetrics.RETRIES)).isZero();
        assertThat(counter(AuditLogMetrics.THROTTLES)).isZero();
        long rawBytes = read.stream().mapToLong(e -> e.raw().toString().length()).sum();
        assertThat(counter(AuditLogMetrics.RESPONSE_BYTES)).isGreaterThanOrEqualTo(rawBytes);
        assertThat(registry.find(AuditLogMetrics.FAILURES).counters()).isEmpty();
        // the whole range was read: the collection has got to its end
        assertThat(gauge(AuditLogMetrics.WATERMARK)).isEqualTo(TO.getEpochSecond());
        assertThat(gauge(AuditLogMetrics.COLLECTION_LAG)).isCloseTo(90.0, within(1e-9));
        assertThat(metrics.lag()).contains(Duration.ofSeconds(90));
    }

    @Test
    void aReadCutByItsLimitHasTheNewestDeliveredEntryAsItsWatermark() {
        start(200);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);

        List<UiPathAuditEntry> read;
        try (UiPathAuditLogSource source = source(CLIENT_SECRET, metrics).build()) {
            read = readAll(source, AuditLogQuery.builder().from(FROM).to(TO).pageSize(20).limit(5).build());
        }

        Instant newest = read.stream().map(UiPathAuditEntry::timestamp).max(Instant::compareTo).orElseThrow();
        assertThat(read).hasSize(5);
        assertThat(counter(AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(5);
        assertThat(metrics.watermark()).contains(newest);
        assertThat(gauge(AuditLogMetrics.WATERMARK)).isEqualTo(newest.getEpochSecond() + newest.getNano() / 1e9);
        assertThat(metrics.lag()).contains(Duration.between(newest, NOW.instant()));
    }

    @Test
    void throttlingAnswersAreCountedWithTheirRetriesAndTheirStatusClass() {
        start(40);
        sim.throttleNext(2, Duration.ZERO);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);

        try (UiPathAuditLogSource source = source(CLIENT_SECRET, metrics).build()) {
            assertThat(readAll(source, range(100))).hasSize(40);
        }

        assertThat(counter(AuditLogMetrics.THROTTLES)).isEqualTo(2);
        assertThat(counter(AuditLogMetrics.RETRIES)).isEqualTo(2);
        assertThat(counter(AuditLogMetrics.REQUESTS, "status", "4xx")).isEqualTo(2);
        assertThat(counter(AuditLogMetrics.REQUESTS, "status", "2xx")).isEqualTo(sim.requestCount() - 2);
        assertThat(counter(AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(40);
    }

    @Test
    void aRefusedLoginCountsAFailedLoginAndAFailedReadByItsErrorAndLeavesNoWatermark() {
        start(10);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);
        String wrong = "wrong-" + SecretLeakGuard.MARKER + "-secret";

        try (UiPathAuditLogSource source = source(wrong, metrics).build()) {
            assertThatThrownBy(() -> readAll(source, range(50))).isInstanceOf(AuditAuthenticationException.class);
        }

        assertThat(counter(AuditLogMetrics.LOGINS, "result", "failure")).isEqualTo(1);
        assertThat(counter(AuditLogMetrics.LOGINS, "result", "success")).isZero();
        assertThat(counter(AuditLogMetrics.FAILURES, "error", "AuditAuthenticationException")).isEqualTo(1);
        assertThat(counter(AuditLogMetrics.ENTRIES_DELIVERED)).isZero();
        assertThat(metrics.watermark()).isEmpty();
        assertThat(gauge(AuditLogMetrics.WATERMARK)).isNaN();
        assertThat(gauge(AuditLogMetrics.COLLECTION_LAG)).isNaN();
    }

    @Test
    void oneInstanceFollowsAStreamAcrossSourcesAndReadsAndItsWatermarkNeverGoesBack() {
        start(100);
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);

        try (UiPathAuditLogSource source = source(CLIENT_SECRET, metrics).build()) {
            readAll(source, range(50));
        }
        // a second source for the same stream, reading an older part only partly
        try (UiPathAuditLogSource source = source(CLIENT_SECRET, metrics).build()) {
            readAll(source, AuditLogQuery.builder().from(FROM).to(TO).limit(3).build());
        }

        assertThat(counter(AuditLogMetrics.ENTRIES_DELIVERED)).isEqualTo(103);
        assertThat(counter(AuditLogMetrics.LOGINS, "result", "success")).isEqualTo(2);
        assertThat(metrics.watermark()).contains(TO);
    }

    @Test
    void everyMeterCarriesTheVendorAndStreamTagsAndTheDocumentedNames() {
        start(20);
        AuditLogMetrics a = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);
        AuditLogMetrics b = AuditLogMetrics.register(registry, "uipath", "uipath-us", NOW);

        try (UiPathAuditLogSource source = source(CLIENT_SECRET, a).build()) {
            readAll(source, range(50));
        }

        Set<String> names = registry.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
        assertThat(names).contains(AuditLogMetrics.ENTRIES_DELIVERED, AuditLogMetrics.REQUESTS, AuditLogMetrics.RETRIES,
                AuditLogMetrics.THROTTLES, AuditLogMetrics.LOGINS, AuditLogMetrics.RESPONSE_BYTES, AuditLogMetrics.PAGES,
                AuditLogMetrics.WATERMARK, AuditLogMetrics.COLLECTION_LAG);
        registry.getMeters().forEach(m -> assertThat(m.getId().getTag("vendor")).isEqualTo("uipath"));
        Map<String, Long> byStream = registry.getMeters().stream()
                .collect(Collectors.groupingBy(m -> m.getId().getTag("stream"), Collectors.counting()));
        assertThat(byStream).containsOnlyKeys("uipath-eu", "uipath-us");
        assertThat(registry.get(AuditLogMetrics.ENTRIES_DELIVERED).tags("stream", "uipath-us").counter().count()).isZero();
        assertThat(registry.get(AuditLogMetrics.ENTRIES_DELIVERED).tags("stream", "uipath-eu").counter().count()).isEqualTo(20);
        assertThat(b.watermark()).isEmpty();
    }

    @Test
    void removeTakesTheStreamsMetersOutAndTheStreamCanThenBeRegisteredAgain() {
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);
        metrics.onResponse(200);
        assertThat(registry.find(AuditLogMetrics.REQUESTS).counters()).hasSize(1);

        metrics.remove();
        metrics.onResponse(200);

        assertThat(registry.getMeters()).isEmpty();
        assertThat(AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW).watermark()).isEmpty();
    }

    @Test
    void registeringAStreamTwiceOrWithABlankNameIsRefusedNamingWhatIsWrong() {
        AuditLogMetrics.register(registry, "uipath", "uipath-eu");

        assertThatThrownBy(() -> AuditLogMetrics.register(registry, "uipath", "uipath-eu"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'uipath-eu'").hasMessageContaining("already registered");
        assertThatThrownBy(() -> AuditLogMetrics.register(registry, " ", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("vendor must not be blank");
        assertThatThrownBy(() -> AuditLogMetrics.register(registry, "uipath", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stream must not be blank");
        assertThatThrownBy(() -> AuditLogMetrics.register(registry, "uipath", null))
                .isInstanceOf(NullPointerException.class).hasMessage("stream");
    }

    @Test
    void aWatermarkAheadOfNowShowsNoNegativeLag() {
        AuditLogMetrics metrics = AuditLogMetrics.register(registry, "uipath", "uipath-eu", NOW);

        metrics.onWatermark(NOW.instant().plusSeconds(30));

        assertThat(metrics.lag()).contains(Duration.ZERO);
        assertThat(gauge(AuditLogMetrics.COLLECTION_LAG)).isZero();
    }
}
