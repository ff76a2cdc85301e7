package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.boomi.query.QueryProperty;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.core.spi.paging.TokenPager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boomi's audit log through the Platform API's {@code AuditLog} query: incremental and
 * short-range reads (for bulk exports of more than 7 days see {@link BoomiStagedAuditLogExport}).
 *
 * <pre>{@code
 * try (BoomiAuditLogSource boomi = BoomiAuditLogSource.builder()
 *         .accountId("acme-A1B2C3")
 *         .region(BoomiRegion.US)
 *         .apiToken(CredentialsProvider.apiTokenFromEnv("BOOMI_USER", "BOOMI_API_TOKEN"))
 *         .build();
 *      AuditLogStream<BoomiAuditEntry> entries = boomi.fetch(AuditLogQuery.builder().from(yesterday).build())) {
 *     for (BoomiAuditEntry e : entries) {
 *         handle(e.toAuditEvent());
 *     }
 *     store(entries.checkpoint());
 * }
 * }</pre>
 *
 * <p>How a range is read: one query with {@code date BETWEEN floor(start) AND ceil(to)} (Boomi
 * dates have whole seconds; the ends are then applied exactly on the client), ANDed with the
 * optional {@link Builder#filter(QueryExpression) filter}, followed by {@code queryMore} with
 * each {@code queryToken} until none is returned. Entries are de-duplicated by
 * {@code documentId}, so a resumed query that re-reads the checkpoint's second delivers nothing
 * twice. Requests are spaced to stay under the account's 10 requests per second, and a
 * throttling 503 is retried with backoff. Thread-safe; close it to release its HTTP client.
 *
 * <p>With a {@linkplain Builder#parallelism(int) parallelism} above 1 (default
 * {@value #DEFAULT_PARALLELISM}), a range of more than a day in the default oldest-first result
 * order is split into UTC-day queries that run side by side ({@code TimeWindowPager}), each cut
 * to its day on the client (the date filter's ends are inclusive), delivered in day order: the
 * same entries as one query. All of them draw from the account's one rate limiter, so more
 * parallelism approaches the 10 requests per second and never exceeds it.
 */
public final class BoomiAuditLogSource implements AuditLogSource<BoomiAuditEntry> {
    /** The default {@linkplain Builder#settleLag(Duration) settle lag} of the Boomi sources: one minute (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(1);
    /**
     * The default {@linkplain Builder#parallelism(int) parallelism}: two day queries at once, enough
     * to keep the account's rate limiter busy at a normal round trip (more only wait for permits).
     */
    public static final int DEFAULT_PARALLELISM = 2;
    private static final Logger LOG = LoggerFactory.getLogger(BoomiAuditLogSource.class);

    private final BoomiConnection connection;
    private final HttpTransport platform;
    private final QueryExpression filter;
    private final EntryOrder resultOrder;
    private final DeliveryOptions delivery;
    private final int parallelism;

    private BoomiAuditLogSource(Builder b) {
        this.connection = new BoomiConnection(b);
        this.filter = b.filter;
        this.resultOrder = b.resultOrder;
        this.delivery = b.delivery();
        this.parallelism = b.configuredParallelism();
        this.platform = connection.platformTransport();
        LOG.debug("boomi: AuditLog query source for account {} at {}", connection.accountId, connection.baseUrl);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String vendor() {
        return BoomiConnection.VENDOR;
    }

    /** @return false in {@link EntryOrder#UNORDERED} result order, whose checkpoints are exact only after a complete read */
    @Override
    public boolean resumesExactlyAfterAnyStop() {
        return resultOrder != EntryOrder.UNORDERED;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /** @return the account this source reads */
    public String accountId() {
        return connection.accountId;
    }

    /** @return the extra filter ANDed to every query, if one was set */
    public Optional<QueryExpression> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * Reads the entries of {@code [from, to)} (or after the query's checkpoint) in the order
     * Boomi returns them, lazily: no request is made until the stream is iterated.
     *
     * @param query the range, resume point and limit
     * @return the entries
     */
    @Override
    public AuditLogStream<BoomiAuditEntry> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        platform.requireOpen("this Boomi audit log source");
        DeliveryTracker tracker = delivery.tracker(query).order(resultOrder).build();
        if (resultOrder == EntryOrder.NEWEST_FIRST) {
            return PagedAuditLogStream.of(tracker, NewestFirstWindows.of(tracker, window ->
                    new DescendingGuard(pager(expressionFor(window.start(), window.end(), filter)), delivery.lateness())));
        }
        List<TimeWindow> days = TimeWindow.split(query.start(), query.to(), Duration.ofDays(1));
        if (parallelism == 1 || days.size() < 2 || resultOrder != EntryOrder.OLDEST_FIRST) {
            return PagedAuditLogStream.of(tracker, pager(expressionFor(query.start(), query.to(), filter)));
        }
        LOG.debug("boomi: reading [{}, {}) as {} day queries, {} at a time", query.start(), query.to(), days.size(),
                parallelism);
        return PagedAuditLogStream.of(tracker, TimeWindowPager.builder(days, day ->
                pager(expressionFor(day.start(), day.end(), filter)).filter(e -> day.contains(e.timestamp())))
                .parallelism(parallelism)
                .build());
    }

    private CloseableIterator<BoomiAuditEntry> pager(QueryExpression expression) {
        AuditLogQueryFetcher fetcher = new AuditLogQueryFetcher(platform, connection.auditLog("query"),
                connection.auditLog("queryMore"), expression);
        return TokenPager.builder(fetcher).maxPagesWithoutProgress(platform.limits().maxPagesWithoutProgress()).build();
    }

    /**
     * Reads one entry by its {@code documentId} ({@code GET AuditLog/{id}}), e.g. to follow up an
     * alert. Retried like the query (a read).
     *
     * @param documentId the entry's id, as in {@link BoomiAuditEntry#id()}
     * @return the entry, or empty when Boomi has none with that id (404)
     * @throws IllegalArgumentException if the id is blank
     * @throws dev.auditsdk.core.error.AuditDataException if the answer is not an AuditLog record
     * @throws IllegalStateException if this source is closed
     */
    public Optional<BoomiAuditEntry> get(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        if (documentId.isBlank()) {
            throw new IllegalArgumentException("documentId must not be blank");
        }
        platform.requireOpen("this Boomi audit log source");
        HttpRequestSpec spec = HttpRequestSpec.get(connection.auditLog(Endpoints.encode(documentId))).header("Accept", "application/json").build();
        JsonNode node;
        try {
            node = platform.sendForJson(spec);
        } catch (AuditNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(BoomiAuditEntry.of(node));
        } catch (IllegalArgumentException e) {
            throw new AuditDataException("boomi: GET AuditLog/" + documentId + " is not an AuditLog record: " + e.getMessage(), e);
        }
    }

    /**
     * The server-side filter of a read: whole seconds around {@code [start, end)}, since Boomi's
     * date filter has second precision; the exact ends are applied on the client.
     */
    static QueryExpression expressionFor(Instant start, Instant end, QueryExpression filter) {
        Instant low = start.truncatedTo(ChronoUnit.SECONDS);
        Instant high = ceilToSecond(end);
        QueryExpression range = QueryExpression.between(QueryProperty.DATE, QueryExpression.date(low), QueryExpression.date(high));
        return filter == null ? range : QueryExpression.and(range, filter);
    }

    static Instant ceilToSecond(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(t) ? t : floor.plusSeconds(1);
    }

    /** Closes the HTTP client the source built (never a caller-owned one). */
    @Override
    public void close() {
        platform.close();
    }

    @Override
    public String toString() {
        return "BoomiAuditLogSource{account=" + connection.accountId + ", baseUrl=" + connection.baseUrl + "}";
    }

    /** Configures a {@link BoomiAuditLogSource}; {@code accountId} and credentials are required. */
    public static final class Builder extends BoomiClientBuilder<Builder> {
        private QueryExpression filter;
        private EntryOrder resultOrder = EntryOrder.OLDEST_FIRST;

        private Builder() {
        }

        /**
         * Narrows every query, e.g. to {@code type LIKE 'user%'}; ANDed with the date range.
         *
         * @param filter the expression (see {@link QueryExpression})
         * @return this builder
         */
        public Builder filter(QueryExpression filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * The date order Boomi returns query results in, which its documentation does not state.
         * {@link EntryOrder#OLDEST_FIRST} (default) gives exact checkpoints in constant memory
         * and handles a result more than the lateness out of order by the late-entry policy
         * (by default an {@link dev.auditsdk.core.error.AuditDataException}, never a silent skip);
         * {@link EntryOrder#NEWEST_FIRST} reads a resumed range in the windows its checkpoint
         * left, each newest first, and stops if a result is out of descending order; {@link EntryOrder#UNORDERED} accepts any order, at the
         * cost of remembering the ids of a partly read range in its checkpoint (see core's
         * {@code DeliveryTracker}).
         *
         * @param order the order to rely on
         * @return this builder
         */
        public Builder resultOrder(EntryOrder order) {
            this.resultOrder = Objects.requireNonNull(order, "resultOrder");
            return this;
        }

        /** @return {@value BoomiAuditLogSource#DEFAULT_PARALLELISM} */
        @Override
        protected int defaultParallelism() {
            return DEFAULT_PARALLELISM;
        }

        /**
         * @return the source
         * @throws IllegalStateException when the account id or credentials are missing
         * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in
         */
        public BoomiAuditLogSource build() {
            return new BoomiAuditLogSource(this);
        }
    }
}
