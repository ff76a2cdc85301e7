package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text form of {@link StagedArchiveFormat}: every part read, bad parts named. */
class StagedArchiveFormatTest {

    @Test
    void autoIsTheDefaultLayout() {
        assertThat(StagedArchiveFormat.of("auto")).isEqualTo(StagedArchiveFormat.AUTO);
        assertThat(StagedArchiveFormat.of(" AUTO ")).isEqualTo(StagedArchiveFormat.AUTO);
        assertThat(StagedArchiveFormat.AUTO.container()).isEqualTo(StagedArchiveFormat.Container.AUTO);
        assertThat(StagedArchiveFormat.AUTO.records()).isEqualTo(StagedArchiveFormat.Records.AUTO);
    }

    @Test
    void containerAndRecordsAreReadInEitherOrder() {
        StagedArchiveFormat f = StagedArchiveFormat.of("json-lines+GZIP");
        assertThat(f.container()).isEqualTo(StagedArchiveFormat.Container.GZIP);
        assertThat(f.records()).isEqualTo(StagedArchiveFormat.Records.JSON_LINES);
        assertThat(f).isEqualTo(StagedArchiveFormat.of(StagedArchiveFormat.Container.GZIP,
                StagedArchiveFormat.Records.JSON_LINES));
    }

    @Test
    void anEnvelopeKeepsItsFieldAsWritten() {
        StagedArchiveFormat f = StagedArchiveFormat.of("zip+envelope:auditLogs");
        assertThat(f.records()).isEqualTo(StagedArchiveFormat.Records.ENVELOPE);
        assertThat(f.arrayField()).isEqualTo("auditLogs");
        assertThat(f).isEqualTo(StagedArchiveFormat.envelope(StagedArchiveFormat.Container.ZIP, "auditLogs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "zip", "gzip+json-lines", "none+json-array", "json-lines", "zip+envelope:auditLogs"})
    void theTextFormReadsBack(String text) {
        assertThat(StagedArchiveFormat.of(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar", "zip+gzip", "json-lines+json-array", "envelope:", "zip+", "csv"})
    void anythingElseIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> StagedArchiveFormat.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archiveFormat")
                .hasMessageContaining(text);
    }

    @Test
    void anEnvelopeNeedsItsField() {
        assertThatThrownBy(() -> StagedArchiveFormat.of(StagedArchiveFormat.Container.ZIP, StagedArchiveFormat.Records.ENVELOPE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array field");
        assertThatThrownBy(() -> StagedArchiveFormat.envelope(StagedArchiveFormat.Container.ZIP, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
