package dev.auditsdk.core.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {
    private static final Instant NOW = Instant.parse("2026-12-03T11:00:00Z");

    @Test
    void lifetimesWithinTheBoundsPassUnchangedAndUnlogged() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(TokenLifetime.clamp(Duration.ofMinutes(5), "x expires_in")).isEqualTo(Duration.ofMinutes(5));
            assertThat(TokenLifetime.clamp(TokenLifetime.MIN, "x expires_in")).isEqualTo(TokenLifetime.MIN);
            assertThat(TokenLifetime.clamp(TokenLifetime.MAX, "x expires_in")).isEqualTo(TokenLifetime.MAX);
            assertThat(log.text()).doesNotContain("x expires_in");
        }
    }

    @Test
    void zeroAndNegativeLifetimesBecomeThirtySecondsWithOneLogLine() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(TokenLifetime.ofSeconds(0, "jitterbit sessionTimeoutInSeconds")).isEqualTo(Duration.ofSeconds(30));
            assertThat(log.text()).containsOnlyOnce("jitterbit sessionTimeoutInSeconds: the server-sent lifetime of 0 s"
                    + " is shorter than the minimum; using 30 s");
        }
        assertThat(TokenLifetime.ofSeconds(-5, "x")).isEqualTo(TokenLifetime.MIN);
        assertThat(TokenLifetime.ofSeconds(Long.MIN_VALUE, "x")).isEqualTo(TokenLifetime.MIN);
    }

    @Test
    void hugeLifetimesBecomeADayWithoutOverflow() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(TokenLifetime.ofSeconds(Long.MAX_VALUE, "uipath expires_in")).isEqualTo(Duration.ofHours(24));
            assertThat(log.text()).containsOnlyOnce("uipath expires_in: the server-sent lifetime of "
                    + Long.MAX_VALUE + " s is longer than the maximum; using 86400 s");
        }
    }

    @Test
    void expiriesAreClampedRelativeToWhenTheyWereReceived() {
        assertThat(TokenLifetime.clampExpiry(NOW.plusSeconds(600), NOW, "x exp")).isEqualTo(NOW.plusSeconds(600));
        assertThat(TokenLifetime.clampExpiry(NOW.minus(Duration.ofDays(3)), NOW, "x exp")).isEqualTo(NOW.plusSeconds(30));
        assertThat(TokenLifetime.clampExpiry(Instant.MAX, NOW, "x exp")).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(TokenLifetime.clampExpiry(Instant.MIN, NOW, "x exp")).isEqualTo(NOW.plusSeconds(30));
    }
}
