package dev.auditsdk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.json.Json;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonTreeWriterTest {

    @Test
    void writesEveryKindOfNodeWithTheMappersBytes() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"s\":\"a\\\"b\\u00e9\\n\",\"i\":-3,\"l\":12345678901,\"big\":123456789012345678901234,"
                + "\"d\":1.5,\"e\":1.0E2,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"x\",[],{}],\"o\":{\"p\":{\"q\":[null]}}}");
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            JsonTreeWriter.write(tree, g);
        }
        assertThat(out.toString()).isEqualTo(Json.mapper().writeValueAsString(tree));
    }
}
