package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsUnitsPlainSecondsAndIso() {
        assertThat(Durations.parse("500ms", false)).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse(" 60s ", false)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("5m", false)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1H", false)).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("90", false)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT2M", false)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("14d", false)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void zeroOnlyWhereAllowedAndNeverNegative() {
        assertThat(Durations.parse("0s", true)).isZero();
        assertThatThrownBy(() -> Durations.parse("0s", false)).hasMessage("'0s' must be a positive duration");
        assertThatThrownBy(() -> Durations.parse("PT-1S", true)).hasMessage("'PT-1S' must be a positive duration");
    }

    @Test
    void garbageSaysWhichFormsAreAccepted() {
        assertThatThrownBy(() -> Durations.parse("soon", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'soon' is not a duration: use 500ms, 60s, 5m, 1h, 1d or PT1M");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999", true)).hasMessageContaining("too large");
    }
}
