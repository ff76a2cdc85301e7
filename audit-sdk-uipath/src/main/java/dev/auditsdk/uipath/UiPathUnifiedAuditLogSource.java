package dev.auditsdk.uipath;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.TokenPager;
import dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * <p>Thread-safe; one source serves many concurrent streams with one cached OAuth token.
 */
public final class UiPathUnifiedAuditLogSource implements AuditLogSource<UiPathUnifiedAuditEvent> {
    /** The organization-scope events path below {@code {organization}/}. */
    /** The default {@linkplain Builder#settleLag(Duration) settle lag} of the unified API: two minutes (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(2);
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

    private UiPathUnifiedAuditLogSource(Builder b) {
        this.connection = new UiPathConnection(b);
        this.url = connection.tenant().isPresent() ? connection.tenantUrl(TENANT_EVENTS_PATH)
                : connection.organizationUrl(ORGANIZATION_EVENTS_PATH);
        this.filters = new UnifiedFilters(b.sources, b.targets, b.types, b.userIds, b.searchTerm, b.status);
        this.pageSize = b.pageSize;
        this.delivery = b.delivery();
        this.maxPages = b.maxPages;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
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
     *
     * @param query the range, resume point, page-size hint (clamped to 10..200) and limit
     * @return the events
     */
    @Override
    public AuditLogStream<UiPathUnifiedAuditEvent> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        connection.requireOpen("this UiPath unified audit source");
        int maxCount = Math.max(MIN_PAGE_SIZE, Math.min(MAX_PAGE_SIZE, query.pageSize().orElse(pageSize)));
        DeliveryTracker tracker = delivery.tracker(query).order(EntryOrder.NEWEST_FIRST).build();
        return PagedAuditLogStream.of(tracker, NewestFirstWindows.of(tracker, window -> TokenPager.builder(
                new UnifiedPageFetcher(connection, url, filters, maxCount, window.start(), window.end()))
                .maxPages(maxPages).maxPagesWithoutProgress(connection.limits().maxPagesWithoutProgress()).build()));
    }

    /** Releases the HTTP client if the source built it; a caller-owned client stays open. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "UiPathUnifiedAuditLogSource{" + url + ", " + filters + "}";
    }

    /**
     * Builds a {@link UiPathUnifiedAuditLogSource}; {@code organization} and credentials are
     * required. With a {@code tenant} the source reads the tenant scope, without one the
     * organization scope.
     */
    public static final class Builder extends UiPathSourceBuilder<Builder> {
        private final List<String> sources = new ArrayList<>();
        private final List<String> targets = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> userIds = new ArrayList<>();
        private String searchTerm;
        private Integer status;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder() {
        }

        /**
         * The unified audit store is fed from each service after the fact: the default
         * {@link #settleLag(Duration)} is two minutes (an assumption; UiPath documents none).
         *
         * @return {@link UiPathUnifiedAuditLogSource#DEFAULT_SETTLE_LAG}
         */
        @Override
        protected Duration defaultSettleLag() {
            return DEFAULT_SETTLE_LAG;
        }

        /**
         * @param sources only events of these sources (services), as the API's {@code query/sources} lists them
         * @return this builder
         */
        public Builder sources(String... sources) {
            this.sources.addAll(nonBlank("sources", sources));
            return this;
        }

        /**
         * @param targets only events of these categories ({@code target}), e.g. {@code User}
         * @return this builder
         */
        public Builder targets(String... targets) {
            this.targets.addAll(nonBlank("targets", targets));
            return this;
        }

        /**
         * @param types only events of these activity types ({@code type})
         * @return this builder
         */
        public Builder types(String... types) {
            this.types.addAll(nonBlank("types", types));
            return this;
        }

        /**
         * @param userIds only events of these acting users
         * @return this builder
         */
        public Builder userIds(String... userIds) {
            this.userIds.addAll(nonBlank("userIds", userIds));
            return this;
        }

        /**
         * @param searchTerm only events matching this keyword; null for none
         * @return this builder
         */
        public Builder searchTerm(String searchTerm) {
            this.searchTerm = searchTerm == null || searchTerm.isBlank() ? null : searchTerm;
            return this;
        }

        /**
         * @param status only succeeded ({@value UiPathUnifiedAuditEvent#STATUS_SUCCEEDED}) or failed
         *     ({@value UiPathUnifiedAuditEvent#STATUS_FAILED}) actions; null for both
         * @return this builder
         */
        public Builder status(Integer status) {
            if (status != null && status != UiPathUnifiedAuditEvent.STATUS_SUCCEEDED
                    && status != UiPathUnifiedAuditEvent.STATUS_FAILED) {
                throw new IllegalArgumentException("status must be 0 (succeeded) or 1 (failed), was " + status);
            }
            this.status = status;
            return this;
        }

        /**
         * @param pageSize {@code maxCount} per request, {@value UiPathUnifiedAuditLogSource#MIN_PAGE_SIZE} to
         *     {@value UiPathUnifiedAuditLogSource#MAX_PAGE_SIZE} (the default); the query's hint overrides it
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize (maxCount) must be between " + MIN_PAGE_SIZE + " and "
                        + MAX_PAGE_SIZE + ", was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * @return the source; no request is made yet
         * @throws IllegalArgumentException when the organization or credentials are missing, or
         *     the base URL is plain HTTP to a remote host without {@link #allowInsecureHttp(boolean)}
         */
        public UiPathUnifiedAuditLogSource build() {
            return new UiPathUnifiedAuditLogSource(this);
        }

        private static List<String> nonBlank(String name, String... values) {
            Objects.requireNonNull(values, name);
            List<String> out = new ArrayList<>();
            for (String v : Arrays.asList(values)) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException(name + " must not contain blank values");
                }
                out.add(v.trim());
            }
            return out;
        }
    }
}
