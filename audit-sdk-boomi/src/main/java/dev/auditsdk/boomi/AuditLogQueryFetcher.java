package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.model.BoomiQueryResult;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.paging.Page;
import dev.auditsdk.core.spi.paging.TokenPageFetcher;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.spi.json.JsonTrees;

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
        BoomiQueryResult result = platform.send(spec, answer -> BoomiQueryResult.read(readJson(answer, page),
                "boomi: AuditLog query page " + page));
        LOG.debug("boomi: AuditLog page {}: {} results of {}, {}", page, result.result().size(),
                result.numberOfResults().isPresent() ? String.valueOf(result.numberOfResults().getAsLong()) : "?",
                result.queryToken().isPresent() ? "more follow" : "last");
        return Page.of(result.result(), result.queryToken().orElse(null));
    }

    private JsonNode readJson(HttpResult answer, int page) {
        String contentType = answer.header("Content-Type").orElse("");
        if (contentType.contains("xml") || contentType.contains("html")) {
            throw new AuditDataException("boomi: AuditLog query page " + page + " came back as " + contentType
                    + " instead of JSON (a proxy page, or the Accept header was dropped)");
        }
        // one bounded tree (ReadLimits.maxTreeBytes); a page cut inside the JSON is a transport failure, read again
        return JsonTrees.readTree(answer.body(), platform.limits(), "boomi: AuditLog query page " + page);
    }
}
