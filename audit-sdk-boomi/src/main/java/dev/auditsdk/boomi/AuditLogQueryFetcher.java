package dev.auditsdk.boomi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.http.HttpRequestSpec;
import dev.auditsdk.core.http.HttpResult;
import dev.auditsdk.core.http.HttpTransport;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.paging.Page;
import dev.auditsdk.core.paging.TokenPageFetcher;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of the Platform API's {@code AuditLog} query: {@code POST AuditLog/query} with the
 * JSON {@code QueryFilter} for the first page, then {@code POST AuditLog/queryMore} with the raw
 * {@code queryToken} as {@code text/plain} (no JSON quoting, no encoding). At most 100 results a
 * page. Both are reads, so they are retried (a throttled 503 included).
 */
final class AuditLogQueryFetcher implements TokenPageFetcher<BoomiAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogQueryFetcher.class);

    private final HttpTransport platform;
    private final URI queryUri;
    private final URI queryMoreUri;
    private final ObjectNode queryFilter;
    private int pages;

    AuditLogQueryFetcher(HttpTransport platform, URI queryUri, URI queryMoreUri, QueryExpression expression) {
        this.platform = platform;
        this.queryUri = queryUri;
        this.queryMoreUri = queryMoreUri;
        this.queryFilter = Json.mapper().createObjectNode();
        queryFilter.putObject("QueryFilter").set("expression", expression.toJson());
    }

    @Override
    public Page<BoomiAuditEntry> nextPage(Optional<String> token) {
        HttpRequestSpec spec = token.isEmpty()
                ? HttpRequestSpec.post(queryUri).header("Accept", "application/json").jsonBody(queryFilter)
                        .retrySafe(true).build()
                : HttpRequestSpec.post(queryMoreUri).header("Accept", "application/json")
                        .textBody(token.get(), "text/plain").retrySafe(true).build();
        pages++;
        int page = pages;
        // read inside the attempt: a page cut short on the way is asked for again
        JsonNode result = platform.send(spec, answer -> readJson(answer, page));
        JsonNode results = result.path("result");
        List<BoomiAuditEntry> entries = new ArrayList<>(results.size());
        int index = 0;
        for (JsonNode node : results) {
            try {
                entries.add(BoomiAuditEntry.of(node));
            } catch (IllegalArgumentException e) {
                throw new AuditDataException("boomi: AuditLog query page " + pages + ", result " + index
                        + " is not a valid AuditLog record: " + e.getMessage(), -1, index, e);
            }
            index++;
        }
        JsonNode next = result.get("queryToken");
        String nextToken = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
        LOG.debug("boomi: AuditLog page {}: {} results, {}", pages, entries.size(), nextToken == null ? "last" : "more follow");
        return Page.of(entries, nextToken);
    }

    private static JsonNode readJson(HttpResult answer, int page) {
        String contentType = answer.header("Content-Type").orElse("");
        if (contentType.contains("xml") || contentType.contains("html")) {
            throw new AuditDataException("boomi: AuditLog query page " + page + " came back as " + contentType
                    + " instead of JSON (a proxy page, or the Accept header was dropped)");
        }
        try {
            JsonNode node = Json.mapper().readTree(answer.body());
            if (node == null || !node.isObject() || (node.has("result") && !node.get("result").isArray())) {
                throw new AuditDataException("boomi: AuditLog query page " + page + " is not a QueryResult object");
            }
            return node;
        } catch (JsonEOFException e) {
            throw new AuditTransportException("boomi: AuditLog query page " + page + " ended early", e);
        } catch (JsonProcessingException e) {
            throw new AuditDataException("boomi: AuditLog query page " + page + " is not valid JSON: "
                    + e.getOriginalMessage(), e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? -1 : e.getLocation().getCharOffset(), e);
        } catch (IOException e) {
            throw new AuditTransportException("boomi: reading AuditLog query page " + page + " failed: " + e, e);
        }
    }
}
