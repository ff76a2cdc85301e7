package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A range of more than a day read as UTC-day queries side by side: the same entries in the same
 * order as one query, the day queries really in flight together (counted at the simulator), and
 * never above the account's 10 requests per second (the simulator answers 503 above it). The
 * sources here space their requests at 8 a second, so that a request the loaded test machine
 * sends late cannot bunch with the next into an eleventh within one second.
 */
class BoomiParallelDaysTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private BoomiSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(int entries, Duration spacing) {
        sim = BoomiSimulator.builder().seed(31).entries(entries).startingAt(FROM).spacing(spacing).build();
        sim.start();
    }

    private List<String> read(int parallelism, Instant to) {
        sim.resetStatistics();
        try (BoomiAuditLogSource source = BoomiAuditLogSource.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD)
                .rateLimits(new RateLimitRegistry()).rateLimitPerSecond(8).parallelism(parallelism).build();
             AuditLogStream<BoomiAuditEntry> stream = source.fetch(AuditLogQuery.builder().from(FROM).to(to).build())) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }

    @Test
    void dayQueriesSideBySideDeliverExactlyWhatOneQueryDelivers() {
        // an entry about every 40 minutes: some fall on the seconds where two day queries meet
        start(1_000, Duration.ofMinutes(40));
        sim.setLatency(Duration.ofMillis(300)); // longer than the 125 ms between two permits: requests overlap
        Instant to = FROM.plus(Duration.ofDays(20));

        List<String> sequential = read(1, to);
        assertThat(sim.maxInFlight()).as("one request at a time").isEqualTo(1);
        List<String> parallel = read(3, to);

        assertThat(sequential).hasSizeGreaterThan(500).doesNotHaveDuplicates();
        assertThat(parallel).containsExactlyElementsOf(sequential);
        assertThat(sim.maxInFlight()).as("day queries in flight together").isBetween(2, 3);
        assertThat(sim.throttledCount()).isZero();
    }

    @Test
    void moreParallelismNeverTakesTheAccountAboveItsTenRequestsPerSecond() {
        // about 30 day queries of 3 pages each
        start(9_000, Duration.ofSeconds(288));

        List<String> read = read(8, FROM.plus(Duration.ofDays(30)));

        assertThat(read).hasSizeGreaterThan(8_000).doesNotHaveDuplicates();
        assertThat(sim.requestCount()).isGreaterThanOrEqualTo(80);
        assertThat(sim.peakRequestsPerSecond()).isLessThanOrEqualTo(10);
        assertThat(sim.throttledCount()).isZero();
    }

    @Test
    void aRangeOfADayOrLessIsOneQueryWhateverTheParallelism() {
        start(100, Duration.ofMinutes(5));

        assertThat(read(4, FROM.plus(Duration.ofHours(6)))).hasSizeGreaterThan(40);
        assertThat(sim.requestCount()).isEqualTo(1);
        assertThat(BoomiAuditLogSource.builder().configuredParallelism()).isEqualTo(BoomiAuditLogSource.DEFAULT_PARALLELISM);
    }
}
