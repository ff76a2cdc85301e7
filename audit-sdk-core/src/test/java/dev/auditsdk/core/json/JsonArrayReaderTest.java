package dev.auditsdk.core.json;

import static dev.auditsdk.core.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
