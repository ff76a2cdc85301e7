package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.spi.util.Json;

import static dev.auditsdk.core.spi.json.TestStreams.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readTreeReadsAWholePageAndClosesTheStream() {
        TestStreams.Tracking body = new TestStreams.Tracking(utf8(" {\"result\":[{\"id\":1},{\"id\":2}],\"next\":\"q2\"}\n "));

        JsonNode page = JsonTrees.readTree(body, ReadLimits.defaults(), "the query page");

        assertThat(page.get("result")).hasSize(2);
        assertThat(page.get("next").asText()).isEqualTo("q2");
        assertThat(body.closed).isTrue();
    }

    @Test
    void readTreeOfAnEmptyBodyIsMissing() {
        assertThat(JsonTrees.readTree(utf8("  \n"), ReadLimits.defaults(), "the status").isMissingNode()).isTrue();
    }

    @Test
    void readTreeRejectsMalformedJsonAndTrailingContentWithThePosition() {
        assertThatThrownBy(() -> JsonTrees.readTree(utf8("{\"a\":1}\n{\"b\":2}"), ReadLimits.defaults(), "the status"))
                .isInstanceOf(AuditDataException.class)
                .hasMessage("unexpected content after the JSON document in the status at line 2, column 1")
                .extracting(e -> ((AuditDataException) e).line()).isEqualTo(2L);
        // a body that ends inside the document was cut on the way: a transport failure, which a bounded read retries
        assertThatThrownBy(() -> JsonTrees.readTree(utf8("{\"a\":"), ReadLimits.defaults(), "the status"))
                .isInstanceOf(AuditTransportException.class)
                .hasMessage("reading the status failed: the body ended inside the JSON document");
        assertThatThrownBy(() -> JsonTrees.readTree(TestStreams.failingAfter("{\"a\":"), ReadLimits.defaults(), "the status"))
                .isInstanceOf(AuditTransportException.class).hasMessage("reading the status failed");
    }

    @Test
    void readTreeFailsOnAPageLargerThanMaxTreeBytesAndReadsItWithARaisedLimit() {
        String page = "{\"result\":[" + "{\"id\":1},".repeat(20_000) + "{\"id\":2}]}";
        ReadLimits small = ReadLimits.builder().maxTreeBytes(64 * 1024).build();

        assertThatThrownBy(() -> JsonTrees.readTree(utf8(page), small, "the query page"))
                .isInstanceOf(AuditDataException.class)
                .hasMessage("the query page (from byte 0) exceeds ReadLimits.maxTreeBytes (65536); raise it with "
                        + "ReadLimits.builder().maxTreeBytes(...) passed to the source builder's limits(...)");
        assertThat(JsonTrees.readTree(utf8(page), small.toBuilder().maxTreeBytes(256 * 1024).build(), "the query page")
                .get("result")).hasSize(20_001);
    }

    @Test
    void nestingIsBoundedByMaxNestingDepthInReadTreeAndTheSharedMapper() {
        String deep = "[".repeat(300) + "]".repeat(300);

        assertThatThrownBy(() -> JsonTrees.readTree(utf8(deep), ReadLimits.defaults(), "the page"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("the nesting of the JSON of the page at line 1, column 25")
                .hasMessageContaining("exceeds ReadLimits.maxNestingDepth (256)");
        assertThat(JsonTrees.readTree(utf8(deep), ReadLimits.builder().maxNestingDepth(300).build(), "the page").isArray())
                .isTrue();
        assertThatThrownBy(() -> Json.mapper().readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        assertThat(Json.mapper().getFactory().streamReadConstraints().getMaxNestingDepth())
                .isEqualTo(ReadLimits.DEFAULT_MAX_NESTING_DEPTH);
    }
}
