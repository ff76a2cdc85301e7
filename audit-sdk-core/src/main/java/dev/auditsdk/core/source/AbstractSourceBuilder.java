package dev.auditsdk.core.source;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.LateEntryPolicy;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.http.HttpClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.spi.AuditSdkProtectedApi;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpTransport;

/**
 * The options every vendor source's builder shares: how requests are retried, which HTTP
 * client carries them, the timeouts, the plain-HTTP opt-in, the transport and audit log listeners
 * and the clock. A vendor builder extends it, adds where and as whom (base URL, credentials, ...), and
 * builds its transport from {@link #transportBuilder(String)}, to which it adds the vendor's
 * authenticator and error decoder.
 *
 * <p>Defaults: requests one at a time unless the vendor reads ahead by default
 * ({@link #defaultParallelism()}), {@link RetryPolicy#defaults()} (a vendor may choose another default with
 * {@link #defaultRetryPolicy()}), a client built and closed by the source, 10 s to connect, 60 s
 * per attempt until the headers arrive, 60 s between bytes of a body, HTTPS only (loopback
 * excepted), no listeners, the system UTC clock, {@link dev.auditsdk.core.ReadLimits#defaults()}.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class AbstractSourceBuilder<B extends AbstractSourceBuilder<B>> {
    /** Default connect timeout of a client the source builds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default wait per attempt until the response headers arrive. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default longest wait for the next bytes of a response body. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(60);
    /** The most requests a source may have in flight at once, {@link #parallelism(int)}'s upper bound. */
    public static final int MAX_PARALLELISM = 16;

    private RetryPolicy retryPolicy;
    private HttpClient httpClient;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration bodyReadTimeout = DEFAULT_BODY_READ_TIMEOUT;
    private boolean allowInsecureHttp;
    private TransportListener listener = TransportListener.NONE;
    private AuditLogListener auditLogListener = AuditLogListener.NONE;
    private Clock clock = Clock.systemUTC();
    private ReadLimits limits = ReadLimits.defaults();
    private Duration lateness;
    private LateEntryPolicy lateEntries = LateEntryPolicy.FAIL;
    private Duration settleLag;
    private RateLimitRegistry rateLimits = RateLimitRegistry.shared();
    private String rateLimitDomain;
    private Integer parallelism;

    /** For subclasses. */
    protected AbstractSourceBuilder() {
    }

    /** @return this builder as its concrete type */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    /**
     * @param retryPolicy how failed requests are retried; default {@link RetryPolicy#defaults()}
     *     unless the vendor's documentation says otherwise
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * @param httpClient a caller-owned client (never closed by the source; build it with
     *     {@code Redirect.NEVER} so that credentials cannot follow a redirect to another host);
     *     null (the default) to let the source build, and close, its own
     * @return this builder
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return self();
    }

    /**
     * @param timeout connect timeout of the client the source builds (a caller-owned client keeps
     *     its own); default 10 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return self();
    }

    /**
     * @param timeout per attempt, until the response headers arrive; default 60 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public B requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return self();
    }

    /**
     * @param timeout the longest wait for the next bytes of a response body; default 60 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public B bodyReadTimeout(Duration timeout) {
        this.bodyReadTimeout = positive(timeout, "bodyReadTimeout");
        return self();
    }

    /**
     * @param allow true to allow plain HTTP to non-loopback hosts (credentials, tokens and
     *     sessions then travel in clear text); default false
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /**
     * @param listener observes every attempt, answer (with its rate-limit headers) and retry;
     *     default none
     * @return this builder
     */
    public B listener(TransportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * @param listener receives the stream-level events of every read of the sources built here
     *     (entries delivered, watermark, requests, retries, throttling, logins, bytes, pages,
     *     failures), e.g. the {@code audit-sdk-micrometer} module's metrics; default none
     * @return this builder
     */
    public B auditLogListener(AuditLogListener listener) {
        this.auditLogListener = Objects.requireNonNull(listener, "auditLogListener");
        return self();
    }

    /**
     * @param clock the time source for token and session expiry and HTTP-date
     *     {@code Retry-After} values (tests); default the system UTC clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * @param limits hard limits on what is read from the vendor (decompressed size and ratio,
     *     bytes of a JSON value read whole, CSV record size, pages in a row without a new entry);
     *     crossing one is an {@link dev.auditsdk.core.error.AuditDataException} naming it;
     *     default {@link ReadLimits#defaults()}
     * @return this builder
     */
    public B limits(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** @return the configured read limits */
    protected final ReadLimits configuredLimits() {
        return limits;
    }

    /**
     * How far behind the newest delivered entry an entry may still turn up and be delivered:
     * out of time order within one read, or made visible by the vendor after newer ones (then
     * the next run picks it up, as a checkpoint keeps that window open). The one option for
     * this on every source; each vendor documents its default ({@link #defaultLateness()}).
     * A checkpoint remembers the identities delivered within the window, so a long one costs
     * checkpoint size on a busy log. Entries that show up later than this, and entries the
     * vendor makes visible only after a read moved past them, are better caught with a settle
     * lag (read up to {@code now - lag}).
     *
     * @param lateness zero or more
     * @return this builder
     */
    public B lateness(Duration lateness) {
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative, was " + lateness);
        }
        this.lateness = lateness;
        return self();
    }

    /**
     * @param policy what a source does with an entry that turns up later than the
     *     {@linkplain #lateness(Duration) lateness} allows; default {@link LateEntryPolicy#FAIL}
     *     (an {@link dev.auditsdk.core.error.AuditDataException} naming it), never a silent skip
     * @return this builder
     */
    public B lateEntryPolicy(LateEntryPolicy policy) {
        this.lateEntries = Objects.requireNonNull(policy, "lateEntryPolicy");
        return self();
    }

    /**
     * @param settleLag how long after its time the vendor may still make an entry visible: the
     *     source's {@link dev.auditsdk.core.AuditLogSource#settleLag()}, which continuous readers
     *     (the CLI's {@code pull} without {@code --to} and {@code tail}, the Kafka connector) read
     *     behind; default per vendor ({@link #defaultSettleLag()})
     * @return this builder
     */
    public B settleLag(Duration settleLag) {
        Objects.requireNonNull(settleLag, "settleLag");
        if (settleLag.isNegative()) {
            throw new IllegalArgumentException("settleLag must not be negative, was " + settleLag);
        }
        this.settleLag = settleLag;
        return self();
    }

    /**
     * @param registry where the client-side rate limit of this source's rate domain lives; default
     *     {@link RateLimitRegistry#shared()}, so that every source of the JVM counting against the
     *     same vendor budget (a Boomi account) shares one limiter; a {@code new RateLimitRegistry()}
     *     keeps this source's limit apart from all others
     * @return this builder
     */
    public B rateLimits(RateLimitRegistry registry) {
        this.rateLimits = Objects.requireNonNull(registry, "registry");
        return self();
    }

    /**
     * @param domain what the vendor counts this source's requests against, when the vendor's
     *     default ({@link #defaultRateLimitDomain()}: the Boomi account, the UiPath organization,
     *     the IQ Server) does not fit, e.g. two accounts that share one budget; sources naming the
     *     same domain share one client-side rate limiter
     * @return this builder
     */
    public B rateLimitDomain(String domain) {
        this.rateLimitDomain = Objects.requireNonNull(domain, "domain");
        return self();
    }

    /**
     * How many requests of one read may be in flight at once, where the vendor's paging lets a
     * source read ahead (time windows read side by side, offset pages fetched ahead, export jobs
     * submitted ahead): entries are still delivered in order, exactly as a sequential read
     * delivers them, and checkpoints are unchanged. Requests still count against the vendor's
     * rate domain ({@link #rateLimitDomain(String)}): a client-side rate limit is a ceiling that
     * more parallelism does not lift. Sources whose paging cannot be read ahead (continuation
     * tokens) ignore it. Each module's README says where it applies and why its default is what it is.
     *
     * @param parallelism 1 (one request after the other) to {@value #MAX_PARALLELISM}; default per
     *     vendor ({@link #defaultParallelism()})
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public B parallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM + ", was " + parallelism);
        }
        this.parallelism = parallelism;
        return self();
    }

    /**
     * The parallelism of the vendor's sources when the caller sets none: 1 unless the vendor
     * overrides it because its API tolerates concurrent reads (documented in its README).
     *
     * @return the vendor's default, 1 to {@value #MAX_PARALLELISM}
     */
    protected int defaultParallelism() {
        return 1;
    }

    /**
     * @return the parallelism of the sources this builder builds: the caller's, or
     *     {@link #defaultParallelism()} when none was set
     */
    public final int configuredParallelism() {
        return parallelism != null ? parallelism : defaultParallelism();
    }

    /**
     * The rate domain of the sources this builder builds when the caller names none: what the
     * vendor counts requests against. Null (the default) gives each source a limiter of its own,
     * for vendors whose budget is only known after sign-in.
     *
     * @return the vendor's domain, e.g. {@code boomi:https://api.boomi.com/acme-A1B2C3}, or null
     */
    protected String defaultRateLimitDomain() {
        return null;
    }

    /**
     * The settle lag a vendor's sources assume when the caller sets none: no vendor publishes
     * how late it shows entries, so each module picks a default and documents it as an
     * assumption; zero unless the vendor overrides it.
     *
     * @return the vendor's default
     */
    protected Duration defaultSettleLag() {
        return Duration.ZERO;
    }

    /**
     * The lateness a vendor's sources use when the caller sets none; zero unless the vendor overrides it.
     *
     * @return the vendor's default
     */
    protected Duration defaultLateness() {
        return Duration.ZERO;
    }

    /** @return the caller's lateness, or {@link #defaultLateness()} when none was set */
    protected final Duration configuredLateness() {
        return lateness != null ? lateness : defaultLateness();
    }

    /** @return the delivery settings for the sources this builder builds */
    @AuditSdkProtectedApi
    protected final DeliveryOptions configuredDelivery() {
        return DeliveryOptions.of(configuredLateness(), lateEntries, settleLag != null ? settleLag : defaultSettleLag())
                .withListener(auditLogListener);
    }

    /**
     * The retry policy used when the caller sets none. Override to follow a vendor's advice
     * (e.g. more attempts); the default is {@link RetryPolicy#defaults()}.
     *
     * @return the vendor's default policy
     */
    protected RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.defaults();
    }

    /** @return the caller's retry policy, or {@link #defaultRetryPolicy()} when none was set */
    protected final RetryPolicy configuredRetryPolicy() {
        return retryPolicy != null ? retryPolicy : defaultRetryPolicy();
    }

    /** @return whether plain HTTP to non-loopback hosts was allowed */
    /**
     * The one check of a source's base URL (or login URL): present, {@code https} (or
     * {@code http} to a loopback address, or any {@code http} after
     * {@link #allowInsecureHttp(boolean) allowInsecureHttp(true)}), and without a query or
     * fragment.
     *
     * @param vendor the vendor's short name, for the message
     * @param url the configured URL; may be null
     * @param howToSet how the caller sets it, for the message, e.g. {@code "region(...) or baseUrl(...)"}
     * @return {@code url}
     * @throws IllegalStateException if {@code url} is null
     * @throws IllegalArgumentException if it is not secure or has a query or fragment
     */
    protected final URI requireBaseUrl(String vendor, URI url, String howToSet) {
        if (url == null) {
            throw new IllegalStateException(vendor + " source: set " + howToSet);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(vendor + " source: the URL must not have a query or fragment: "
                    + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
        }
        return Endpoints.requireSecure(url, allowInsecureHttp);
    }

    protected final boolean insecureHttpAllowed() {
        return allowInsecureHttp;
    }

    /** @return the configured clock */
    protected final Clock configuredClock() {
        return clock;
    }

    /**
     * A new transport builder carrying this builder's settings: vendor name, HTTP client,
     * timeouts, {@link #configuredRetryPolicy()}, listeners, plain-HTTP opt-in, rate domain and clock. The
     * caller adds the authenticator and error decoder (and may replace the retry policy) and
     * builds. Each call returns an independent builder, so later changes to this builder do
     * not reach a transport built from it.
     *
     * @param vendor the vendor name for messages and logs
     * @return a pre-configured transport builder
     */
    @AuditSdkProtectedApi
    protected HttpTransport.Builder transportBuilder(String vendor) {
        return HttpTransport.builder()
                .vendor(vendor)
                .httpClient(httpClient)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .bodyReadTimeout(bodyReadTimeout)
                .retryPolicy(configuredRetryPolicy())
                .listener(listener)
                .auditLogListener(auditLogListener)
                .allowInsecureHttp(allowInsecureHttp)
                .limits(limits)
                .rateLimits(rateLimits, rateLimitDomain != null ? rateLimitDomain : defaultRateLimitDomain())
                .clock(clock);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
