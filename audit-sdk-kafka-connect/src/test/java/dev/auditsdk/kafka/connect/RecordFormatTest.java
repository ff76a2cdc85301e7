package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordFormatTest {

    @Test
    void namesParseInAnyCaseAndUnknownOnesListTheValidOnes() {
        assertThat(RecordFormat.parse(" OCSF ")).isEqualTo(RecordFormat.OCSF);
        assertThat(RecordFormat.names()).containsExactly("ocsf", "ndjson", "raw");
        assertThatThrownBy(() -> RecordFormat.parse("xml")).hasMessage("unknown format 'xml', expected one of ocsf, ndjson, raw");
    }
}
