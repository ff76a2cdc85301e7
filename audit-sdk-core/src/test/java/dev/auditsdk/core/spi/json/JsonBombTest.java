package dev.auditsdk.core.spi.json;

import static dev.auditsdk.core.spi.json.Bombs.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON values too large or too deep to hold as trees end in {@link AuditDataException} naming
 * the limit, never in an {@link OutOfMemoryError}: run with a 64 MB heap (the
 * {@code bomb-tests} execution of the module's surefire configuration).
 */
class JsonBombTest {
    private static final String TREE_BYTES = "exceeds ReadLimits.maxTreeBytes (4194304); raise it with "
            + "ReadLimits.builder().maxTreeBytes(...) passed to the source builder's limits(...)";

    @BeforeAll
    static void smallHeap() {
        Bombs.requireSmallHeap();
    }

    private static void readAll(CloseableIterator<?> entries) {
        try (entries) {
            entries.forEachRemaining(e -> { });
        }
    }

    @Test
    void aGzippedNestedArrayBombFailsOnMaxTreeBytesThroughTheSniffer() {
        byte[] body = Bombs.gzipOf("[[", "0,", 256 * MiB);
        assertThat(body.length).isLessThan((int) MiB);

        SniffedBody sniffed = BodyFormat.sniff(new ByteArrayInputStream(body));

        assertThatThrownBy(() -> readAll(sniffed.entries(null)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("JSON array element #1 (from byte 1) " + TREE_BYTES);
    }

    @Test
    void anElementOfEmptyObjectsTheCostliestTreeShapeFailsWithinA64MbHeapAtOneMegabyte() {
        ReadLimits limits = ReadLimits.builder().maxTreeBytes((int) MiB).build();
        InputStream body = Bombs.text("[{\"id\":1},[", "{},", 64 * MiB, "{}]]");

        try (JsonArrayReader<JsonNode> reader = JsonArrayReader.nodes(body, limits)) {
            assertThat(reader.next().get("id").asInt()).isEqualTo(1);
            assertThatThrownBy(reader::next)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageContaining("JSON array element #2 (from byte 10) exceeds ReadLimits.maxTreeBytes (1048576)");
        }
    }

    @Test
    void aHugeEnvelopeFieldFailsNamingTheField() {
        InputStream body = Bombs.text("{\"meta\":[", "0,", 256 * MiB, "0],\"entries\":[]}");

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(body, "entries")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the envelope field 'meta' (from byte 8) " + TREE_BYTES);
    }

    @Test
    void aHugeStringElementFailsOnMaxTreeBytes() {
        InputStream body = Bombs.text("[\"", "x", 512 * MiB, "\"]");

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(body)))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("JSON array element #1 (from byte 1) " + TREE_BYTES);
    }

    @Test
    void aWhitespaceFloodInTheEnvelopeFailsOnMaxTreeBytes() {
        InputStream body = Bombs.text("{\"total\":1,", " ", 512 * MiB, "\"entries\":[]}");

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(body, "entries")))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("a token of the JSON around the array")
                .hasMessageContaining(TREE_BYTES);
    }

    @Test
    void aPageReadWholeFailsOnMaxTreeBytes() {
        InputStream body = Bombs.text("{\"items\":[", "0,", 256 * MiB, "0]}");

        assertThatThrownBy(() -> JsonTrees.readTree(body, ReadLimits.defaults(), "the AuditLog query page"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the AuditLog query page (from byte 0) " + TREE_BYTES);
    }

    @Test
    void aHugeJsonLinesLineFailsOnMaxTreeBytesNamingTheLine() {
        InputStream body = Bombs.text("{\"n\":1}\n[", "0,", 256 * MiB, "0]\n");

        try (JsonLinesReader<JsonNode> reader = JsonLinesReader.nodes(body)) {
            assertThat(reader.next().get("n").asInt()).isEqualTo(1);
            assertThatThrownBy(reader::next)
                    .isInstanceOf(AuditDataException.class)
                    .hasMessageStartingWith("line 2 of the JSON Lines body (starting with: [0,0,0,")
                    .hasMessageContaining(TREE_BYTES)
                    .extracting(e -> ((AuditDataException) e).line()).isEqualTo(2L);
        }
    }

    @Test
    void deepNestingFailsOnMaxNestingDepthInEveryReader() {
        long levels = 50 * MiB;
        String limit = "exceeds ReadLimits.maxNestingDepth (256); raise it with ReadLimits.builder().maxNestingDepth(...)";

        assertThatThrownBy(() -> readAll(JsonArrayReader.nodes(Bombs.text("[", "[", levels, ""))))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of JSON array element #1 at line 1, column ")
                .hasMessageContaining(limit);
        assertThatThrownBy(() -> readAll(JsonLinesReader.nodes(Bombs.text("", "[", 1000, "\n"))))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of line 1 of the JSON Lines body")
                .hasMessageContaining(limit);
        assertThatThrownBy(() -> JsonTrees.readTree(Bombs.text("", "{\"a\":", levels, ""), ReadLimits.defaults(), "the page"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of the JSON of the page at line 1")
                .hasMessageContaining(limit);
    }
}
