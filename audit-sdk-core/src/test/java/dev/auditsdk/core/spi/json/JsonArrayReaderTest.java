package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.auditsdk.core.ReadLimits;
import org.junit.jupiter.api.Test;

class JsonArrayReaderTest {

    private static <T> List<T> readAll(JsonArrayReader<T> reader) {
        List<T> out = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void readsATopLevelArrayElementByElement() {
        TestStreams.Tracking body = new TestStreams.Tracking(TestStreams.repeated("{\"id\":\"x\",\"n\":1},", 300_000));
        JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(new java.io.SequenceInputStream(utf8("["), body));
        assertThat(reader.next().get("id").asText()).isEqualTo("x");
        assertThat(reader.next().get("n").asInt()).isEqualTo(1);
        assertThat(body.bytesRead).as("streamed, not slurped").isLessThan(64 * 1024);
        reader.close();
        assertThat(body.closed).isTrue();

        assertThat(readAll(JsonArrayReader.nodes(utf8(" [ {\"a\":1}, {\"a\":2} ] \n")))).hasSize(2);
        assertThat(readAll(JsonArrayReader.nodes(utf8("[]")))).isEmpty();
    }

    @Test
    void readsTheNamedArrayOfAnObjectAndKeepsTheOtherFieldsAsTheEnvelope() {
        JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(utf8(
                "{\"totalCount\":2,\"entries\":[{\"id\":1},{\"id\":2}],\"next\":null,\"previous\":\"/q?before=x\"}"),
                "entries");
        assertThat(readAll(reader)).extracting(n -> n.get("id").asInt()).containsExactly(1, 2);
        assertThat(reader.envelope().get("totalCount").asInt()).isEqualTo(2);
        assertThat(reader.envelope().get("previous").asText()).isEqualTo("/q?before=x");
        assertThat(reader.envelope().has("next")).isTrue();
        assertThat(reader.envelope().has("entries")).isFalse();
    }

    @Test
    void aNullArrayIsEmptyAndAMissingOneIsAnError() {
        assertThat(readAll(JsonArrayReader.nodes(utf8("{\"entries\":null}"), "entries"))).isEmpty();
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("{\"error\":{\"message\":\"denied\"}}"), "entries")))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("no array 'entries'");
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("[1]"), "entries")))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("expected a JSON object");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String body = "[\n {\"id\":1},\n {\"id\":2,,},\n {\"id\":3}\n]";
        JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(utf8(body));
        assertThat(reader.next().get("id").asInt()).isEqualTo(1);
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(AuditDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.offset()).isPositive();
                })
                .hasMessageContaining("line 3, column");
    }

    @Test
    void htmlTruncationAndTrailingContentAreErrors() {
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("<html>502 Bad Gateway</html>"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("[{\"id\":1},{\"id\""))))
                .isInstanceOf(AuditDataException.class);
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("[{\"id\":1}"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8("[1] [2]"))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("after the JSON document");
        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8(""))))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("empty body");
    }

    @Test
    void mapsElementsAndNamesTheElementWhenMappingFails() {
        assertThat(readAll(JsonArrayReader.of(utf8("[{\"a\":\"1\"}]"), null, Map.class))).hasSize(1);
        assertThatThrownBy(() -> readAll(JsonArrayReader.of(utf8("[{\"a\":1},\n{\"a\":2}]"), null, node -> {
            if (node.get("a").asInt() == 2) {
                throw new IllegalStateException("unsupported a");
            }
            return node;
        }))).isInstanceOfSatisfying(AuditDataException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("#2").hasMessageContaining("unsupported a");
    }

    @Test
    void anElementLargerThanMaxTreeBytesFailsNamingTheLimitAndARaisedLimitReadsIt() {
        String big = "[{\"id\":1},{\"pad\":\"" + "x".repeat(100_000) + "\"},{\"id\":3}]";
        ReadLimits small = ReadLimits.builder().maxTreeBytes(64 * 1024).build();

        try (JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(utf8(big), small)) {
            assertThat(reader.next().get("id").asInt()).isEqualTo(1);
            assertThatThrownBy(reader::next).isInstanceOf(AuditDataException.class)
                    .hasMessageStartingWith("JSON array element #2 (from byte 10) exceeds ReadLimits.maxTreeBytes (65536); "
                            + "raise it with ReadLimits.builder().maxTreeBytes(...)");
        }
        assertThat(readAll(JsonArrayReader.nodes(utf8(big), small.toBuilder().maxTreeBytes(256 * 1024).build())))
                .extracting(n -> n.path("pad").asText().length()).containsExactly(0, 100_000, 0);
    }

    @Test
    void theArrayAsAWholeMayBeFarLargerThanMaxTreeBytes() {
        ReadLimits small = ReadLimits.builder().maxTreeBytes(16 * 1024).build();
        java.io.InputStream body = new java.io.SequenceInputStream(utf8("{\"entries\":["),
                new java.io.SequenceInputStream(TestStreams.repeated("{\"id\":\"x\",\"n\":1},", 100_000),
                        utf8("{\"id\":\"last\"}],\"total\":100001}")));

        JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(body, "entries", small);
        assertThat(readAll(reader)).hasSize(100_001);
        assertThat(reader.envelope().get("total").asInt()).isEqualTo(100_001);
    }

    @Test
    void anEnvelopeFieldLargerThanMaxTreeBytesFailsNamingTheField() {
        String body = "{\"entries\":[],\"debug\":\"" + "x".repeat(100_000) + "\"}";
        ReadLimits small = ReadLimits.builder().maxTreeBytes(64 * 1024).build();

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8(body), "entries", small)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the envelope field 'debug' (from byte 22) exceeds ReadLimits.maxTreeBytes (65536)");
    }

    @Test
    void nestingDeeperThanMaxNestingDepthFailsNamingTheLimitAndARaisedLimitReadsIt() {
        String deep = "[" + "[".repeat(300) + "]".repeat(300) + "]";

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(utf8(deep))))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of JSON array element #1 at line 1, column ")
                .hasMessageContaining("exceeds ReadLimits.maxNestingDepth (256)")
                .extracting(e -> ((AuditDataException) e).line()).isEqualTo(1L);
        assertThat(readAll(JsonArrayReader.nodes(utf8(deep), ReadLimits.builder().maxNestingDepth(400).build())))
                .hasSize(1);
        assertThat(readAll(JsonArrayReader.of(utf8("[" + "[".repeat(200) + "]".repeat(200) + "]"), null, JsonNode.class)))
                .hasSize(1);
    }
}
