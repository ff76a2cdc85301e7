package dev.auditsdk.jitterbit;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jitterbit Harmony's API Manager API log, read through the asynchronous API Manager Log
 * Service: for each window of the range (one day by default) it requests an export
 * ({@code debuglogs-async}, oldest first), polls {@code log-async} with backoff through
 * RECEIVED and PROCESSING, and streams the COMPLETE file (CSV or JSON, gzipped or not, as
 * sniffed) entry by entry. NO_DATA is an empty window; ERROR and INVALID fail with Harmony's
 * message; a request locked by an earlier failure is re-sent as a distinct request.
 *
 * <p>A file download that fails part-way (cut short, reset, stalled past the body-read timeout)
 * is downloaded again from the same reference key and read on after the entries already
 * delivered ({@link ResumingEntries}), within the retry policy, so the stream goes on without a
 * gap or a duplicate; if Harmony no longer serves that key's file, the window is exported anew
 * and its file read on the same way. Only when the policy is used up does the stream fail, and
 * its checkpoint then resumes exactly.
 *
 * <pre>{@code
 * try (JitterbitApiLogSource source = JitterbitApiLogSource.builder()
 *         .region(JitterbitRegion.NA)
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("JITTERBIT_EMAIL", "JITTERBIT_PASSWORD"))
 *         .build();
 *      AuditLogStream<JitterbitApiLogEntry> entries = source.fetch(AuditLogQuery.builder().from(yesterday).build())) {
 *     for (JitterbitApiLogEntry e : entries) { ... }
 *     store(entries.checkpoint());
 * }
 * }</pre>
 *
 * <p>Thread-safe; each {@link #fetch} is an independent, lazy stream. Closing the source
 * closes the HTTP client it built (never a caller's).
 */
public final class JitterbitApiLogSource extends AbstractAuditLogSource<JitterbitApiLogEntry> {
    /** The vendor name. */
    public static final String VENDOR = "jitterbit";
    /** The path of the REST service on a Harmony host. */
    public static final String SERVICE_PATH = "jitterbit-cloud-restful-service";
    /** The default {@linkplain JitterbitSourceBuilder#lateness(Duration) lateness}: one second. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(1);
    /** The default {@linkplain JitterbitSourceBuilder#settleLag(Duration) settle lag}: two minutes (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(2);
    /**
     * The default {@linkplain JitterbitSourceBuilder#parallelism(int) parallelism}: eight window exports submitted
     * ahead and polled side by side (an export mostly waits for Harmony; see the README).
     */
    public static final int DEFAULT_PARALLELISM = 8;
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitApiLogSource.class);

    private final JitterbitConnection connection;
    private final JitterbitPages pages;
    private final String orgId;
    private final Duration windowSize;
    private final int parallelism;
    private final DeliveryOptions delivery;

    JitterbitApiLogSource(JitterbitSourceBuilder b, JitterbitConnection connection, JitterbitPages pages) {
        this.connection = connection;
        this.pages = pages;
        this.orgId = b.orgId;
        this.windowSize = b.windowSize;
        this.parallelism = b.configuredParallelism();
        this.delivery = b.delivery();
    }

    /** @return a new builder */
    public static JitterbitSourceBuilder builder() {
        return new JitterbitSourceBuilder();
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

    /** @return the service root requests go to, e.g. {@code https://na-east.jitterbit.com/jitterbit-cloud-restful-service/} */
    public URI serviceUrl() {
        return connection.service();
    }

    /**
     * Reads the API log entries of {@code [from, to)} (or after the query's checkpoint), oldest
     * first, lazily: nothing is requested until the stream is iterated.
     *
     * @param query the range, resume point and limit ({@code pageSize} does not apply: Harmony exports whole files)
     * @return the entries
     */
    @Override
    protected AuditLogStream<JitterbitApiLogEntry> read(AuditLogQuery query) {
        List<TimeWindow> windows = TimeWindow.split(query.start(), query.to(), windowSize);
        LOG.debug("jitterbit: reading [{}, {}) in {} window(s) of at most {}", query.start(), query.to(), windows.size(), windowSize);
        DeliveryTracker tracker = delivery.tracker(query).build();
        TimeWindowPager<JitterbitApiLogEntry> pager = TimeWindowPager.builder(windows, pages)
                .parallelism(parallelism)
                .build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    /** Closes the HTTP client the source built; a caller's client is left open. */
    @Override
    protected void release() {
        connection.close();
    }

    @Override
    protected String settings() {
        return "serviceUrl=" + connection.service() + (orgId == null ? "" : ", orgId=" + orgId) + ", windowSize=" + windowSize
                + ", parallelism=" + parallelism;
    }
}
