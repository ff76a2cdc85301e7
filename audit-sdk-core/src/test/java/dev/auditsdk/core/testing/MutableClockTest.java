package dev.auditsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-03-01T12:05:00Z").toEpochMilli());
        clock.advance(Duration.ofMinutes(-10));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T11:55:00Z"));
    }

    @Test
    void isUtcAndKeepsItsInstantInAnyZone() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        clock.withZone(ZoneId.of("Asia/Tokyo"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).instant()).isEqualTo(Instant.ofEpochSecond(1));
        assertThatThrownBy(() -> new MutableClock(null)).isInstanceOf(NullPointerException.class).hasMessage("start");
    }
}
