package dev.auditsdk.jitterbit;

import dev.auditsdk.core.ExportJobOptions;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.auth.TokenCache;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.spi.paging.ExportJobPager;
import dev.auditsdk.jitterbit.auth.TfaCodeSupplier;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Configures a {@link JitterbitApiLogSource}; {@code region} or {@code baseUrl}, and
 * {@code credentials}, are required. The HTTP options (retry policy, client, timeouts,
 * plain-HTTP opt-in, listener, clock, lateness, parallelism) come from
 * {@link AbstractSourceBuilder}; the login is never retried, whatever the retry policy.
 *
 * <pre>{@code
 * JitterbitApiLogSource source = JitterbitApiLogSource.builder()
 *         .region(JitterbitRegion.NA)
 *         .credentials(CredentialsProvider.usernamePasswordFromEnv("JITTERBIT_EMAIL", "JITTERBIT_PASSWORD"))
 *         .exportJob(ExportJobOptions.builder().deadline(Duration.ofMinutes(45)).build())
 *         .build();
 * }</pre>
 */
public final class JitterbitSourceBuilder extends AbstractSourceBuilder<JitterbitSourceBuilder> {
    /** The export-job options used unless {@link #exportJob(ExportJobOptions)} sets others: 1 s / 30 s polls, 30 minutes. */
    public static final ExportJobOptions DEFAULT_EXPORT_JOB = ExportJobOptions.defaults(ExportJobPager.DEFAULT_INITIAL_INTERVAL,
            ExportJobPager.DEFAULT_MAX_INTERVAL, ExportJobPager.DEFAULT_DEADLINE);

    private URI baseUrl;
    private CredentialsProvider<UsernamePassword> credentials;
    private TfaCodeSupplier tfaCodeSupplier;
    private Duration minLoginInterval = TokenCache.DEFAULT_MIN_LOGIN_INTERVAL;
    private String deviceId;
    // read by JitterbitPages and JitterbitApiLogSource when the source is built
    String orgId;
    ZoneId clientTimeZone = ZoneId.of("UTC");
    JitterbitLogQuery filter;
    boolean retrieveLogMessages;
    boolean csvFormat = true;
    Duration windowSize = Duration.ofDays(1);
    ExportJobOptions exportJob = DEFAULT_EXPORT_JOB;
    int lockWorkarounds = 3;
    String jsonArrayField;

    JitterbitSourceBuilder() {
    }

    /**
     * @param region the organization's region; sets the host
     * @return this builder
     */
    public JitterbitSourceBuilder region(JitterbitRegion region) {
        this.baseUrl = Objects.requireNonNull(region, "region").host();
        return self();
    }

    /**
     * @param region {@code NA}, {@code EMEA} or {@code APAC}, any case
     * @return this builder
     * @throws IllegalArgumentException for another name
     */
    public JitterbitSourceBuilder region(String region) {
        Objects.requireNonNull(region, "region");
        try {
            return region(JitterbitRegion.valueOf(region.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Jitterbit region '" + region + "'; use NA, EMEA or APAC, "
                    + "or baseUrl(...) for another host", e);
        }
    }

    /**
     * @param baseUrl the Harmony host, e.g. {@code https://apac-southeast.jitterbit.com} (the
     *     {@code /jitterbit-cloud-restful-service} path is added unless already there)
     * @return this builder
     */
    public JitterbitSourceBuilder baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL with a host, was " + baseUrl);
        }
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * @param baseUrl the Harmony host as text
     * @return this builder
     */
    public JitterbitSourceBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim()));
    }

    /**
     * @param credentials the Harmony user's email (as the user name) and password; the user
     *     needs the Admin permission in the organization
     * @return this builder
     */
    public JitterbitSourceBuilder credentials(CredentialsProvider<UsernamePassword> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * @param email the Harmony user's email
     * @param password the password (kept as a {@link Secret} from here on)
     * @return this builder
     */
    public JitterbitSourceBuilder credentials(String email, String password) {
        Objects.requireNonNull(password, "password");
        return credentials(CredentialsProvider.of(UsernamePassword.of(email, Secret.of(password))));
    }

    /**
     * Enables the two-factor login: a {@code deviceId} is sent, and when Harmony emails a
     * code the supplier is asked for it (once per login, at most every session timeout).
     *
     * @param supplier asks the caller for the emailed code
     * @return this builder
     */
    public JitterbitSourceBuilder tfaCodeSupplier(TfaCodeSupplier supplier) {
        this.tfaCodeSupplier = Objects.requireNonNull(supplier, "supplier");
        return self();
    }

    /**
     * The login pacing: at most one login for session expiry and one after a refusal (HTTP
     * 401) per interval, so a server that ends sessions at once cannot make the source log in
     * (and Harmony email a two-factor code) for every request. Default one minute
     * ({@link TokenCache#DEFAULT_MIN_LOGIN_INTERVAL}); {@link Duration#ZERO} turns it off.
     *
     * @param interval the shortest time between two such logins
     * @return this builder
     */
    public JitterbitSourceBuilder minLoginInterval(Duration interval) {
        Objects.requireNonNull(interval, "minLoginInterval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("minLoginInterval must not be negative, was " + interval);
        }
        this.minLoginInterval = interval;
        return self();
    }

    /**
     * @param deviceId the device the two-factor code is bound to; by default an id derived
     *     from the user and host name, stable per installation
     * @return this builder
     */
    public JitterbitSourceBuilder deviceId(String deviceId) {
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
        this.deviceId = deviceId.strip();
        return self();
    }

    /**
     * @param orgId the organization whose logs to read; by default the user's
     *     {@code defaultOrgId}. Checked against the user's organizations at the first request.
     * @return this builder
     */
    public JitterbitSourceBuilder orgId(String orgId) {
        Objects.requireNonNull(orgId, "orgId");
        if (!JitterbitPages.ORG_ID.matcher(orgId.strip()).matches()) {
            throw new IllegalArgumentException("orgId must be letters, digits, '-' or '_', was '" + orgId + "'");
        }
        this.orgId = orgId.strip();
        return self();
    }

    /**
     * @param zone the {@code clientTimeZone} of the requests: the zone times are written and
     *     resolved in (default UTC; the results are UTC instants either way)
     * @return this builder
     */
    public JitterbitSourceBuilder clientTimeZone(ZoneId zone) {
        this.clientTimeZone = Objects.requireNonNull(zone, "zone");
        return self();
    }

    /**
     * @param zone a tz database id, e.g. {@code Europe/Berlin}
     * @return this builder
     */
    public JitterbitSourceBuilder clientTimeZone(String zone) {
        try {
            return clientTimeZone(ZoneId.of(Objects.requireNonNull(zone, "zone").trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "'", e);
        }
    }

    /**
     * @param filter the {@code queryString} conditions every entry must meet
     * @return this builder
     */
    public JitterbitSourceBuilder filter(JitterbitLogQuery filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return self();
    }

    /**
     * @param queryString conditions written by hand, e.g. {@code statuscode>=400; apiname=Orders%};
     *     validated by {@link JitterbitLogQuery#parse(String)}
     * @return this builder
     */
    public JitterbitSourceBuilder filter(String queryString) {
        return filter(JitterbitLogQuery.parse(queryString));
    }

    /**
     * @param retrieve whether to export each call's log messages (Harmony's default: no)
     * @return this builder
     */
    public JitterbitSourceBuilder retrieveLogMessages(boolean retrieve) {
        this.retrieveLogMessages = retrieve;
        return self();
    }

    /**
     * @param csv ask for CSV (true, Harmony's default) or JSON files; either is read the same way
     * @return this builder
     */
    public JitterbitSourceBuilder csvFormat(boolean csv) {
        this.csvFormat = csv;
        return self();
    }

    /**
     * @param windowSize the longest range one export covers (default one day); longer ranges are split
     * @return this builder
     */
    public JitterbitSourceBuilder windowSize(Duration windowSize) {
        this.windowSize = atLeast(windowSize, Duration.ofSeconds(1), "windowSize");
        return self();
    }

    /**
     * How the source waits for each window's export: the first status poll after
     * {@code pollInitial}, later ones backing off up to {@code pollMax}, and how long one export may
     * take from request to COMPLETE ({@code deadline}); one still RECEIVED or PROCESSING then is
     * taken to be stuck and is requested again as a distinct request (see
     * {@link #lockWorkarounds(int)}). Default 1 s / 30 s polls, a 30-minute deadline
     * ({@link #DEFAULT_EXPORT_JOB}).
     *
     * @param options the export-job options
     * @return this builder
     */
    public JitterbitSourceBuilder exportJob(ExportJobOptions options) {
        this.exportJob = Objects.requireNonNull(options, "exportJob");
        return self();
    }

    /**
     * @param workarounds how many times a request is re-sent as a distinct request (its end a
     *     few seconds later, cut off again by the window) before giving up, in each of the
     *     documented lock's forms: answered ERROR on submission (locked by an earlier failure),
     *     ERROR while polling, or stuck in RECEIVED/PROCESSING past the {@link #exportJob export deadline};
     *     default 3, 0 to never
     * @return this builder
     */
    public JitterbitSourceBuilder lockWorkarounds(int workarounds) {
        if (workarounds < 0 || workarounds > 60) {
            throw new IllegalArgumentException("lockWorkarounds must be between 0 and 60, was " + workarounds);
        }
        this.lockWorkarounds = workarounds;
        return self();
    }

    /** @return {@value JitterbitApiLogSource#DEFAULT_PARALLELISM} */
    @Override
    protected int defaultParallelism() {
        return JitterbitApiLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * API logs are recorded by agents and reach the API log store after the call: the default {@link #settleLag(Duration)} is two minutes (an assumption; Harmony documents none).
     *
     * @return {@code DEFAULT_SETTLE_LAG}
     */
    @Override
    protected Duration defaultSettleLag() {
        return JitterbitApiLogSource.DEFAULT_SETTLE_LAG;
    }

    /**
     * Harmony may record a call a little after later ones: the default {@link #lateness(Duration)}
     * is one second (raise it when tailing a busy organization).
     *
     * @return one second
     */
    @Override
    protected Duration defaultLateness() {
        return JitterbitApiLogSource.DEFAULT_LATENESS;
    }

    DeliveryOptions delivery() {
        return configuredDelivery();
    }

    /**
     * @param field the array field of a JSON file shaped {@code {"<field>": [...]}}; by
     *     default JSON files are read as a top-level array or one object per line
     * @return this builder
     */
    public JitterbitSourceBuilder jsonArrayField(String field) {
        this.jsonArrayField = Objects.requireNonNull(field, "field");
        return self();
    }

    /**
     * @return the source; nothing is sent until a stream is iterated
     * @throws IllegalStateException when the host or the credentials are missing
     * @throws IllegalArgumentException when the host is plain HTTP to a non-loopback host without opt-in
     */
    public JitterbitApiLogSource build() {
        URI host = requireBaseUrl(JitterbitApiLogSource.VENDOR, baseUrl, "region(...) or baseUrl(...)");
        if (credentials == null) {
            throw new IllegalStateException("jitterbit source: set credentials(...)");
        }
        URI service = service(host);
        // the device id matters (and the host name is looked up) only for two-factor logins
        String device = tfaCodeSupplier == null ? null : deviceId != null ? deviceId : JitterbitLogin.defaultDeviceId();
        JitterbitLogin login = new JitterbitLogin(service, credentials, tfaCodeSupplier, device, configuredClock());
        JitterbitConnection connection = new JitterbitConnection(service, login,
                transportBuilder(JitterbitApiLogSource.VENDOR), minLoginInterval);
        return new JitterbitApiLogSource(this, connection, new JitterbitPages(connection, this));
    }

    private static URI service(URI host) {
        String b = host.toString();
        String trimmed = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        if (!trimmed.endsWith("/" + JitterbitApiLogSource.SERVICE_PATH)) {
            trimmed = trimmed + "/" + JitterbitApiLogSource.SERVICE_PATH;
        }
        return URI.create(trimmed + "/");
    }

    private static Duration atLeast(Duration value, Duration min, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }
}
