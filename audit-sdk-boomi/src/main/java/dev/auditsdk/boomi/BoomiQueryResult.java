package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.core.error.AuditDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of an {@code AuditLog} query, as Boomi's {@code QueryResult}:
 * {@code {"@type":"QueryResult","numberOfResults":N,"queryToken":"...","result":[AuditLog, ...]}}.
 * {@code queryToken} is present while more pages follow; {@code numberOfResults} is the total
 * Boomi reports for the query (not this page's count).
 */
final class BoomiQueryResult {
    private final List<BoomiAuditEntry> result;
    private final String queryToken;
    private final Long numberOfResults;

    private BoomiQueryResult(List<BoomiAuditEntry> result, String queryToken, Long numberOfResults) {
        this.result = Collections.unmodifiableList(result);
        this.queryToken = queryToken;
        this.numberOfResults = numberOfResults;
    }

    /**
     * @param node the parsed answer
     * @param what names the answer in messages, e.g. {@code "boomi: AuditLog query page 3"}
     * @return the typed page
     * @throws AuditDataException naming the answer and, for a bad record, its index
     */
    static BoomiQueryResult read(JsonNode node, String what) {
        Objects.requireNonNull(node, "node");
        if (!node.isObject() || (node.has("result") && !node.get("result").isArray())) {
            throw new AuditDataException(what + " is not a QueryResult object");
        }
        List<BoomiAuditEntry> entries = new ArrayList<>(node.path("result").size());
        int index = 0;
        for (JsonNode record : node.path("result")) {
            try {
                entries.add(BoomiAuditEntry.of(record));
            } catch (IllegalArgumentException e) {
                throw new AuditDataException(what + ", result " + index + " is not a valid AuditLog record: "
                        + e.getMessage(), -1, index, e);
            }
            index++;
        }
        JsonNode token = node.get("queryToken");
        String queryToken = token == null || token.isNull() || token.asText().isEmpty() ? null : token.asText();
        JsonNode total = node.get("numberOfResults");
        Long numberOfResults = total != null && total.canConvertToLong() ? total.asLong() : null;
        return new BoomiQueryResult(entries, queryToken, numberOfResults);
    }

    /** @return this page's AuditLog records, in the order Boomi sent them */
    List<BoomiAuditEntry> result() {
        return result;
    }

    /** @return the token of the next page ({@code POST AuditLog/queryMore}), empty on the last page */
    Optional<String> queryToken() {
        return Optional.ofNullable(queryToken);
    }

    /** @return the number of results Boomi reports for the whole query, if it says */
    OptionalLong numberOfResults() {
        return numberOfResults == null ? OptionalLong.empty() : OptionalLong.of(numberOfResults);
    }
}
