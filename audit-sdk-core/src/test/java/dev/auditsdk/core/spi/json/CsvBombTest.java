package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.Bombs.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSV records too large to hold end in {@link AuditDataException} naming the limit, never in
 * an {@link OutOfMemoryError}: run with a 64 MB heap (the {@code bomb-tests} execution of the
 * module's surefire configuration).
 */
class CsvBombTest {

    @BeforeAll
    static void smallHeap() {
        Bombs.requireSmallHeap();
    }

    @Test
    void aRecordOfSixtyMillionSeparatorsFailsFastOnMaxCsvFields() {
        TestStreams.Tracking body = new TestStreams.Tracking(Bombs.text("a\n", ",", 60_000_000, "\n"));

        try (CsvReader<Map<String, String>> rows = CsvReader.rows(body)) {
            assertThatThrownBy(rows::next)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessage("the number of fields of the CSV record starting at line 2 exceeds ReadLimits.maxCsvFields (10000); "
                            + "raise it with ReadLimits.builder().maxCsvFields(...) passed to the source builder's limits(...)")
                    .extracting(e -> ((AuditDataException) e).line()).isEqualTo(2L);
        }
        assertThat(body.bytesRead).isLessThan(MiB);
    }

    @Test
    void separatorsCountTowardsMaxCsvRecordChars() {
        ReadLimits limits = ReadLimits.builder().maxCsvFields(Integer.MAX_VALUE).maxCsvRecordChars(1 << 20).build();

        try (CsvReader<Map<String, String>> rows = CsvReader.rows(Bombs.text("a\n", ",", 60_000_000, "\n"), limits)) {
            assertThatThrownBy(rows::next)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageStartingWith("the CSV record starting at line 2 (an unterminated quote?) exceeds "
                            + "ReadLimits.maxCsvRecordChars (1048576)");
        }
    }

    @Test
    void anUnterminatedQuoteFailsOnMaxCsvRecordCharsWithTheDefaults() {
        try (CsvReader<Map<String, String>> rows = CsvReader.rows(Bombs.text("a\n\"", "x", 512 * MiB, ""))) {
            assertThatThrownBy(rows::next)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("exceeds ReadLimits.maxCsvRecordChars (4194304)");
        }
    }

    @Test
    void aHugeHeaderFailsOnMaxCsvFields() {
        try (CsvReader<Map<String, String>> rows = CsvReader.rows(Bombs.text("", "c,", 60_000_000, "c\n1\n"))) {
            assertThatThrownBy(rows::header)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageStartingWith("the number of fields of the CSV record starting at line 1 exceeds ReadLimits.maxCsvFields");
        }
    }
}
