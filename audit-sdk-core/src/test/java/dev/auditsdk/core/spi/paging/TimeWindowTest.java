package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    void utcDaysClipsTheFirstAndLastDayToTheRange() {
        assertThat(TimeWindow.utcDays(at("2026-01-01T10:00:00Z"), at("2026-01-03T05:00:00Z"), 1)).containsExactly(
                TimeWindow.of(at("2026-01-01T10:00:00Z"), at("2026-01-02T00:00:00Z")),
                TimeWindow.of(at("2026-01-02T00:00:00Z"), at("2026-01-03T00:00:00Z")),
                TimeWindow.of(at("2026-01-03T00:00:00Z"), at("2026-01-03T05:00:00Z")));
    }

    @Test
    void utcDaysGroupsSeveralDaysPerWindow() {
        assertThat(TimeWindow.utcDays(at("2026-01-01T00:00:00Z"), at("2026-01-06T00:00:00Z"), 2)).containsExactly(
                TimeWindow.of(at("2026-01-01T00:00:00Z"), at("2026-01-03T00:00:00Z")),
                TimeWindow.of(at("2026-01-03T00:00:00Z"), at("2026-01-05T00:00:00Z")),
                TimeWindow.of(at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z")));
    }

    @Test
    void splitCutsIntoFixedLengthsAndAShorterLastWindow() {
        assertThat(TimeWindow.split(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:25:00Z"), Duration.ofMinutes(10)))
                .containsExactly(
                        TimeWindow.of(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:10:00Z")),
                        TimeWindow.of(at("2026-01-01T00:10:00Z"), at("2026-01-01T00:20:00Z")),
                        TimeWindow.of(at("2026-01-01T00:20:00Z"), at("2026-01-01T00:25:00Z")));
        assertThat(TimeWindow.split(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void anEmptyOrInvertedWindowIsRejected() {
        assertThatThrownBy(() -> TimeWindow.of(at("2026-01-02T00:00:00Z"), at("2026-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
        assertThat(TimeWindow.of(at("2026-01-01T00:00:00Z"), at("2026-01-02T00:00:00Z")))
                .hasToString("[2026-01-01T00:00:00Z, 2026-01-02T00:00:00Z)");
    }

    @Test
    void containsIsHalfOpen() {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        TimeWindow w = TimeWindow.of(start, start.plusSeconds(10));
        assertThat(w.contains(start)).isTrue();
        assertThat(w.contains(start.plusSeconds(10).minusNanos(1))).isTrue();
        assertThat(w.contains(start.plusSeconds(10))).isFalse();
        assertThat(w.contains(start.minusNanos(1))).isFalse();
    }
}
