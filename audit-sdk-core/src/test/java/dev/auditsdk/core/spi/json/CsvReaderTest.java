package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.error.AuditDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.auditsdk.core.ReadLimits;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static final class ApiLog {
        @JsonProperty("requestid")
        String requestId;
        @JsonProperty("statuscode")
        int statusCode;
    }

    private static <T> List<T> readAll(CsvReader<T> reader) {
        List<T> out = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void parsesQuotedCommasDoubledQuotesAndEmbeddedNewlines() {
        String csv = "\uFEFFtime,apiname,message\r\n"
                + "2024-01-01T00:00:00Z,\"orders, v2\",\"said \"\"hi\"\"\"\r\n"
                + "2024-01-01T00:00:01Z,plain,\"line one\r\nline two\nline three\"\r\n"
                + "2024-01-01T00:00:02Z,,\"\"\r\n";
        CsvReader<Map<String, String>> reader = CsvReader.rows(utf8(csv));
        assertThat(reader.header()).containsExactly("time", "apiname", "message");
        List<Map<String, String>> rows = readAll(reader);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("apiname", "orders, v2").containsEntry("message", "said \"hi\"");
        assertThat(rows.get(1)).containsEntry("message", "line one\r\nline two\nline three");
        assertThat(rows.get(2)).containsEntry("apiname", "").containsEntry("message", "");
        assertThat(rows.get(0).keySet()).containsExactly("time", "apiname", "message");
    }

    @Test
    void acceptsLfLineEndsNoFinalNewlineAndEmptyLines() {
        List<Map<String, String>> rows = readAll(CsvReader.rows(utf8("a,b\n\n1,2\n\n3,\n4,5")));
        assertThat(rows).extracting(r -> r.get("a") + "|" + r.get("b")).containsExactly("1|2", "3|", "4|5");
    }

    @Test
    void aWrongColumnCountNamesTheRecordsLineCountingEmbeddedNewlines() {
        String csv = "a,b\n1,\"x\ny\"\n2,3\n4,5,6\n";
        CsvReader<Map<String, String>> reader = CsvReader.rows(utf8(csv));
        reader.next();
        reader.next();
        assertThat(reader.lineNumber()).isEqualTo(4);
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessageContaining("line 5").hasMessageContaining("3 fields").hasMessageContaining("header has 2");
    }

    @Test
    void anUnterminatedQuoteNamesTheLineWhereTheRecordStarts() {
        String csv = "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n";
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8(csv))))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("line 3").hasMessageContaining("unterminated");
    }

    @Test
    void textAfterAClosingQuoteAndDuplicateHeadersAreErrors() {
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a,b\n\"1\"x,2\n"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a,a\n1,2\n"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("repeats the column 'a'");
    }

    @Test
    void anEmptyBodyHasNoRows() {
        CsvReader<Map<String, String>> reader = CsvReader.rows(utf8(""));
        assertThat(reader.hasNext()).isFalse();
        assertThat(reader.header()).isEmpty();
    }

    @Test
    void mapsRowsToATypeOrToJsonObjects() {
        String csv = "requestid,statuscode\nr1,200\nr2,503\n";
        assertThat(readAll(CsvReader.of(utf8(csv), ApiLog.class)))
                .extracting(l -> l.requestId + ":" + l.statusCode).containsExactly("r1:200", "r2:503");
        List<ObjectNode> nodes = readAll(CsvReader.nodes(utf8(csv)));
        assertThat(nodes.get(1).get("statuscode").asText()).isEqualTo("503");
        assertThatThrownBy(() -> readAll(CsvReader.of(utf8("requestid,statuscode\nr1,abc\n"), ApiLog.class)))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void closingTheReaderClosesTheStream() {
        TestStreams.Tracking body = new TestStreams.Tracking(utf8("a\n1\n"));
        CsvReader<Map<String, String>> reader = CsvReader.rows(body);
        reader.next();
        reader.close();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aRecordWithMoreThanMaxCsvFieldsFailsNamingTheLimit() {
        ReadLimits three = ReadLimits.builder().maxCsvFields(3).build();

        assertThat(readAll(CsvReader.rows(utf8("a,b,c\n1,2,3\n"), three))).hasSize(1);
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a,b,c\n1,2,3\n1,2,3,,,,\n"), three)))
                .isInstanceOf(AuditDataException.class)
                .hasMessage("the number of fields of the CSV record starting at line 3 exceeds ReadLimits.maxCsvFields (3); "
                        + "raise it with ReadLimits.builder().maxCsvFields(...) passed to the source builder's limits(...)");
    }

    @Test
    void maxCsvRecordCharsCountsEveryCharacterOfTheRecordSeparatorsAndQuotesIncluded() {
        ReadLimits ten = ReadLimits.builder().maxCsvRecordChars(10).build();

        assertThat(readAll(CsvReader.rows(utf8("abcdefghij\n\"x,\"\"y\"\n"), ten))).hasSize(1);
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a\n,,,,,,,,,,,\n"), ten)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the CSV record starting at line 2 (an unterminated quote?) exceeds "
                        + "ReadLimits.maxCsvRecordChars (10)");
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a\n\"x\"\"\"\"\"\"\"\"\"\n"), ten)))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("ReadLimits.maxCsvRecordChars (10)");
        assertThatThrownBy(() -> readAll(CsvReader.rows(utf8("a\n,,,,,,,,,,\n"), ten)))
                .isInstanceOf(AuditDataException.class)
                .hasMessage("CSV record at line 2 has 11 fields but the header has 1");
    }
}
