package dev.auditsdk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void parsesNamesInAnyCaseAndListsTheValidOnes() {
        assertThat(OutputFormat.parse("NDJSON")).isEqualTo(OutputFormat.NDJSON);
        assertThat(OutputFormat.parse(" csv ")).isEqualTo(OutputFormat.CSV);
        assertThatThrownBy(() -> OutputFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'xml', expected one of ndjson, raw, ocsf, csv");
    }
}
