package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import dev.auditsdk.core.ReadLimits;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.util.Json;

class JsonLinesReaderTest {

    static final class Event {
        @JsonProperty
        String type;
        @JsonProperty
        int size;
    }

    private static <T> List<T> readAll(JsonLinesReader<T> reader) {
        List<T> out = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void readsOneValuePerLineSkippingBlankLinesWithCrlfAndBom() {
        JsonLinesReader<JsonNode> reader = JsonLinesReader.nodes(utf8("\uFEFF{\"n\":1}\r\n\r\n  \n{\"n\":2}\n{\"n\":3}"));
        assertThat(reader.next().get("n").asInt()).isEqualTo(1);
        assertThat(reader.lineNumber()).isEqualTo(1);
        assertThat(reader.next().get("n").asInt()).isEqualTo(2);
        assertThat(reader.lineNumber()).isEqualTo(4);
        assertThat(reader.next().get("n").asInt()).isEqualTo(3);
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void ofLinesHandsTheMapperEachLinesBytesWithoutLineBreakOrSurroundingSpaces() {
        // the second line spans many buffer refills, the last one has no line break
        String longLine = "{\"n\":2,\"pad\":\"" + "\u00e9".repeat(20_000) + "\"}";
        JsonLinesReader<String> reader = JsonLinesReader.ofLines(utf8("\uFEFF {\"n\":1}\t\r\n\n" + longLine + "\n{\"n\":3}"),
                (value, line, offset, length) -> Json.mapper().readValue(value, JsonNode.class).get("n").asInt() + "="
                        + new String(line, offset, length, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(readAll(reader)).containsExactly("1={\"n\":1}", "2=" + longLine, "3={\"n\":3}");
    }

    @Test
    void ofLinesReportsAFailingMapperWithTheLineNumber() {
        JsonLinesReader<String> reader = JsonLinesReader.ofLines(utf8("{\"n\":1}\n{\"n\":2}\n"),
                (value, line, offset, length) -> {
                    throw new IllegalArgumentException("no n in " + new String(line, offset, length, java.nio.charset.StandardCharsets.UTF_8));
                });
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("no n in {\"n\":1}");
    }

    @Test
    void ofLinesReportsWhatTheMappersParserRejectsAsAMalformedLine() {
        JsonLinesReader<String> reader = JsonLinesReader.ofLines(utf8("{\"n\":1}\n{\"n\":\n"),
                (value, line, offset, length) -> Json.mapper().readValue(value, JsonNode.class).toString());

        assertThat(reader.next()).isEqualTo("{\"n\":1}");
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("malformed JSON Lines input at line 2")
                .hasMessageContaining("the line starts with: {\"n\":");
    }

    @Test
    void anHtmlLineRaisesADataErrorNamingTheLineWithAShortExcerpt() {
        String body = "{\"n\":1}\n{\"n\":2}\n<html><body>Service Unavailable, try again later, a long page follows "
                + "x".repeat(500) + "</body></html>\n";
        JsonLinesReader<JsonNode> reader = JsonLinesReader.nodes(utf8(body));
        reader.next();
        reader.next();
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("line 3")
                .hasMessageContaining("<html><body>Service Unavailable")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void aLineWithTrailingContentOrATruncatedValueIsMalformed() {
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1} {\"b\":2}\n"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1}\n{\"b\":"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("line 2");
    }

    @Test
    void aValueMustFillItsLineExactly() {
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1}\n{\"a\":\n2}\n{\"a\":3}\n"))))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("does not end on its line");
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1}\n{\"a\":2} x\n{\"a\":3}\n"))))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("more than one JSON value, or text after the value");
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1}\n{\"a\":2}{\"a\":3}\n"))))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8("{\"a\":1}\n\"cut\n{\"a\":3}\n"))))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void readsEveryLineAcrossManyBufferRefillsWhateverTheLineLengths() {
        StringBuilder body = new StringBuilder();
        int lines = 20_000;
        for (int i = 0; i < lines; i++) {
            // lengths from 9 to ~1,000 bytes, so lines straddle the 16 KB buffer at every offset
            body.append("{\"n\":").append(i).append(",\"p\":\"").append("\u00e9x".repeat(i * 7919 % 330)).append("\"}")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 1000 == 0) {
                body.append("\n \f\n"); // blank lines, one of them blank only to Java (form feed), not to JSON
            }
        }
        List<JsonNode> nodes = readAll(JsonLinesReader.nodes(utf8(body.toString())));

        assertThat(nodes).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(nodes.get(i).get("n").asInt()).isEqualTo(i);
            assertThat(nodes.get(i).get("p").textValue()).hasSize(2 * (i * 7919 % 330));
        }
    }

    @Test
    void everyJsonValueIsALineIncludingNullAndScalars() {
        List<JsonNode> nodes = readAll(JsonLinesReader.nodes(utf8("null\n[1,2]\n\"x\"\n7\n{}\n-1.5  \n8")));
        assertThat(nodes).extracting(JsonNode::asText).endsWith("-1.5", "8");
        assertThat(nodes.subList(0, 5)).extracting(JsonNode::getNodeType).containsExactly(
                com.fasterxml.jackson.databind.node.JsonNodeType.NULL, com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY,
                com.fasterxml.jackson.databind.node.JsonNodeType.STRING, com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER,
                com.fasterxml.jackson.databind.node.JsonNodeType.OBJECT);
    }

    @Test
    void theExcerptOfABadLineNeverShowsASecret() {
        String body = "{\"user\":\"admin\",\"password\":\"hunter2-SECRET\",broken\n";
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8(body))))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("\"password\":\"***\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void mapsLinesToATypeAndNamesTheLineWhenMappingFails() {
        assertThat(readAll(JsonLinesReader.of(utf8("{\"type\":\"login\",\"size\":3,\"extra\":true}\n"), Event.class)))
                .extracting(e -> e.type + e.size).containsExactly("login3");
        assertThatThrownBy(() -> readAll(JsonLinesReader.of(utf8("{\"size\":1}\n{\"size\":\"big\"}\n"), Event.class)))
                .isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> readAll(JsonLinesReader.of(utf8("{}\n\n{}\n"), node -> {
            throw new IllegalArgumentException("no timestamp");
        }))).isInstanceOf(AuditDataException.class).hasMessageContaining("line 1").hasMessageContaining("no timestamp");
    }

    @Test
    void readsOneLineAtATimeNeverTheWholeBody() {
        TestStreams.Tracking body = new TestStreams.Tracking(TestStreams.repeated("{\"type\":\"login\",\"n\":1}\n", 500_000));
        JsonLinesReader<JsonNode> reader = JsonLinesReader.nodes(body);
        reader.next();
        reader.next();
        assertThat(body.bytesRead).isLessThan(64 * 1024);
        reader.close();
        assertThat(body.closed).isTrue();
    }

    @Test
    void invalidUtf8IsADataErrorAndAFailingStreamATransportError() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(new ByteArrayInputStream(bad))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("UTF-8").hasMessageContaining("line 1");
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(TestStreams.failingAfter("{\"a\":1}\n{\"a\""))))
                .isInstanceOf(AuditTransportException.class);
    }

    @Test
    void findsTheFirstLineBreakAtEveryPositionAndAlignment() {
        // the word-at-a-time search must agree with a byte loop, including bytes >= 0x80 and 0x0B next to LF
        byte[] bytes = new byte[40];
        for (int lf = -1; lf < bytes.length; lf++) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i % 3 == 0 ? 0x0B : i % 3 == 1 ? 0x8A : 'x');
            }
            if (lf >= 0) {
                bytes[lf] = '\n';
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    int expected = from;
                    while (expected < to && bytes[expected] != '\n') {
                        expected++;
                    }
                    assertThat(JsonLinesReader.indexOfNewline(bytes, from, to)).as("lf %d in [%d, %d)", lf, from, to)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aLineLongerThanMaxTreeBytesFailsNamingTheLineAndTheLimit() {
        String body = "{\"n\":1}\n{\"pad\":\"" + "x".repeat(100_000) + "\"}\n{\"n\":3}\n";
        ReadLimits small = ReadLimits.builder().maxTreeBytes(64 * 1024).build();

        try (JsonLinesReader<JsonNode> reader = JsonLinesReader.nodes(utf8(body), small)) {
            assertThat(reader.next().get("n").asInt()).isEqualTo(1);
            assertThatThrownBy(reader::next).isInstanceOf(AuditDataException.class)
                    .hasMessageStartingWith("line 2 of the JSON Lines body (starting with: {\"pad\":\"xxx")
                    .hasMessageContaining("exceeds ReadLimits.maxTreeBytes (65536)")
                    .extracting(e -> ((AuditDataException) e).line()).isEqualTo(2L);
        }
        assertThatThrownBy(() -> readAll(JsonLinesReader.ofLines(utf8(body), (p, line, off, len) -> p.readValueAsTree(), small)))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("ReadLimits.maxTreeBytes");
        assertThat(readAll(JsonLinesReader.nodes(utf8(body), small.toBuilder().maxTreeBytes(128 * 1024).build()))).hasSize(3);
    }

    @Test
    void aLineNestedDeeperThanMaxNestingDepthFailsNamingTheLimit() {
        String body = "{\"n\":1}\n" + "[".repeat(300) + "]".repeat(300) + "\n";

        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(utf8(body))))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of line 2 of the JSON Lines body exceeds ReadLimits.maxNestingDepth (256)");
        assertThat(readAll(JsonLinesReader.of(utf8(body), JsonNode.class, ReadLimits.builder().maxNestingDepth(301).build())))
                .hasSize(2);
    }
}
