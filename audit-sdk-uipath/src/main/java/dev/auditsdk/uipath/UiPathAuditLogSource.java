package dev.auditsdk.uipath;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.EntryOrder;
import dev.auditsdk.core.spi.paging.NewestFirstWindows;
import dev.auditsdk.core.spi.paging.OffsetPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.uipath.model.UiPathAuditEntry;
import java.net.URI;
import java.time.Duration;
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
 *      UiPathAuditLogStream entries = source.fetchWithTotalCount(AuditLogQuery.builder().from(yesterday).build())) {
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
 * <p>Thread-safe; one source serves many concurrent streams with one cached OAuth token. Built by
 * {@link UiPathSourceBuilder}; pages are read by the package's classic page function over the
 * shared connection (transport and token cache). A closed source refuses to fetch.
 */
public final class UiPathAuditLogSource extends AbstractAuditLogSource<UiPathAuditEntry> {
    /** The path of the classic audit API below {@code {organization}[/{tenant}]/}. */
    public static final String AUDIT_LOGS_PATH = "audit_/api/auditlogs/";
    /**
     * Default entries per request: the largest page the API serves ({@code top} above it is cut to
     * it), since a bigger page costs one round trip like a small one.
     */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    /** The largest page asked for, whatever the query's hint. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The default {@linkplain UiPathSourceBuilder#parallelism(int) parallelism}: four pages fetched ahead (see the README). */
    public static final int DEFAULT_PARALLELISM = 4;
    /** The default {@linkplain UiPathSourceBuilder#settleLag(Duration) settle lag} of the classic API: one minute (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(1);

    private final UiPathConnection connection;
    private final URI url;
    private final String language;
    private final String apiVersion;
    private final int pageSize;
    private final int maxPages;
    private final int parallelism;
    private final DeliveryOptions delivery;

    UiPathAuditLogSource(UiPathConnection connection, String language, String apiVersion, int pageSize, int maxPages,
            int parallelism, DeliveryOptions delivery) {
        this.connection = connection;
        this.url = connection.tenantUrl(AUDIT_LOGS_PATH);
        this.language = language;
        this.apiVersion = apiVersion;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.parallelism = parallelism;
        this.delivery = delivery;
    }

    /** @return a new builder */
    public static UiPathSourceBuilder builder() {
        return new UiPathSourceBuilder();
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
     * lazily: no request is made until the stream is iterated. The query's page-size hint is capped at {@value #MAX_PAGE_SIZE}; {@link #fetchWithTotalCount}
     * returns the same stream typed with the log's {@code totalCount}.
     */
    @Override
    protected UiPathAuditLogStream read(AuditLogQuery query) {
        int size = Math.max(2, Math.min(MAX_PAGE_SIZE, query.pageSize().orElse(pageSize)));
        DeliveryTracker tracker = delivery.tracker(query).order(EntryOrder.NEWEST_FIRST).build();
        AtomicReference<UiPathPages> latest = new AtomicReference<>();
        NewestFirstWindows<UiPathAuditEntry> entries = NewestFirstWindows.of(tracker, window -> {
            UiPathPages fetcher = new UiPathPages(connection, url, language, apiVersion, window.end());
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
            UiPathPages fetcher = latest.get();
            return fetcher == null ? OptionalLong.empty() : fetcher.totalCount();
        });
    }

    /**
     * {@link #fetch(AuditLogQuery)}, typed: the same lazy stream, which also reports the log's
     * {@code totalCount} as the API last gave it.
     *
     * @param query the range, resume point, page-size hint (capped at {@value #MAX_PAGE_SIZE}) and limit
     * @return the entries, newest first, with the log's {@code totalCount}
     * @throws IllegalStateException if this source is closed
     */
    public UiPathAuditLogStream fetchWithTotalCount(AuditLogQuery query) {
        return (UiPathAuditLogStream) fetch(query);
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
        return ClassicPage.of(connection.readJson(spec), what).totalCount();
    }

    /** Releases the HTTP client if the source built it; a caller-owned client stays open. */
    @Override
    protected void release() {
        connection.close();
    }

    @Override
    protected String settings() {
        return "url=" + url + ", pageSize=" + pageSize + ", parallelism=" + parallelism;
    }
}
