package dev.auditsdk.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.json.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree to a generator node by node, with the same bytes as the mapper would.
 * {@code ObjectMapper.writeTree} sets up a serializer provider per call and asks it about
 * features at every node; for the OCSF object of every entry that cost as much as building it.
 * Node kinds other than objects, arrays, text, integers and booleans (rare here) go to the mapper.
 */
final class JsonTreeWriter {

    private JsonTreeWriter() {
    }

    static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(element, g);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(node.textValue());
                break;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                break;
            case NUMBER:
                if (node.isInt()) {
                    g.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    g.writeNumber(node.longValue());
                } else {
                    Json.mapper().writeTree(g, node);
                }
                break;
            default:
                Json.mapper().writeTree(g, node);
                break;
        }
    }
}
