package dev.auditsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void readsInstantsDatesAgesAndNow() {
        assertThat(TimeArgument.parse("2026-01-31T12:00:00Z", CLOCK)).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(TimeArgument.parse("2026-01-31T12:00:00+02:00", CLOCK)).isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
        assertThat(TimeArgument.parse("2026-01-31", CLOCK)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(TimeArgument.parse("now", CLOCK)).isEqualTo(NOW);
        assertThat(TimeArgument.parse("24h", CLOCK)).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(TimeArgument.parse("7d", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(TimeArgument.parse("2w", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(14)));
        assertThat(TimeArgument.parse("30m", CLOCK)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(TimeArgument.parse("P1D", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void rejectsATimeWithoutZone() {
        assertThatThrownBy(() -> TimeArgument.parse("2026-01-31T12:00:00", CLOCK)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("use an ISO instant with Z or an offset");
    }

    @Test
    void durationsForTheInterval() {
        DurationArgument d = new DurationArgument();
        assertThat(d.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(d.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(d.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> d.convert("0s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> d.convert("soon")).isInstanceOf(TypeConversionException.class);
    }
}
