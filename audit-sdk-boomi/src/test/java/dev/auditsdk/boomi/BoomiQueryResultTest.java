package dev.auditsdk.boomi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import org.junit.jupiter.api.Test;

class BoomiQueryResultTest {
    private static BoomiQueryResult read(String json) throws Exception {
        return BoomiQueryResult.read(Json.mapper().readTree(json), "boomi: AuditLog query page 2");
    }

    @Test
    void readsTheRecordsTheTokenAndTheTotal() throws Exception {
        BoomiQueryResult r = read("{\"@type\":\"QueryResult\",\"numberOfResults\":250,\"queryToken\":\"/tok-1\",\"result\":["
                + "{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"},{\"documentId\":\"b\",\"date\":\"2026-01-01T00:00:01Z\"}]}");
        assertThat(r.result()).extracting(BoomiAuditEntry::id).containsExactly("a", "b");
        assertThat(r.queryToken()).hasValue("/tok-1");
        assertThat(r.numberOfResults()).hasValue(250);
    }

    @Test
    void theLastPageHasNoTokenAndAnEmptyOneHasNoResults() throws Exception {
        BoomiQueryResult last = read("{\"@type\":\"QueryResult\",\"numberOfResults\":0,\"queryToken\":\"\"}");
        assertThat(last.result()).isEmpty();
        assertThat(last.queryToken()).isEmpty();
        assertThat(read("{\"result\":[]}").numberOfResults()).isEmpty();
    }

    @Test
    void aBadAnswerOrRecordIsADataErrorNamingIt() {
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(AuditDataException.class)
                .hasMessage("boomi: AuditLog query page 2 is not a QueryResult object");
        assertThatThrownBy(() -> read("{\"result\":{}}")).isInstanceOf(AuditDataException.class)
                .hasMessageContaining("is not a QueryResult object");
        assertThatThrownBy(() -> read("{\"result\":[{\"documentId\":\"a\",\"date\":\"2026-01-01T00:00:00Z\"},{\"date\":\"x\"}]}"))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("page 2, result 1 is not a valid AuditLog record");
    }
}
