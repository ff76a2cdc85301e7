package dev.auditsdk.core.spi.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalJsonWriterTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String fast(JsonNode node) {
        CanonicalJsonWriter w = new CanonicalJsonWriter();
        return w.write(node) ? new String(w.bytes(), 0, w.size(), StandardCharsets.UTF_8) : null;
    }

    @Test
    void writesExactlyWhatJacksonWritesForAsciiEntries() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 5_000; i++) {
            JsonNode node = randomObject(random, 0);
            assertThat(fast(node)).as("%s", node).isEqualTo(StableIdentity.canonicalJson(node));
        }
    }

    @Test
    void writesEveryAsciiCharacterAsJacksonDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        ObjectNode node = NODES.objectNode().put(all.toString(), all.toString());

        assertThat(fast(node)).isEqualTo(StableIdentity.canonicalJson(node));
    }

    @Test
    void leavesNonAsciiTextAndDecimalsToJackson() {
        assertThat(fast(NODES.objectNode().put("name", "Zoë"))).isNull();
        assertThat(fast(NODES.objectNode().put("n", 1.5))).isNull();
        assertThat(fast(NODES.objectNode().put("n", new java.math.BigDecimal("1.50")))).isNull();
    }

    @Test
    void hashesTheSameWhicheverWriterIsUsed() throws Exception {
        StableIdentity ids = StableIdentity.withPrefix("");
        JsonNode ascii = Json.mapper().readTree("{\"b\":1,\"a\":[true,null,\"x\\ty\"]}");
        JsonNode viaJackson = Json.mapper().readTree("{\"b\":1,\"a\":[true,null,\"x\\ty\"],\"c\":0.5}");
        ((ObjectNode) viaJackson).remove("c");

        assertThat(ids.contentHash(viaJackson)).isEqualTo(ids.contentHash(ascii));
    }

    private static ObjectNode randomObject(SplittableRandom random, int depth) {
        ObjectNode o = NODES.objectNode();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            o.set(randomText(random), randomValue(random, depth));
        }
        return o;
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        switch (random.nextInt(depth < 3 ? 8 : 6)) {
            case 0:
                return NODES.numberNode(random.nextInt());
            case 1:
                return NODES.numberNode(random.nextLong());
            case 2:
                return NODES.booleanNode(random.nextBoolean());
            case 3:
                return NODES.nullNode();
            case 4:
            case 5:
                return NODES.textNode(randomText(random));
            case 6:
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(random, depth + 1));
                }
                return a;
            default:
                return randomObject(random, depth + 1);
        }
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            int kind = random.nextInt(10);
            sb.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? "\"\\/\u007f".charAt(random.nextInt(4))
                    : (char) (0x20 + random.nextInt(0x5f)));
        }
        return sb.toString();
    }
}
