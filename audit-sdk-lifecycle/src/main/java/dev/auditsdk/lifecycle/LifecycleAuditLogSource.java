package dev.auditsdk.lifecycle;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of a Sonatype Lifecycle (IQ Server), read through
 * {@code GET /api/v2/auditLogs?startUtcDate=&endUtcDate=}.
 *
 * <p>The endpoint takes whole UTC days (both inclusive) and answers with the days' events as
 * JSON Lines in ascending time, timestamps in the server's own offset. {@link #fetch} splits
 * {@code [from, to)} into windows of {@link LifecycleSourceBuilder#windowSize(java.time.Duration) windowSize} (whole UTC days),
 * requests each, streams its body line by line, drops what lies outside the exact range and
 * delivers in ascending time. The vendor has no event id: each entry gets a stable identity
 * (hash of its line as the server wrote it plus its occurrence among identical lines), so two identical
 * events in the same millisecond stay two events and a resumed read re-reads the checkpoint's
 * day and delivers exactly what was not delivered yet.
 *
 * <p>A window's body that fails part-way (cut short, reset, stalled past the body-read timeout)
 * is requested again and read on after the entries already delivered from it
 * ({@link ResumingEntries}), within the {@link LifecycleSourceBuilder#retryPolicy retry policy}: the stream goes
 * on without a gap or a duplicate. Only when the policy is used up does the stream fail, and its
 * checkpoint then resumes exactly.
 *
 * <pre>{@code
 * try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder()
 *         .baseUrl("https://iq.example.com")
 *         .userToken("Xq7bD2kL", System.getenv("IQ_TOKEN_PASSCODE"))
 *         .build();
 *      AuditLogStream<LifecycleAuditEntry> entries = source.fetch(AuditLogQuery.builder().from(since).build())) {
 *     for (LifecycleAuditEntry e : entries) {
 *         handle(e.toAuditEvent());
 *     }
 *     store(entries.checkpoint().serialize());
 * }
 * }</pre>
 *
 * <p>Thread-safe and immutable; each {@code fetch} is independent. Closing the source closes
 * the HTTP client it built (never a caller-owned one); a closed source refuses to fetch. Built by
 * {@link LifecycleSourceBuilder}; each window is read by the package's page function.
 */
public final class LifecycleAuditLogSource extends AbstractAuditLogSource<LifecycleAuditEntry> {
    /** The vendor name of this source. */
    public static final String VENDOR = "lifecycle";
    /** The server URL of a default local installation, as in Sonatype's documentation. */
    public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:8070");
    /** The default {@linkplain LifecycleSourceBuilder#lateness(Duration) lateness}: one second. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(1);
    /** The default {@linkplain LifecycleSourceBuilder#settleLag(Duration) settle lag}: ten seconds (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofSeconds(10);
    /** The default {@linkplain LifecycleSourceBuilder#parallelism(int) parallelism}: four day windows read at once. */
    public static final int DEFAULT_PARALLELISM = 4;

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleAuditLogSource.class);

    private final URI baseUrl;
    private final HttpTransport transport;
    private final LifecyclePages pages;
    private final int windowDays;
    private final int parallelism;
    private final DeliveryOptions delivery;

    LifecycleAuditLogSource(URI baseUrl, HttpTransport transport, LifecyclePages pages, int windowDays, int parallelism,
            DeliveryOptions delivery) {
        this.baseUrl = baseUrl;
        this.transport = transport;
        this.pages = pages;
        this.windowDays = windowDays;
        this.parallelism = parallelism;
        this.delivery = delivery;
    }

    /** @return a new builder */
    public static LifecycleSourceBuilder builder() {
        return new LifecycleSourceBuilder();
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /** @return the server URL this source reads from */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Reads the entries of {@code [from, to)}, or after the query's checkpoint, lazily: the first
     * request is sent when the stream is first iterated. The query's {@code pageSize} does not
     * apply: the endpoint is not paged.
     */
    @Override
    protected AuditLogStream<LifecycleAuditEntry> read(AuditLogQuery query) {
        List<TimeWindow> windows = TimeWindow.utcDays(query.start(), query.to(), windowDays);
        LOG.debug("lifecycle: reading [{}, {}) in {} window(s) of up to {} day(s), {} at a time", query.start(),
                query.to(), windows.size(), windowDays, parallelism);
        TimeWindowPager<LifecycleAuditEntry> pager = TimeWindowPager.builder(windows, pages)
                .parallelism(parallelism)
                .build();
        // the order the parser accepts and the tracker's lateness are one value, or the tracker would skip what the parser let through
        DeliveryTracker tracker = delivery.tracker(query).build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    /** Closes the HTTP client if this source built it. */
    @Override
    protected void release() {
        transport.close();
    }

    @Override
    protected String settings() {
        return "baseUrl=" + baseUrl + ", windowSize=" + Duration.ofDays(windowDays) + ", parallelism=" + parallelism;
    }
}
