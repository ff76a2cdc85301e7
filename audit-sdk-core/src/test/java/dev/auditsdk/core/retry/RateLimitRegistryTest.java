package dev.auditsdk.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitRegistryTest {

    @Test
    void sourcesOfOneDomainGetOneLimiterAndOtherDomainsTheirOwn() {
        RateLimitRegistry registry = new RateLimitRegistry();

        RateLimitRegistry.Limiter a = registry.limiter("boomi:https://api.boomi.com/acme", 10);

        assertThat(registry.limiter("boomi:https://api.boomi.com/acme", 10)).isSameAs(a);
        assertThat(registry.limiter("boomi:https://api.boomi.com/globex", 10)).isNotSameAs(a);
        assertThat(new RateLimitRegistry().limiter("boomi:https://api.boomi.com/acme", 10)).isNotSameAs(a);
        assertThat(RateLimitRegistry.shared()).isSameAs(RateLimitRegistry.shared());
    }

    @Test
    void theFirstRateOfADomainHoldsForEverySourceSharingIt() {
        RateLimitRegistry registry = new RateLimitRegistry();
        registry.limiter("d", 9);

        assertThat(registry.limiter("d", 20).requestsPerSecond()).isEqualTo(9);
    }

    @Test
    void aLimiterSpacesPermitsAcrossItsHolders() throws InterruptedException {
        RateLimitRegistry.Limiter limiter = new RateLimitRegistry().limiter("d", 20);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        // 10 gaps of 50 ms after the first permit
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450);
    }

    @Test
    void aRateThatIsNotPositiveIsRejected() {
        assertThatThrownBy(() -> new RateLimitRegistry().limiter("d", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RateLimitRegistry.unshared(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
