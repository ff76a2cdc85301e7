package dev.auditsdk.informatica;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.informatica.internal.InformaticaClient;
import dev.auditsdk.informatica.internal.InformaticaLogin;
import dev.auditsdk.informatica.internal.SecurityLogWindows;
import dev.auditsdk.informatica.model.InformaticaSecurityLogEntry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Informatica IDMC security log (REST API v3, {@code /public/core/v3/securityLog}, admins
 * only): logins, and changes to users, groups, roles, agents and the organization.
 *
 * <p>It logs in with the v3 login ({@code /saas/public/core/v3/login}) and sends the session in
 * {@code INFA-SESSION-ID} to the returned {@code baseApiUrl}. The range is read in windows of at
 * most {@link Builder#maxWindow(Duration) 14 days}; the API answers at most
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
public final class InformaticaSecurityLogSource implements AuditLogSource<InformaticaSecurityLogEntry> {
    /** The most rows one answer holds (the largest {@code limit} the API accepts). */
    public static final int DEFAULT_ROW_CAP = 1_000;
    /** The longest range one request may span. */
    public static final Duration MAX_WINDOW = Duration.ofDays(14);

    private final InformaticaClient client;
    private final SecurityLogWindows windows;
    private final Duration maxWindow;
    private final DeliveryOptions delivery;
    private final int parallelism;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InformaticaSecurityLogSource(Builder b) {
        this.maxWindow = b.maxWindow;
        this.delivery = b.delivery();
        this.parallelism = b.configuredParallelism();
        this.client = b.newClient(InformaticaLogin.Api.V3);
        this.windows = new SecurityLogWindows(client, b.rowCap);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
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
     * @throws IllegalStateException if this source is closed
     */
    @Override
    public AuditLogStream<InformaticaSecurityLogEntry> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        if (closed.get()) {
            throw new IllegalStateException("this Informatica security log source is closed");
        }
        DeliveryTracker tracker = delivery.tracker(query).build();
        TimeWindowPager<InformaticaSecurityLogEntry> pager = TimeWindowPager
                .builder(TimeWindow.split(query.start(), query.to(), maxWindow), windows)
                .parallelism(parallelism)
                .build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    /** Logs the session out (best effort) and releases the HTTP client the source built. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    /** Builds an {@link InformaticaSecurityLogSource}. */
    public static final class Builder extends InformaticaSourceBuilder<Builder> {
        private int rowCap = DEFAULT_ROW_CAP;
        private Duration maxWindow = MAX_WINDOW;

        private Builder() {
        }

        /**
         * @param cap the row cap of one answer, sent as {@code limit}: 100..{@value #DEFAULT_ROW_CAP};
         *     an answer with this many rows makes its window split; default {@value #DEFAULT_ROW_CAP}
         * @return this builder
         */
        public Builder rowCap(int cap) {
            if (cap < 100 || cap > DEFAULT_ROW_CAP) {
                throw new IllegalArgumentException("rowCap must be between 100 and " + DEFAULT_ROW_CAP + ", was " + cap);
            }
            this.rowCap = cap;
            return this;
        }

        /**
         * @param window the longest range of one request, at most 14 days (the API's maximum); default 14 days
         * @return this builder
         */
        public Builder maxWindow(Duration window) {
            Objects.requireNonNull(window, "maxWindow");
            if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("maxWindow must be positive and at most 14 days, was " + window);
            }
            this.maxWindow = window;
            return this;
        }

        /**
         * @return the source; nothing is requested yet
         * @throws IllegalArgumentException when the region/login URL or the credentials are
         *     missing, or the login URL is plain HTTP to a non-loopback host without opt-in
         */
        public InformaticaSecurityLogSource build() {
            return new InformaticaSecurityLogSource(this);
        }
    }
}
