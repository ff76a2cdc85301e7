package dev.auditsdk.jitterbit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JitterbitTimeTest {
    private final JitterbitTime berlin = new JitterbitTime(ZoneId.of("Europe/Berlin"));

    @Test
    void parsesEveryKnownForm() {
        Instant t = Instant.parse("2024-01-20T00:00:01.500Z");
        assertThat(berlin.parse("time", "2024-01-20T01:00:01.500+01:00")).isEqualTo(t);
        assertThat(berlin.parse("time", "2024-01-20T00:00:01.500Z")).isEqualTo(t);
        assertThat(berlin.parse("time", "2024-01-20T01:00:01.500+0100")).isEqualTo(t);
        assertThat(berlin.parse("time", "2024-01-20 01:00:01.5 +0100")).isEqualTo(t);
        assertThat(berlin.parse("time", "2024-01-20 00:00:01.5 Z")).isEqualTo(t);
        assertThat(berlin.parse("time", "01/20/2024 01:00:01 +0100")).isEqualTo(t.minusMillis(500));
        assertThat(berlin.parse("time", "01/20/2024 01:00:01.5 +0100")).isEqualTo(t);
        assertThat(berlin.parse("time", "2024-01-20T01:00:01.500")).isEqualTo(t);
        assertThat(berlin.parse("time", "01/20/2024 01:00:01")).isEqualTo(t.minusMillis(500));
        assertThat(berlin.parse("time", " 1705708801500 ")).isEqualTo(t);
        assertThat(berlin.parse(1705708801500L)).isEqualTo(t);
    }

    @Test
    void switchesFormWhenTheFileDoes() {
        assertThat(berlin.parse("time", "2024-01-20T00:00:00Z")).isEqualTo(Instant.parse("2024-01-20T00:00:00Z"));
        assertThat(berlin.parse("time", "01/20/2024 00:00:00 +0000")).isEqualTo(Instant.parse("2024-01-20T00:00:00Z"));
        assertThat(berlin.parse("time", "2024-01-21T00:00:00Z")).isEqualTo(Instant.parse("2024-01-21T00:00:00Z"));
    }

    @Test
    void anythingElseIsADataErrorNamingTheField() {
        assertThatThrownBy(() -> berlin.parse("time", "20th of January")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'time'").hasMessageContaining("20th of January");
        assertThatThrownBy(() -> berlin.parse("time", "13/40/2024 00:00:00 +0000")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'time'").hasMessageContaining("MM/dd/yyyy");
        assertThatThrownBy(() -> berlin.parse("time", " ")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("'time'");
    }
}
