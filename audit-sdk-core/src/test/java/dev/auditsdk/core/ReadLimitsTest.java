package dev.auditsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReadLimitsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        ReadLimits limits = ReadLimits.defaults();

        assertThat(limits.maxDecompressedBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
        assertThat(limits.maxDecompressionRatio()).isEqualTo(1000);
        assertThat(limits.maxTreeBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(limits.maxNestingDepth()).isEqualTo(256);
        assertThat(limits.maxCsvFields()).isEqualTo(10_000);
        assertThat(limits.maxCsvRecordChars()).isEqualTo(4 * 1024 * 1024);
        assertThat(limits.maxPagesWithoutProgress()).isEqualTo(100);
        assertThat(ReadLimits.builder().build()).isEqualTo(limits);
    }

    @Test
    void everyLimitCanBeRaisedAndToBuilderKeepsTheOthers() {
        ReadLimits raised = ReadLimits.builder()
                .maxDecompressedBytes(1L << 40)
                .maxDecompressionRatio(5000)
                .maxTreeBytes(64 << 20)
                .maxNestingDepth(2000)
                .maxCsvFields(50_000)
                .maxCsvRecordChars(32 << 20)
                .maxPagesWithoutProgress(1000)
                .build();

        assertThat(raised.maxDecompressedBytes()).isEqualTo(1L << 40);
        assertThat(raised.maxDecompressionRatio()).isEqualTo(5000);
        assertThat(raised.maxTreeBytes()).isEqualTo(64 << 20);
        assertThat(raised.maxNestingDepth()).isEqualTo(2000);
        assertThat(raised.maxCsvFields()).isEqualTo(50_000);
        assertThat(raised.maxCsvRecordChars()).isEqualTo(32 << 20);
        assertThat(raised.maxPagesWithoutProgress()).isEqualTo(1000);

        ReadLimits oneChanged = raised.toBuilder().maxTreeBytes(1 << 20).build();
        assertThat(oneChanged.maxTreeBytes()).isEqualTo(1 << 20);
        assertThat(oneChanged.toBuilder().maxTreeBytes(64 << 20).build()).isEqualTo(raised);
        assertThat(raised).isNotEqualTo(ReadLimits.defaults());
    }

    @Test
    void equalLimitsAreEqualWithEqualHashCodesAndPrintEveryLimit() {
        ReadLimits a = ReadLimits.builder().maxTreeBytes(1 << 20).build();
        ReadLimits b = ReadLimits.defaults().toBuilder().maxTreeBytes(1 << 20).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(ReadLimits.defaults());
        assertThat(a.toString()).isEqualTo("ReadLimits{maxDecompressedBytes=8589934592, maxDecompressionRatio=1000, "
                + "maxTreeBytes=1048576, maxNestingDepth=256, maxCsvFields=10000, maxCsvRecordChars=4194304, "
                + "maxPagesWithoutProgress=100}");
    }

    @Test
    void aNonPositiveLimitIsRejectedByName() {
        assertRejected("maxDecompressedBytes", b -> b.maxDecompressedBytes(0));
        assertRejected("maxDecompressionRatio", b -> b.maxDecompressionRatio(-1));
        assertRejected("maxTreeBytes", b -> b.maxTreeBytes(0));
        assertRejected("maxNestingDepth", b -> b.maxNestingDepth(0));
        assertRejected("maxCsvFields", b -> b.maxCsvFields(-5));
        assertRejected("maxCsvRecordChars", b -> b.maxCsvRecordChars(0));
        assertRejected("maxPagesWithoutProgress", b -> b.maxPagesWithoutProgress(0));
    }

    private static void assertRejected(String limit, Consumer<ReadLimits.Builder> setter) {
        assertThatThrownBy(() -> setter.accept(ReadLimits.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ReadLimits." + limit + " must be positive, was ");
    }

    @Test
    void exceededNamesTheLimitItsValueAndHowToRaiseIt() {
        AuditDataException e = ReadLimits.exceeded("maxPagesWithoutProgress", 100, "the Boomi query (100 pages without a new entry)");

        assertThat(e).hasMessage("the Boomi query (100 pages without a new entry) exceeds ReadLimits.maxPagesWithoutProgress (100); "
                + "raise it with ReadLimits.builder().maxPagesWithoutProgress(...) passed to the source builder's limits(...)");
        assertThat(e.line()).isEqualTo(-1);
        assertThat(ReadLimits.exceeded("maxCsvFields", 10, "a record", 7, 120).line()).isEqualTo(7);
        assertThat(ReadLimits.exceeded("maxCsvFields", 10, "a record", 7, 120).offset()).isEqualTo(120);
    }
}
