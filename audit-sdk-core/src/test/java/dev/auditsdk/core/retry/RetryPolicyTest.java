package dev.auditsdk.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void defaultsRetryTheDocumentedStatuses() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.retryableStatuses()).containsExactlyInAnyOrder(408, 429, 500, 502, 503, 504);
        assertThat(p.isRetryable(400)).isFalse();
        assertThat(p.retryOnIoErrors()).isTrue();
        assertThat(p.rateLimitPerSecond()).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyAndIsCapped() {
        RetryPolicy p = RetryPolicy.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(700)).build();
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(p.backoff(60)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void invalidArgumentsNameTheField() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().retryableStatuses(Set.of(200))).hasMessageContaining("200");
        assertThatThrownBy(() -> RetryPolicy.builder().rateLimitPerSecond(0)).hasMessageContaining("rateLimitPerSecond");
        assertThatThrownBy(() -> RetryPolicy.builder().overallDeadline(Duration.ZERO)).hasMessageContaining("overallDeadline");
    }

    @Test
    void toBuilderKeepsValues() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(9).rateLimitPerSecond(10).retryableStatuses(Set.of(503)).build();
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(p.toBuilder().noRateLimit().build().rateLimitPerSecond()).isEmpty();
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void jitteredBackoffStaysWithinTheJitterAroundTheBackoff() {
        RetryPolicy p = RetryPolicy.builder().backoff(java.time.Duration.ofMillis(1000), java.time.Duration.ofSeconds(20))
                .jitter(0.2).build();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            long ms = p.jitteredBackoff(2).toMillis();
            assertThat(ms).isBetween(1600L, 2400L);
            seen.add(ms);
        }
        assertThat(seen.size()).isGreaterThan(1);
        RetryPolicy exact = p.toBuilder().jitter(0).build();
        assertThat(exact.jitteredBackoff(3)).isEqualTo(java.time.Duration.ofMillis(4000));
    }
}
