package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.testkit.boomi.BoomiSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Boomi counts requests per account: every source of the JVM on one account shares one
 * client-side limiter, so together they stay within the account's 10 requests per second, while
 * sources on different accounts each keep the whole budget. Counted at the simulator, which also
 * answers 503 to a request above 10 within any second.
 */
class BoomiSharedRateLimitTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-01T00:00:00Z");
    /** 15 pages of 100 per source. */
    private static final int ENTRIES = 1500;

    private final List<BoomiSimulator> sims = new ArrayList<>();
    private final List<BoomiAuditLogSource> sources = new ArrayList<>();

    @AfterEach
    void close() {
        sources.forEach(BoomiAuditLogSource::close);
        sims.forEach(BoomiSimulator::close);
    }

    @Test
    void twoSourcesOnOneAccountStayWithinTenRequestsPerSecondTogether() {
        BoomiSimulator sim = sim("acme-A1B2C3", 1);
        BoomiAuditLogSource a = source(sim, null);
        BoomiAuditLogSource b = source(sim, null);

        List<List<String>> read = readConcurrently(a, b);

        assertThat(read.get(0)).hasSize(ENTRIES).doesNotHaveDuplicates();
        assertThat(read.get(1)).containsExactlyElementsOf(read.get(0));
        assertThat(sim.requestCount()).isEqualTo(30);
        assertThat(sim.peakRequestsPerSecond()).isLessThanOrEqualTo(10);
        assertThat(sim.throttledCount()).isZero();
    }

    @Test
    void sourcesWithLimitersOfTheirOwnOverrunTheAccount() {
        // what two sources did before the limiter was shared: each spends the account's budget
        BoomiSimulator sim = sim("acme-A1B2C3", 2);
        BoomiAuditLogSource a = source(sim, new RateLimitRegistry());
        BoomiAuditLogSource b = source(sim, new RateLimitRegistry());

        readConcurrently(a, b);

        assertThat(sim.peakRequestsPerSecond()).isGreaterThan(10);
        assertThat(sim.throttledCount()).isPositive();
    }

    @Test
    void sourcesOnDifferentAccountsEachGetTheirOwnTenRequestsPerSecond() {
        BoomiSimulator acme = sim("acme-A1B2C3", 3);
        BoomiSimulator globex = sim("globex-Z9Y8X7", 4);
        RateLimitRegistry registry = new RateLimitRegistry();
        BoomiAuditLogSource a = source(acme, registry);
        BoomiAuditLogSource b = source(globex, registry);

        List<List<String>> read = readConcurrently(a, b);

        assertThat(read.get(0)).hasSize(ENTRIES);
        assertThat(read.get(1)).hasSize(ENTRIES);
        for (BoomiSimulator sim : List.of(acme, globex)) {
            // a shared limiter would have given each account about half of 9 a second
            assertThat(sim.peakRequestsPerSecond()).isBetween(8, 10);
            assertThat(sim.throttledCount()).isZero();
        }
    }

    @Test
    void theCallerMayPutTwoAccountsIntoOneRateDomain() {
        BoomiSimulator acme = sim("acme-A1B2C3", 5);
        BoomiSimulator globex = sim("globex-Z9Y8X7", 6);
        RateLimitRegistry registry = new RateLimitRegistry();
        BoomiAuditLogSource a = builder(acme).rateLimits(registry).rateLimitDomain("one budget").build();
        BoomiAuditLogSource b = builder(globex).rateLimits(registry).rateLimitDomain("one budget").build();
        sources.add(a);
        sources.add(b);

        readConcurrently(a, b);

        assertThat(acme.peakRequestsPerSecond() + globex.peakRequestsPerSecond()).isLessThanOrEqualTo(11);
    }

    private BoomiSimulator sim(String account, long seed) {
        BoomiSimulator sim = BoomiSimulator.builder().accountId(account).seed(seed).entries(ENTRIES)
                .spacing(Duration.ofSeconds(2)).build();
        sim.start();
        sims.add(sim);
        return sim;
    }

    private static BoomiSourceBuilder builder(BoomiSimulator sim) {
        // one query per read, so that the request counts below are the pages (day queries: BoomiParallelDaysTest)
        return BoomiAuditLogSource.builder().baseUrl(sim.baseUrl()).accountId(sim.accountId())
                .credentials(BoomiSimulator.DEFAULT_USER, BoomiSimulator.DEFAULT_PASSWORD).parallelism(1);
    }

    /** @param registry null for the default, {@link RateLimitRegistry#shared()} */
    private BoomiAuditLogSource source(BoomiSimulator sim, RateLimitRegistry registry) {
        BoomiSourceBuilder b = builder(sim);
        if (registry != null) {
            b.rateLimits(registry);
        }
        BoomiAuditLogSource source = b.build();
        sources.add(source);
        return source;
    }

    private static List<List<String>> readConcurrently(BoomiAuditLogSource... sources) {
        List<CompletableFuture<List<String>>> reads = new ArrayList<>();
        for (BoomiAuditLogSource s : sources) {
            reads.add(CompletableFuture.supplyAsync(() -> read(s.fetch(AuditLogQuery.builder().from(FROM).to(TO).build()))));
        }
        return reads.stream().map(CompletableFuture::join).collect(Collectors.toList());
    }

    private static List<String> read(AuditLogStream<BoomiAuditEntry> stream) {
        try (stream) {
            return stream.stream().map(BoomiAuditEntry::id).collect(Collectors.toList());
        }
    }
}
