package dev.auditsdk.lifecycle;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.spi.auth.BasicAuthenticator;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpResult;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.lifecycle.model.LifecycleAuditEntry;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of a Sonatype Lifecycle (IQ Server), read through
 * {@code GET /api/v2/auditLogs?startUtcDate=&endUtcDate=}.
 *
 * <p>The endpoint takes whole UTC days (both inclusive) and answers with the days' events as
 * JSON Lines in ascending time, timestamps in the server's own offset. {@link #fetch} splits
 * {@code [from, to)} into windows of {@link Builder#windowDays(int) windowDays} UTC days,
 * requests each, streams its body line by line, drops what lies outside the exact range and
 * delivers in ascending time. The vendor has no event id: each entry gets a stable identity
 * (hash of its line as the server wrote it plus its occurrence among identical lines), so two identical
 * events in the same millisecond stay two events and a resumed read re-reads the checkpoint's
 * day and delivers exactly what was not delivered yet.
 *
 * <p>A window's body that fails part-way (cut short, reset, stalled past the body-read timeout)
 * is requested again and read on after the entries already delivered from it
 * ({@link ResumingEntries}), within the {@link Builder#retryPolicy retry policy}: the stream goes
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
 * the HTTP client it built (never a caller-owned one).
 */
public final class LifecycleAuditLogSource implements AuditLogSource<LifecycleAuditEntry> {
    /** The vendor name of this source. */
    public static final String VENDOR = "lifecycle";
    /** The server URL of a default local installation, as in Sonatype's documentation. */
    public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:8070");
    /** The default {@linkplain Builder#lateness(Duration) lateness}: one second. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(1);
    /** The default {@linkplain Builder#settleLag(Duration) settle lag}: ten seconds (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofSeconds(10);
    /** The default {@linkplain Builder#parallelism(int) parallelism}: four day windows read at once. */
    public static final int DEFAULT_PARALLELISM = 4;
    /** The endpoint, relative to the server URL. */
    static final String AUDIT_LOGS_PATH = "api/v2/auditLogs";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleAuditLogSource.class);

    private final URI baseUrl;
    private final URI auditLogsUri;
    private final HttpTransport transport;
    private final int windowDays;
    private final int dayMargin;
    private final int parallelism;
    private final DeliveryOptions delivery;

    private LifecycleAuditLogSource(Builder b, HttpTransport transport) {
        this.baseUrl = b.baseUrl;
        this.auditLogsUri = Endpoints.resolve(b.baseUrl, AUDIT_LOGS_PATH);
        this.windowDays = b.windowDays;
        this.dayMargin = b.dayMargin;
        this.parallelism = b.configuredParallelism();
        this.delivery = b.delivery();
        this.transport = transport;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
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
     * request is sent when the stream is first iterated.
     *
     * @param query the range, resume point and limit ({@code pageSize} does not apply: the
     *     endpoint is not paged)
     * @return the entries in ascending time, each exactly once
     */
    @Override
    public AuditLogStream<LifecycleAuditEntry> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        transport.requireOpen("this Lifecycle audit log source");
        List<TimeWindow> windows = TimeWindow.utcDays(query.start(), query.to(), windowDays);
        LOG.debug("lifecycle: reading [{}, {}) in {} window(s) of up to {} day(s), {} at a time", query.start(),
                query.to(), windows.size(), windowDays, parallelism);
        TimeWindowPager<LifecycleAuditEntry> pager = TimeWindowPager.builder(windows, this::fetchWindow)
                .parallelism(parallelism)
                .build();
        // the order the parser accepts and the tracker's lateness are one value, or the tracker would skip what the parser let through
        DeliveryTracker tracker = delivery.tracker(query).build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    /**
     * Requests the window's UTC days and streams the entries that fall inside the window; a body
     * cut short is requested again and continued after the entries already handed out.
     */
    private CloseableIterator<LifecycleAuditEntry> fetchWindow(TimeWindow window) {
        return ResumingEntries.<LifecycleAuditEntry>builder(attempt -> readWindow(window), LifecycleAuditEntry::id)
                .retryPolicy(transport.retryPolicy())
                .unit("lifecycle window " + window)
                .open();
    }

    /** One read of the window from its start: a fresh identity numbering, so a re-read numbers lines the same way. */
    private CloseableIterator<LifecycleAuditEntry> readWindow(TimeWindow window) {
        LocalDate first = window.start().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(dayMargin);
        LocalDate last = window.end().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(dayMargin);
        HttpRequestSpec request = HttpRequestSpec.get(auditLogsUri)
                .query("startUtcDate", first)
                .query("endUtcDate", last)
                .header("Accept", "text/plain")
                .build();
        HttpResult result = transport.send(request);
        String source = "lifecycle audit log " + first + ".." + last;
        return LifecycleAuditLogParser.parse(result.body(), StableIdentity.withPrefix(LifecycleAuditLogParser.ID_PREFIX),
                source, window, transport.limits());
    }

    /** Closes the HTTP client if this source built it. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "LifecycleAuditLogSource{baseUrl=" + baseUrl + ", windowDays=" + windowDays + ", parallelism="
                + parallelism + "}";
    }

    /**
     * Configures a {@link LifecycleAuditLogSource}. Credentials are required; everything else has
     * a default. The HTTP options (retry policy, caller-owned client, timeouts, plain-HTTP opt-in,
     * listener, clock) are those of every source, from {@link AbstractSourceBuilder}; the request
     * and body-read timeouts default to 120 s here, because the server reads its log files before
     * and while it answers.
     */
    public static final class Builder extends AbstractSourceBuilder<Builder> {
        private URI baseUrl = DEFAULT_BASE_URL;
        private Authenticator authenticator;
        private int windowDays = 1;
        private int dayMargin;

        private Builder() {
            requestTimeout(Duration.ofSeconds(120));
            bodyReadTimeout(Duration.ofSeconds(120));
        }

        /**
         * @param baseUrl the IQ Server URL, e.g. {@code https://iq.example.com} (a context path is
         *     kept); default {@code http://localhost:8070}. Plain HTTP is accepted only for
         *     loopback hosts unless {@code allowInsecureHttp(true)} is set
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * @param baseUrl the IQ Server URL as text
         * @return this builder
         * @throws IllegalArgumentException if it is not a URL
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * @param credentials an IQ Server user name and password, sent as HTTP Basic; resolved
         *     on every request, so rotated credentials are picked up
         * @return this builder
         */
        public Builder credentials(CredentialsProvider<UsernamePassword> credentials) {
            this.authenticator = BasicAuthenticator.of(Objects.requireNonNull(credentials, "credentials"));
            return this;
        }

        /**
         * @param username the IQ Server user
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            Objects.requireNonNull(password, "password");
            return credentials(CredentialsProvider.of(UsernamePassword.of(username, Secret.of(password))));
        }

        /**
         * @param token an IQ Server user token: its {@link ApiToken#name() name} is the token's
         *     user code, its secret the passcode; sent as HTTP Basic like a password
         * @return this builder
         */
        public Builder userToken(CredentialsProvider<ApiToken> token) {
            this.authenticator = BasicAuthenticator.ofApiToken(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * @param userCode the user token's code
         * @param passcode the user token's passcode
         * @return this builder
         */
        public Builder userToken(String userCode, String passcode) {
            Objects.requireNonNull(userCode, "userCode");
            Objects.requireNonNull(passcode, "passcode");
            return userToken(CredentialsProvider.of(ApiToken.of(userCode, Secret.of(passcode))));
        }

        /**
         * @param windowDays UTC days per request; default 1. Larger windows mean fewer, longer
         *     requests
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder windowDays(int windowDays) {
            if (windowDays <= 0) {
                throw new IllegalArgumentException("windowDays must be positive, was " + windowDays);
            }
            this.windowDays = windowDays;
            return this;
        }

        /**
         * Days asked for on each side of a window. The documentation says the endpoint takes UTC
         * days, but its samples carry the server's local offset: a server that selects by its own
         * local date would leave the entries near midnight UTC out of the window's days. With a
         * margin of 1 every window asks for one more day on each side and keeps only its own
         * entries (by their exact instant), so nothing near the edges is lost, at the cost of
         * reading the neighbouring days too.
         *
         * @param days 0 (default: trust UTC days) to 2
         * @return this builder
         * @throws IllegalArgumentException if outside 0..2
         */
        public Builder dayMargin(int days) {
            if (days < 0 || days > 2) {
                throw new IllegalArgumentException("dayMargin must be between 0 and 2, was " + days);
            }
            this.dayMargin = days;
            return this;
        }

        /**
         * The server appends to its audit log as requests complete, so an entry may show up after a later-stamped one by about a request's duration: the default {@link #settleLag(Duration)} is ten seconds (an assumption; IQ Server documents none).
         *
         * @return {@code DEFAULT_SETTLE_LAG}
         */
        @Override
        protected Duration defaultSettleLag() {
            return DEFAULT_SETTLE_LAG;
        }

        /**
         * Servers log concurrent requests in nearly, not strictly, ascending order: the default
         * {@link #lateness(Duration)} is one second. A line further back than the lateness
         * behind an earlier one fails the read with an
         * {@link dev.auditsdk.core.error.AuditDataException} rather than being lost; resumed
         * reads re-read this much before the checkpoint.
         *
         * @return one second
         */
        /**
         * @return {@value LifecycleAuditLogSource#DEFAULT_PARALLELISM}: day windows are independent
         *     requests, and an IQ Server answers a few at once without strain (see the README)
         */
        @Override
        protected int defaultParallelism() {
            return DEFAULT_PARALLELISM;
        }

        @Override
        protected Duration defaultLateness() {
            return DEFAULT_LATENESS;
        }

        private DeliveryOptions delivery() {
            return configuredDelivery();
        }

        /** An IQ Server is one budget: a rate limit set on the retry policy is shared by every source on it. */
        @Override
        protected String defaultRateLimitDomain() {
            return VENDOR + ":" + baseUrl;
        }

        /**
         * @return the source
         * @throws IllegalStateException if no credentials were given
         * @throws IllegalArgumentException if the base URL is not https (or http to loopback, or
         *     http with {@code allowInsecureHttp(true)}), or has a query
         */
        public LifecycleAuditLogSource build() {
            if (authenticator == null) {
                throw new IllegalStateException(
                        "LifecycleAuditLogSource: credentials are required: call credentials(...) or userToken(...)");
            }
            Endpoints.requireSecure(baseUrl, insecureHttpAllowed());
            return new LifecycleAuditLogSource(this, transportBuilder(VENDOR)
                    .authenticator(authenticator)
                    .errorDecoder(new LifecycleErrorDecoder())
                    .build());
        }
    }
}
