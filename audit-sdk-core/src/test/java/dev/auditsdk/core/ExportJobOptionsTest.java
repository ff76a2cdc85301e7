package dev.auditsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One validated value for how a source waits for export jobs. */
class ExportJobOptionsTest {

    @Test
    void defaultsAndSettersKeepWhatWasGiven() {
        ExportJobOptions options = ExportJobOptions.builder().pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(20))
                .deadline(Duration.ofMinutes(45)).build();

        assertThat(options.pollInitial()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.pollMax()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.deadline()).isEqualTo(Duration.ofMinutes(45));
        assertThat(ExportJobOptions.builder().build()).isEqualTo(
                ExportJobOptions.defaults(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(30)));
        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options).hasToString("ExportJobOptions{poll=PT2S..PT20S, deadline=PT45M}");
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> ExportJobOptions.builder().pollInterval(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pollInterval: need 0 < initial <= max");
        assertThatThrownBy(() -> ExportJobOptions.builder().pollInterval(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5S, PT1S");
        assertThatThrownBy(() -> ExportJobOptions.builder().deadline(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("deadline must be positive, was PT-1S");
        assertThatThrownBy(() -> ExportJobOptions.builder().deadline(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("deadline");
    }
}
