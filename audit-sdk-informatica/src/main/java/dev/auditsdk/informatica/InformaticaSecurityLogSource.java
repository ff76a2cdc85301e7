package dev.auditsdk.informatica;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.source.AbstractAuditLogSource;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.informatica.model.InformaticaSecurityLogEntry;
import java.net.URI;
import java.time.Duration;

/**
 * The Informatica IDMC security log (REST API v3, {@code /public/core/v3/securityLog}, admins
 * only): logins, and changes to users, groups, roles, agents and the organization.
 *
 * <p>It logs in with the v3 login ({@code /saas/public/core/v3/login}) and sends the session in
 * {@code INFA-SESSION-ID} to the returned {@code baseApiUrl}. The range is read in windows of at
 * most {@link InformaticaSecurityLogSourceBuilder#windowSize(Duration) 14 days}; the API answers at most
 * {@value #DEFAULT_ROW_CAP} rows and has no paging, so a window whose answer reaches that cap is
 * split in halves until no answer does. Entries are delivered in ascending time.
 *
 * <pre>{@code
 * try (InformaticaSecurityLogSource source = InformaticaSecurityLogSource.builder()
 *         .region("dm-em")
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("IICS_USER", "IICS_PASSWORD"))
 *         .build()) {
 *     source.fetch(AuditLogQuery.builder().from(lastWeek).build()).stream().forEach(...);
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} logs the session out.
 */
public final class InformaticaSecurityLogSource extends AbstractAuditLogSource<InformaticaSecurityLogEntry> {
    /** The most rows one answer holds (the largest {@code limit} the API accepts). */
    public static final int DEFAULT_ROW_CAP = 1_000;
    /** The longest range one request may span. */
    public static final Duration MAX_WINDOW = Duration.ofDays(14);
    /**
     * The default {@linkplain InformaticaSecurityLogSourceBuilder#parallelism(int) parallelism}:
     * four windows read at once (see the README).
     */
    public static final int DEFAULT_PARALLELISM = 4;

    private final InformaticaConnection connection;
    private final InformaticaSecurityLogPages pages;
    private final URI baseUrl;
    private final Duration windowSize;
    private final DeliveryOptions delivery;
    private final int parallelism;

    InformaticaSecurityLogSource(InformaticaSecurityLogSourceBuilder b) {
        this.windowSize = b.configuredWindowSize();
        this.delivery = b.delivery();
        this.parallelism = b.configuredParallelism();
        this.connection = b.newConnection(InformaticaLogin.Api.V3);
        this.baseUrl = b.configuredBaseUrl();
        this.pages = new InformaticaSecurityLogPages(connection, b.configuredRowCap());
    }

    /** @return a new builder */
    public static InformaticaSecurityLogSourceBuilder builder() {
        return new InformaticaSecurityLogSourceBuilder();
    }

    @Override
    public String vendor() {
        return InformaticaAuditLogSource.VENDOR;
    }

    /** @return the settle lag this source assumes (its builder's {@code settleLag}, or the module's documented default) */
    @Override
    public Duration settleLag() {
        return delivery.settleLag();
    }

    /**
     * Reads {@code [from, to)} (or everything after the query's checkpoint) in ascending time.
     * Nothing is requested until the stream is iterated.
     *
     * @param query the range, resume point and limit (the page-size hint is not used: the
     *     window splitting decides the answer sizes)
     * @return the entries, oldest first
     */
    @Override
    protected AuditLogStream<InformaticaSecurityLogEntry> read(AuditLogQuery query) {
        DeliveryTracker tracker = delivery.tracker(query).build();
        TimeWindowPager<InformaticaSecurityLogEntry> pager = TimeWindowPager
                .builder(TimeWindow.split(query.start(), query.to(), windowSize), pages)
                .parallelism(parallelism)
                .build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    /** Logs the session out (best effort) and releases the HTTP client the source built. */
    @Override
    protected void release() {
        connection.close();
    }

    @Override
    protected String settings() {
        return "baseUrl=" + baseUrl + ", windowSize=" + windowSize + ", parallelism=" + parallelism;
    }
}
