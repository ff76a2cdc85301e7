package dev.auditsdk.uipath;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.OffsetPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import dev.auditsdk.uipath.model.UiPathAuditLogPage;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classic Platform Management audit log of a UiPath organization:
 * {@code GET {baseUrl}/{organization}[/{tenant}]/audit_/api/auditlogs/?top&skip&sortBy&sortOrder&language}.
 *
 * <pre>{@code
 * try (UiPathAuditLogSource source = UiPathAuditLogSource.builder()
 *         .organization("acme").tenant("DefaultTenant")
 *         .credentials(CredentialsProvider.oauthFromEnv("UIPATH_CLIENT_ID", "UIPATH_CLIENT_SECRET"))
 *         .build();
 *      UiPathAuditLogStream entries = source.fetch(AuditLogQuery.builder().from(yesterday).build())) {
 *     for (UiPathAuditEntry e : entries) { ... }
 *     store(entries.checkpoint());
 * }
 * }</pre>
 *
 * <p><b>Paging.</b> The API has no time filter and pages by offset. The source reads the log
 * newest first ({@code sortOrder=desc}) with core's {@link OffsetPager}: each page overlaps the
 * previous one and entries are recognized by their derived identity, so entries written while
 * the log is read (which push older ones to later positions) cause neither duplicates nor
 * skips; paging stops at the first entry older than the query's start instead of reading the
 * whole log, and starts at the first entry older than {@code to} (found by a logarithmic seek).
 * Entries are therefore delivered newest first; the stream's checkpoint covers the whole range
 * once it has been read to the end (see {@link DeliveryTracker} for interrupted reads).
 *
 * <p>Thread-safe; one source serves many concurrent streams with one cached OAuth token.
 */
public final class UiPathAuditLogSource implements AuditLogSource<UiPathAuditEntry> {
    /** The path of the classic audit API below {@code {organization}[/{tenant}]/}. */
    public static final String AUDIT_LOGS_PATH = "audit_/api/auditlogs/";
    /**
     * Default entries per request: the largest page the API serves ({@code top} above it is cut to
     * it), since a bigger page costs one round trip like a small one.
     */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    /** The largest page asked for, whatever the query's hint. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The default {@linkplain Builder#parallelism(int) parallelism}: four pages fetched ahead (see the README). */
    public static final int DEFAULT_PARALLELISM = 4;
    /** The default {@linkplain Builder#settleLag(Duration) settle lag} of the classic API: one minute (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(1);

    private final UiPathConnection connection;
    private final URI url;
    private final String language;
    private final String apiVersion;
    private final int pageSize;
    private final int maxPages;
    private final int parallelism;
    private final DeliveryOptions delivery;

    private UiPathAuditLogSource(Builder b) {
        this.connection = new UiPathConnection(b);
        this.url = connection.tenantUrl(AUDIT_LOGS_PATH);
        this.language = b.language;
        this.delivery = b.delivery();
        this.apiVersion = b.apiVersion;
        this.pageSize = b.pageSize;
        this.maxPages = b.maxPages;
        this.parallelism = b.configuredParallelism();
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

    /** @return the audit API URL, {@code {baseUrl}/{organization}[/{tenant}]/audit_/api/auditlogs/} */
    public URI url() {
        return url;
    }

    /**
     * Reads the entries of {@code [from, to)} (or after the query's checkpoint), newest first,
     * lazily: no request is made until the stream is iterated.
     *
     * @param query the range, resume point, page-size hint (capped at {@value #MAX_PAGE_SIZE}) and limit
     * @return the entries, with the log's {@code totalCount}
     */
    @Override
    public UiPathAuditLogStream fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        connection.requireOpen("this UiPath audit log source");
        int size = Math.max(2, Math.min(MAX_PAGE_SIZE, query.pageSize().orElse(pageSize)));
        DeliveryTracker tracker = delivery.tracker(query).order(EntryOrder.NEWEST_FIRST).build();
        AtomicReference<ClassicPageFetcher> latest = new AtomicReference<>();
        NewestFirstWindows<UiPathAuditEntry> entries = NewestFirstWindows.of(tracker, window -> {
            ClassicPageFetcher fetcher = new ClassicPageFetcher(connection, url, language, apiVersion, window.end());
            latest.set(fetcher);
            return OffsetPager.builder(fetcher, UiPathAuditEntry::id, UiPathAuditEntry::timestamp)
                    .order(EntryOrder.NEWEST_FIRST)
                    .pageSize(size)
                    .parallelism(parallelism)
                    .stopWhen(e -> e.timestamp().isBefore(window.start()))
                    .maxPages(maxPages)
                    .maxPagesWithoutProgress(connection.limits().maxPagesWithoutProgress())
                    .build();
        });
        return new UiPathAuditLogStream(PagedAuditLogStream.of(tracker, entries), () -> {
            ClassicPageFetcher fetcher = latest.get();
            return fetcher == null ? OptionalLong.empty() : fetcher.totalCount();
        });
    }

    /**
     * Asks the API how many entries the whole log holds now (one request for one entry).
     *
     * @return the log's {@code totalCount}, or empty if the API does not report it
     */
    public OptionalLong totalCount() {
        HttpRequestSpec spec = HttpRequestSpec.get(url).query("language", language).query("top", 1).query("skip", 0)
                .header("Accept", "application/json").build();
        String what = "GET " + url.getPath() + " (top=1)";
        return connection.read(spec, result -> UiPathAuditLogPage.read(result.body(), connection.limits(), what)).totalCount();
    }

    /** Releases the HTTP client if the source built it; a caller-owned client stays open. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "UiPathAuditLogSource{" + url + "}";
    }

    /** Builds a {@link UiPathAuditLogSource}; {@code organization} and credentials are required. */
    public static final class Builder extends UiPathSourceBuilder<Builder> {
        private String language = "en";
        private String apiVersion;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * @param language the display language of messages ({@code en}, {@code fr}, {@code de},
         *     {@code ja}, ...); default {@code en}. Derived identities do not depend on it
         * @return this builder
         */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * @param apiVersion sent as {@code api-version} when set; default none
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /**
         * @param pageSize entries per request (the query's hint overrides it); default
         *     {@value UiPathAuditLogSource#DEFAULT_PAGE_SIZE}, at most {@value UiPathAuditLogSource#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 2 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be between 2 and " + MAX_PAGE_SIZE + ", was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** @return {@value UiPathAuditLogSource#DEFAULT_PARALLELISM} */
        @Override
        protected int defaultParallelism() {
            return DEFAULT_PARALLELISM;
        }

        /**
         * @return the source; no request is made yet
         * @throws IllegalArgumentException when the organization or credentials are missing, or
         *     the base URL is plain HTTP to a remote host without {@link #allowInsecureHttp(boolean)}
         */
        public UiPathAuditLogSource build() {
            return new UiPathAuditLogSource(this);
        }
    }
}
