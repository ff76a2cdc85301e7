package dev.auditsdk.cli.chaos;

import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.testkit.Chaos;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The numbers of the chaos suite, in one place: the range read, where the data lies in it, the
 * fault mode, and the client settings that keep a run fast (short body-read timeout, short
 * backoffs; stalls a little longer than that timeout so that they trip it).
 */
final class ChaosSettings {
    /** The chaos seeds every API is read with. */
    static final long[] SEEDS = {1, 2, 3};
    /** About one request in five fails. */
    static final double RATE = 0.2;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The range read, {@code [FROM, TO)}: fifteen days, holding all the data. */
    static final Instant FROM = NOW.minus(Duration.ofDays(15));
    static final Instant TO = NOW;
    /** The simulators' data: two weeks, ending an hour ago (no entry on a range edge). */
    static final Instant DATA_FROM = NOW.minus(Duration.ofDays(14)).minus(Duration.ofHours(1));
    static final Instant DATA_TO = NOW.minus(Duration.ofHours(1));
    /** The fewest entries an API's simulator holds in the range (several pages of each). */
    static final int MIN_ENTRIES = 200;

    /** The SDK's body-read timeout in the SDK runs. */
    static final Duration BODY_READ_TIMEOUT = Duration.ofMillis(300);
    /** A stall: longer than {@link #BODY_READ_TIMEOUT}, so the SDK runs see an idle body. */
    static final Duration STALL = Duration.ofMillis(600);
    /** A slow answer: gaps of a quarter of it (50 ms), well within every timeout. */
    static final Duration SLOW = Duration.ofMillis(200);
    /** Interval of export status polls (Jitterbit, Boomi staging). */
    static final Duration POLL = Duration.ofMillis(10);

    private ChaosSettings() {
    }

    /**
     * @return the fault mode for one seed of one API: every kind, plus the vendor's own throttle
     *     answers; the API is mixed into the random seed so that the APIs do not all meet the same
     *     sequence of faults
     */
    static Chaos chaos(long seed, ChaosApi api, ChaosTarget target) {
        Chaos.Builder b = Chaos.builder().seed(seed * 1_000 + api.ordinal()).rate(RATE).stall(STALL).slow(SLOW);
        target.throttles.forEach(b::throttle);
        return b.build();
    }

    /**
     * @param requestsPerSecond the vendor's published rate limit, or 0 for none
     * @return the retry policy of the SDK runs: the default number of attempts (5), short backoffs
     */
    static RetryPolicy retryPolicy(double requestsPerSecond) {
        RetryPolicy.Builder b = RetryPolicy.builder().maxAttempts(5)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .maxRetryAfter(Duration.ofSeconds(2))
                .overallDeadline(Duration.ofSeconds(60));
        return requestsPerSecond > 0 ? b.rateLimitPerSecond(requestsPerSecond).build() : b.build();
    }

    /** @return the builder with the SDK runs' timeouts and retry policy */
    static <B extends AbstractSourceBuilder<B>> B tuned(B builder, double requestsPerSecond) {
        return builder.retryPolicy(retryPolicy(requestsPerSecond))
                .bodyReadTimeout(BODY_READ_TIMEOUT)
                .requestTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(2));
    }
}
