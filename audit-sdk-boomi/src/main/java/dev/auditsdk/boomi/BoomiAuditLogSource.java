package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.boomi.model.BoomiAuditEntry;
import dev.auditsdk.boomi.query.QueryExpression;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.core.spi.paging.TokenPager;
import dev.auditsdk.core.spi.util.CloseableIterator;
import java.time.Duration;
import java.time.Instant;
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
 * optional {@link BoomiSourceBuilder#filter(QueryExpression) filter}, followed by {@code queryMore} with
 * each {@code queryToken} until none is returned. Entries are de-duplicated by
 * {@code documentId}, so a resumed query that re-reads the checkpoint's second delivers nothing
 * twice. Requests are spaced to stay under the account's 10 requests per second, and a
 * throttling 503 is retried with backoff. Thread-safe; close it to release its HTTP client.
 *
 * <p>With a {@linkplain BoomiSourceBuilder#parallelism(int) parallelism} above 1 (default
 * {@value #DEFAULT_PARALLELISM}), a range of more than a day in the default oldest-first result
 * order is split into UTC-day queries that run side by side ({@code TimeWindowPager}), each cut
 * to its day on the client (the date filter's ends are inclusive), delivered in day order: the
 * same entries as one query. All of them draw from the account's one rate limiter, so more
 * parallelism approaches the 10 requests per second and never exceeds it.

 */
public final class BoomiAuditLogSource extends AbstractAuditLogSource<BoomiAuditEntry> {
    /** The default {@linkplain BoomiSourceBuilder#settleLag(Duration) settle lag} of the Boomi sources: one minute (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(1);
    /**
     * The default {@linkplain BoomiSourceBuilder#parallelism(int) parallelism}: two day queries at once, enough
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

    BoomiAuditLogSource(BoomiConnection connection, HttpTransport platform, QueryExpression filter,
            EntryOrder resultOrder, DeliveryOptions delivery, int parallelism) {
        this.connection = connection;
        this.platform = platform;
        this.filter = filter;
        this.resultOrder = resultOrder;
        this.delivery = delivery;
        this.parallelism = parallelism;
        LOG.debug("boomi: AuditLog query source for account {} at {}", connection.accountId, connection.baseUrl);
    }

    /** @return a builder */
    public static BoomiSourceBuilder builder() {
        return new BoomiSourceBuilder();
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
     */
    @Override
    protected AuditLogStream<BoomiAuditEntry> read(AuditLogQuery query) {
        DeliveryTracker tracker = delivery.tracker(query).order(resultOrder).build();
        if (resultOrder == EntryOrder.NEWEST_FIRST) {
            return PagedAuditLogStream.of(tracker, NewestFirstWindows.of(tracker, window ->
                    new DescendingGuard(pager(window.start(), window.end()), delivery.lateness())));
        }
        List<TimeWindow> days = TimeWindow.split(query.start(), query.to(), Duration.ofDays(1));
        if (parallelism == 1 || days.size() < 2 || resultOrder != EntryOrder.OLDEST_FIRST) {
            return PagedAuditLogStream.of(tracker, pager(query.start(), query.to()));
        }
        LOG.debug("boomi: reading [{}, {}) as {} day queries, {} at a time", query.start(), query.to(), days.size(),
                parallelism);
        return PagedAuditLogStream.of(tracker, TimeWindowPager.builder(days, day ->
                pager(day.start(), day.end()).filter(e -> day.contains(e.timestamp())))
                .parallelism(parallelism)
                .build());
    }

    private CloseableIterator<BoomiAuditEntry> pager(Instant start, Instant end) {
        return TokenPager.builder(BoomiPages.of(connection, platform, start, end, filter))
                .maxPagesWithoutProgress(platform.limits().maxPagesWithoutProgress()).build();
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
        platform.requireOpen("this " + getClass().getSimpleName());
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

    /** Closes the HTTP client the source built (never a caller-owned one). */
    @Override
    protected void release() {
        platform.close();
    }

    @Override
    protected String settings() {
        return "account=" + connection.accountId + ", baseUrl=" + connection.baseUrl;
    }
}
