package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.boomi.query.QueryProperty;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.Page;
import dev.auditsdk.core.spi.paging.TokenPageFetcher;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Timestamps;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one Platform API {@code AuditLog} query ({@link TokenPageFetcher}):
 * {@code POST AuditLog/query} with the JSON {@code QueryFilter} for the first page, then
 * {@code POST AuditLog/queryMore} with the raw {@code queryToken} as {@code text/plain} (no JSON
 * quoting, no encoding). At most 100 results a page. Both are reads, so they are retried (a
 * throttled 503 included).
 */
final class BoomiPages implements TokenPageFetcher<BoomiAuditEntry> {
    private static final Logger LOG = LoggerFactory.getLogger(BoomiPages.class);

    private final HttpTransport platform;
    private final URI queryUri;
    private final URI queryMoreUri;
    private final ObjectNode queryFilter;
    private int pages;

    private BoomiPages(HttpTransport platform, URI queryUri, URI queryMoreUri, QueryExpression expression) {
        this.platform = platform;
        this.queryUri = queryUri;
        this.queryMoreUri = queryMoreUri;
        this.queryFilter = Json.mapper().createObjectNode();
        queryFilter.putObject("QueryFilter").set("expression", expression.toJson());
    }

    /**
     * @param connection the account's endpoints
     * @param platform the Platform API transport
     * @param start the first instant wanted, inclusive
     * @param end the end, exclusive
     * @param filter an extra filter ANDed with the range, or null
     * @return the pages of the query for {@code [start, end)} (see {@link #expressionFor})
     */
    static BoomiPages of(BoomiConnection connection, HttpTransport platform, Instant start, Instant end,
            QueryExpression filter) {
        return new BoomiPages(platform, connection.auditLog("query"), connection.auditLog("queryMore"),
                expressionFor(start, end, filter));
    }

    /**
     * The server-side filter of a read: whole seconds around {@code [start, end)}, since Boomi's
     * date filter has second precision (and is inclusive at both ends); the exact ends are applied
     * on the client.
     */
    static QueryExpression expressionFor(Instant start, Instant end, QueryExpression filter) {
        Instant low = start.truncatedTo(ChronoUnit.SECONDS);
        Instant high = Timestamps.ceilToSecond(end);
        QueryExpression range = QueryExpression.between(QueryProperty.DATE, QueryExpression.date(low), QueryExpression.date(high));
        return filter == null ? range : QueryExpression.and(range, filter);
    }

    @Override
    public Page<BoomiAuditEntry> nextPage(Optional<String> token) {
        HttpRequestSpec spec = token.isEmpty()
                ? HttpRequestSpec.post(queryUri).header("Accept", "application/json").jsonBody(queryFilter)
                        .retrySafe(true).build()
                : HttpRequestSpec.post(queryMoreUri).header("Accept", "application/json")
                        .textBody(token.get(), "text/plain").retrySafe(true).build();
        pages++;
        String what = "boomi: AuditLog query page " + pages;
        // read inside the attempt: a page cut short on the way is asked for again
        BoomiQueryResult result = platform.send(spec, answer -> BoomiQueryResult.read(readJson(answer, what), what));
        LOG.debug("{}: {} results of {}, {}", what, result.result().size(),
                result.numberOfResults().isPresent() ? String.valueOf(result.numberOfResults().getAsLong()) : "?",
                result.queryToken().isPresent() ? "more follow" : "last");
        return Page.of(result.result(), result.queryToken().orElse(null));
    }

    private static JsonNode readJson(HttpResult answer, String what) {
        String contentType = answer.header("Content-Type").orElse("");
        if (contentType.contains("xml") || contentType.contains("html")) {
            throw new AuditDataException(what + " came back as " + contentType
                    + " instead of JSON (a proxy page, or the Accept header was dropped)");
        }
        // one bounded tree (ReadLimits.maxTreeBytes); a page cut inside the JSON is a transport failure, read again
        return answer.readJson(what);
    }
}
