package dev.auditsdk.uipath;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.TokenPager;
import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.net.URI;
import java.time.Duration;

/**
 * The unified audit log ("new admin experience") of a UiPath organization or tenant:
 * {@code GET {baseUrl}/{organization}/orgaudit_/api/query/events} when no tenant is configured,
 * {@code GET {baseUrl}/{organization}/{tenant}/tenantaudit_/api/query/events} when one is.
 *
 * <pre>{@code
 * try (UiPathUnifiedAuditLogSource source = UiPathUnifiedAuditLogSource.builder()
 *         .organization("acme").tenant("DefaultTenant")
 *         .credentials(CredentialsProvider.oauthFromEnv("UIPATH_CLIENT_ID", "UIPATH_CLIENT_SECRET"))
 *         .build();
 *      AuditLogStream<UiPathUnifiedAuditEvent> events = source.fetch(AuditLogQuery.builder().resumeFrom(saved).build())) {
 *     events.forEach(this::ship);
 *     save(events.checkpoint());
 * }
 * }</pre>
 *
 * <p>The API filters by time on the server ({@code from}/{@code to}) and pages with cursors:
 * events come newest first and each page's {@code previous} link leads to older ones. The
 * source follows those links with core's {@link TokenPager} until the range is covered (empty
 * pages in between are passed over), so it reads only the range asked for: prefer it over
 * the classic source for incremental collection. Events are delivered newest first; the
 * checkpoint covers the range once it has been read to the end.
 *
 * <p>Thread-safe; one source serves many concurrent streams with one cached OAuth token. Built by
 * {@link UiPathUnifiedSourceBuilder}; pages are read by the package's unified page function over
 * the shared connection (transport and token cache). A closed source refuses to fetch.
 */
public final class UiPathUnifiedAuditLogSource extends AbstractAuditLogSource<UiPathUnifiedAuditEvent> {
    /** The default {@linkplain UiPathUnifiedSourceBuilder#settleLag(Duration) settle lag} of the unified API: two minutes (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(2);
    /** The organization-scope events path below {@code {organization}/}. */
    public static final String ORGANIZATION_EVENTS_PATH = "orgaudit_/api/query/events";
    /** The tenant-scope events path below {@code {organization}/{tenant}/}. */
    public static final String TENANT_EVENTS_PATH = "tenantaudit_/api/query/events";
    /** The smallest {@code maxCount} the API accepts. */
    public static final int MIN_PAGE_SIZE = 10;
    /** The largest {@code maxCount} the API accepts; also the default. */
    public static final int MAX_PAGE_SIZE = 200;

    private final UiPathConnection connection;
    private final URI url;
    private final UnifiedFilters filters;
    private final int pageSize;
    private final int maxPages;
    private final DeliveryOptions delivery;

    UiPathUnifiedAuditLogSource(UiPathConnection connection, UnifiedFilters filters, int pageSize, int maxPages,
            DeliveryOptions delivery) {
        this.connection = connection;
        this.url = connection.tenant().isPresent() ? connection.tenantUrl(TENANT_EVENTS_PATH)
                : connection.organizationUrl(ORGANIZATION_EVENTS_PATH);
        this.filters = filters;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.delivery = delivery;
    }

    /** @return a new builder */
    public static UiPathUnifiedSourceBuilder builder() {
        return new UiPathUnifiedSourceBuilder();
    }

    @Override
    public String vendor() {
        return UiPathConnection.VENDOR;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /** @return the events URL of the configured scope */
    public URI url() {
        return url;
    }

    /**
     * Reads the events of {@code [from, to)} (or after the query's checkpoint) that pass the
     * source's filters, newest first, lazily: no request is made until the stream is iterated.
     * The query's page-size hint is clamped to {@value #MIN_PAGE_SIZE}..{@value #MAX_PAGE_SIZE}.
     */
    @Override
    protected AuditLogStream<UiPathUnifiedAuditEvent> read(AuditLogQuery query) {
        int maxCount = Math.max(MIN_PAGE_SIZE, Math.min(MAX_PAGE_SIZE, query.pageSize().orElse(pageSize)));
        DeliveryTracker tracker = delivery.tracker(query).order(EntryOrder.NEWEST_FIRST).build();
        return PagedAuditLogStream.of(tracker, NewestFirstWindows.of(tracker, window -> TokenPager.builder(
                new UiPathUnifiedPages(connection, url, filters, maxCount, window.start(), window.end()))
                .maxPages(maxPages).maxPagesWithoutProgress(connection.limits().maxPagesWithoutProgress()).build()));
    }

    /** Releases the HTTP client if the source built it; a caller-owned client stays open. */
    @Override
    protected void release() {
        connection.close();
    }

    @Override
    protected String settings() {
        return "url=" + url + ", " + filters + ", pageSize=" + pageSize;
    }
}
