package dev.auditsdk.jitterbit;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.spi.auth.TokenCache;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.paging.DeliveryTracker;
import dev.auditsdk.core.spi.paging.ExportJobPager;
import dev.auditsdk.core.spi.paging.PagedAuditLogStream;
import dev.auditsdk.core.spi.paging.ResumingEntries;
import dev.auditsdk.core.spi.paging.TimeWindow;
import dev.auditsdk.core.spi.paging.TimeWindowPager;
import dev.auditsdk.jitterbit.auth.JitterbitLogin;
import dev.auditsdk.jitterbit.auth.JitterbitSession;
import dev.auditsdk.jitterbit.auth.TfaCodeSupplier;
import dev.auditsdk.jitterbit.internal.JitterbitErrorDecoder;
import dev.auditsdk.jitterbit.internal.JitterbitTime;
import dev.auditsdk.jitterbit.internal.WindowEntries;
import dev.auditsdk.jitterbit.model.JitterbitApiLogEntry;
import dev.auditsdk.jitterbit.model.OrgAttr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
public final class JitterbitApiLogSource implements AuditLogSource<JitterbitApiLogEntry> {
    /** The vendor name. */
    public static final String VENDOR = "jitterbit";
    /** The path of the REST service on a Harmony host. */
    public static final String SERVICE_PATH = "jitterbit-cloud-restful-service";
    /** The default {@linkplain Builder#lateness(Duration) lateness}: one second. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(1);
    /** The default {@linkplain Builder#settleLag(Duration) settle lag}: two minutes (an assumption, see the README). */
    public static final Duration DEFAULT_SETTLE_LAG = Duration.ofMinutes(2);
    /**
     * The default {@linkplain Builder#parallelism(int) parallelism}: eight window exports submitted
     * ahead and polled side by side (an export mostly waits for Harmony; see the README).
     */
    public static final int DEFAULT_PARALLELISM = 8;
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitApiLogSource.class);
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final URI service;
    private final String orgId;
    private final ZoneId clientTimeZone;
    private final JitterbitLogQuery filter;
    private final boolean retrieveLogMessages;
    private final boolean csvFormat;
    private final Duration windowSize;
    private final int parallelism;
    private final Duration pollInitial;
    private final Duration pollMax;
    private final Duration exportDeadline;
    private final DeliveryOptions delivery;
    private final int lockWorkarounds;
    private final HttpTransport transport;
    private final TokenAuthenticator<JitterbitSession> authenticator;
    private final LogExportClient client;

    private JitterbitApiLogSource(Builder b) {
        this.service = b.service();
        this.orgId = b.orgId;
        this.clientTimeZone = b.clientTimeZone;
        this.filter = b.filter;
        this.retrieveLogMessages = b.retrieveLogMessages;
        this.csvFormat = b.csvFormat;
        this.windowSize = b.windowSize;
        this.parallelism = b.configuredParallelism();
        this.pollInitial = b.pollInitial;
        this.pollMax = b.pollMax;
        this.exportDeadline = b.exportDeadline;
        this.delivery = b.delivery();
        // the device id matters (and the host name is looked up) only for two-factor logins
        String device = b.tfaCodeSupplier == null ? null : b.deviceId != null ? b.deviceId : defaultDeviceId();
        JitterbitLogin login = new JitterbitLogin(service, b.credentials, b.tfaCodeSupplier, device, b.sessionClock());
        // logins go through the plain transport; the authenticated view is built on top of it
        HttpTransport plain = b.transport().errorDecoder(new JitterbitErrorDecoder()).build();
        this.authenticator = login.authenticator(plain, b.minLoginInterval);
        this.transport = plain.withAuthenticator(authenticator);
        this.client = new LogExportClient(transport, service, b.lockWorkarounds, b.jsonArrayField);
        this.lockWorkarounds = b.lockWorkarounds;
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

    /** @return the service root requests go to, e.g. {@code https://na-east.jitterbit.com/jitterbit-cloud-restful-service/} */
    public URI serviceUrl() {
        return service;
    }

    /**
     * Reads the API log entries of {@code [from, to)} (or after the query's checkpoint), oldest
     * first, lazily: nothing is requested until the stream is iterated.
     *
     * @param query the range, resume point and limit ({@code pageSize} does not apply: Harmony exports whole files)
     * @return the entries
     */
    @Override
    public AuditLogStream<JitterbitApiLogEntry> fetch(AuditLogQuery query) {
        Objects.requireNonNull(query, "query");
        transport.requireOpen("this Jitterbit API log source");
        List<TimeWindow> windows = TimeWindow.split(query.start(), query.to(), windowSize);
        LOG.debug("jitterbit: reading [{}, {}) in {} window(s) of at most {}", query.start(), query.to(), windows.size(), windowSize);
        DeliveryTracker tracker = delivery.tracker(query).build();
        TimeWindowPager<JitterbitApiLogEntry> pager = TimeWindowPager.builder(windows, this::exportWindow)
                .parallelism(parallelism)
                .build();
        return PagedAuditLogStream.of(tracker, pager);
    }

    private CloseableIterator<JitterbitApiLogEntry> exportWindow(TimeWindow window) {
        String org = resolveOrgId();
        DebugLogsAsyncRequest export = DebugLogsAsyncRequest.builder()
                .orgId(org)
                .timeRangeFrom(window.start().truncatedTo(ChronoUnit.SECONDS))
                .timeRangeTo(ceilToSecond(window.end()))
                .clientTimeZone(clientTimeZone)
                .queryString(Optional.ofNullable(filter))
                .ascendSort(true)
                .retrieveLogMessages(retrieveLogMessages)
                .csvFormat(csvFormat)
                .build();
        JitterbitTime times = new JitterbitTime(clientTimeZone);
        return new WindowEntries(exportJob(org, export, times, window), window);
    }

    /**
     * Submit, poll, download; a download cut short is downloaded again from the same key and
     * read on after the entries already handed out ({@link ResumingEntries}).
     */
    private CloseableIterator<JitterbitApiLogEntry> exportJob(String org, DebugLogsAsyncRequest export, JitterbitTime times,
            TimeWindow window) {
        return ExportJobPager.<String, JitterbitApiLogEntry>builder()
                .submit(() -> client.submit(export))
                // a job that fails or hangs locks its exact request: submit a variant that ends a few
                // seconds later (each submit may add up to lockWorkarounds seconds of its own; the extra
                // seconds are cut off again by the window)
                .reissue(lockWorkarounds, n -> client.submit(export.withTimeRangeTo(
                        export.timeRangeTo().plusSeconds((long) n * (lockWorkarounds + 1)))))
                .poll(key -> client.poll(org, key))
                .download((key, status) -> ResumingEntries.<JitterbitApiLogEntry>builder(attempt -> attempt == 1
                                ? client.open(org, key, status, times) : reopen(org, key, export, times, window),
                        JitterbitApiLogEntry::id)
                        .retryPolicy(transport.retryPolicy())
                        .unit("jitterbit export " + key + " of window " + window)
                        .open())
                .pollInterval(pollInitial, pollMax)
                .deadline(exportDeadline)
                .build();
    }

    /**
     * The export's file from its start again: downloaded from the same key, or, when Harmony no
     * longer serves it (the key expired), exported anew for the same window.
     */
    private CloseableIterator<JitterbitApiLogEntry> reopen(String org, String key, DebugLogsAsyncRequest export,
            JitterbitTime times, TimeWindow window) {
        return client.reopen(org, key, times).orElseGet(() -> {
            LOG.info("jitterbit: requesting the export of window {} again, as the file of key {} is no longer served", window, key);
            return exportJob(org, export, times, window);
        });
    }

    /** The configured organization, checked against the user's; or the user's default one. */
    private String resolveOrgId() {
        JitterbitSession session = authenticator.token();
        String org = orgId != null ? orgId : session.defaultOrgId().map(JitterbitApiLogSource::checkedDefaultOrgId)
                .orElseThrow(() -> new AuditDataException(
                        "jitterbit: the login answer names no defaultOrgId; set orgId(...) on the source builder"));
        if (orgId != null && session.org(orgId).isEmpty()) {
            throw new AuditAccessDeniedException("jitterbit: organization " + orgId + " is not one of the user's "
                    + "organizations " + session.orgAttrs().stream().map(OrgAttr::orgId).collect(Collectors.toList())
                    + "; set orgId(...) to one of them", 0, null, null, null);
        }
        session.org(org).flatMap(OrgAttr::orgZoneUrl).ifPresent(zone -> {
            URI zoneUri = URI.create(zone);
            if (zoneUri.getHost() != null && !zoneUri.getHost().equalsIgnoreCase(service.getHost())) {
                LOG.warn("jitterbit: organization {} lives at {}, but the source talks to {}; Harmony serves an "
                        + "organization's logs only in its own region: use that region or baseUrl", org, zoneUri.getHost(),
                        service.getHost());
            }
        });
        return org;
    }

    /**
     * The server's {@code defaultOrgId} goes into request paths: it must look like an organization
     * id, as a configured one must. The message describes the value's shape, without quoting it.
     */
    private static String checkedDefaultOrgId(String serverValue) {
        if (ORG_ID.matcher(serverValue).matches()) {
            return serverValue;
        }
        String shape = serverValue.length() + " characters";
        int bad = serverValue.chars().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')))
                .findFirst().orElse(-1);
        if (bad >= 0) {
            shape += ", including " + (bad > 32 && bad < 127 ? "'" + (char) bad + "'" : String.format("U+%04X", bad));
        }
        throw new AuditDataException("jitterbit: the login answer's defaultOrgId is not an organization id (" + shape
                + "; expected 1 to 64 letters, digits, '-' or '_'); set orgId(...) on the source builder");
    }

    /** Closes the HTTP client the source built; a caller's client is left open. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "JitterbitApiLogSource{" + service + (orgId == null ? "" : ", orgId=" + orgId) + "}";
    }

    private static Instant ceilToSecond(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(t) ? t : floor.plusSeconds(1);
    }

    /** A device id stable per installation (user and host), so Harmony can recognise the device across runs. */
    static String defaultDeviceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            host = Objects.toString(System.getenv("HOSTNAME"), "unknown-host");
        }
        String seed = System.getProperty("user.name", "unknown-user") + "@" + host;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("audit-sdk-");
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", digest[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Configures a {@link JitterbitApiLogSource}; {@code region} or {@code baseUrl}, and
     * {@code credentials}, are required. The HTTP options (retry policy, client, timeouts,
     * plain-HTTP opt-in, listener, clock) come from {@link AbstractSourceBuilder}; the login is
     * never retried, whatever the retry policy.
     */
    public static final class Builder extends AbstractSourceBuilder<Builder> {
        private URI baseUrl;
        private CredentialsProvider<UsernamePassword> credentials;
        private TfaCodeSupplier tfaCodeSupplier;
        private Duration minLoginInterval = TokenCache.DEFAULT_MIN_LOGIN_INTERVAL;
        private String deviceId;
        private String orgId;
        private ZoneId clientTimeZone = ZoneId.of("UTC");
        private JitterbitLogQuery filter;
        private boolean retrieveLogMessages;
        private boolean csvFormat = true;
        private Duration windowSize = Duration.ofDays(1);
        private Duration pollInitial = ExportJobPager.DEFAULT_INITIAL_INTERVAL;
        private Duration pollMax = ExportJobPager.DEFAULT_MAX_INTERVAL;
        private Duration exportDeadline = ExportJobPager.DEFAULT_DEADLINE;
        private int lockWorkarounds = 3;
        private String jsonArrayField;

        private Builder() {
        }

        /**
         * @param region the organization's region; sets the host
         * @return this builder
         */
        public Builder region(JitterbitRegion region) {
            this.baseUrl = Objects.requireNonNull(region, "region").host();
            return self();
        }

        /**
         * @param region {@code NA}, {@code EMEA} or {@code APAC}, any case
         * @return this builder
         * @throws IllegalArgumentException for another name
         */
        public Builder region(String region) {
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
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute URL with a host, was " + baseUrl);
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment, was " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return self();
        }

        /**
         * @param baseUrl the Harmony host as text
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim()));
        }

        /**
         * @param credentials the Harmony user's email (as the user name) and password; the user
         *     needs the Admin permission in the organization
         * @return this builder
         */
        public Builder credentials(CredentialsProvider<UsernamePassword> credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return self();
        }

        /**
         * @param email the Harmony user's email
         * @param password the password (kept as a {@link Secret} from here on)
         * @return this builder
         */
        public Builder credentials(String email, String password) {
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
        public Builder tfaCodeSupplier(TfaCodeSupplier supplier) {
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
        public Builder minLoginInterval(Duration interval) {
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
        public Builder deviceId(String deviceId) {
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
        public Builder orgId(String orgId) {
            Objects.requireNonNull(orgId, "orgId");
            if (!ORG_ID.matcher(orgId.strip()).matches()) {
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
        public Builder clientTimeZone(ZoneId zone) {
            this.clientTimeZone = Objects.requireNonNull(zone, "zone");
            return self();
        }

        /**
         * @param zone a tz database id, e.g. {@code Europe/Berlin}
         * @return this builder
         */
        public Builder clientTimeZone(String zone) {
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
        public Builder filter(JitterbitLogQuery filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return self();
        }

        /**
         * @param queryString conditions written by hand, e.g. {@code statuscode>=400; apiname=Orders%};
         *     validated by {@link JitterbitLogQuery#parse(String)}
         * @return this builder
         */
        public Builder filter(String queryString) {
            return filter(JitterbitLogQuery.parse(queryString));
        }

        /**
         * @param retrieve whether to export each call's log messages (Harmony's default: no)
         * @return this builder
         */
        public Builder retrieveLogMessages(boolean retrieve) {
            this.retrieveLogMessages = retrieve;
            return self();
        }

        /**
         * @param csv ask for CSV (true, Harmony's default) or JSON files; either is read the same way
         * @return this builder
         */
        public Builder csvFormat(boolean csv) {
            this.csvFormat = csv;
            return self();
        }

        /**
         * @param windowSize the longest range one export covers (default one day); longer ranges are split
         * @return this builder
         */
        public Builder windowSize(Duration windowSize) {
            this.windowSize = atLeast(windowSize, Duration.ofSeconds(1), "windowSize");
            return self();
        }

        /**
         * @param initial the first wait between status polls (default 1 s)
         * @param max the longest wait; waits double up to it (default 30 s)
         * @return this builder
         */
        public Builder pollInterval(Duration initial, Duration max) {
            this.pollInitial = atLeast(initial, Duration.ofMillis(1), "initial");
            this.pollMax = atLeast(max, initial, "max");
            return self();
        }

        /**
         * @param deadline how long one export may take from request to COMPLETE (default 30 min);
         *     one still RECEIVED or PROCESSING then is taken to be stuck and is requested again as
         *     a distinct request (see {@link #lockWorkarounds(int)})
         * @return this builder
         */
        public Builder exportDeadline(Duration deadline) {
            this.exportDeadline = atLeast(deadline, Duration.ofMillis(1), "exportDeadline");
            return self();
        }

        /**
         * @param workarounds how many times a request is re-sent as a distinct request (its end a
         *     few seconds later, cut off again by the window) before giving up, in each of the
         *     documented lock's forms: answered ERROR on submission (locked by an earlier failure),
         *     ERROR while polling, or stuck in RECEIVED/PROCESSING past {@link #exportDeadline};
         *     default 3, 0 to never
         * @return this builder
         */
        public Builder lockWorkarounds(int workarounds) {
            if (workarounds < 0 || workarounds > 60) {
                throw new IllegalArgumentException("lockWorkarounds must be between 0 and 60, was " + workarounds);
            }
            this.lockWorkarounds = workarounds;
            return self();
        }

        /** @return {@value JitterbitApiLogSource#DEFAULT_PARALLELISM} */
        @Override
        protected int defaultParallelism() {
            return DEFAULT_PARALLELISM;
        }

        /**
         * API logs are recorded by agents and reach the API log store after the call: the default {@link #settleLag(Duration)} is two minutes (an assumption; Harmony documents none).
         *
         * @return {@code DEFAULT_SETTLE_LAG}
         */
        @Override
        protected Duration defaultSettleLag() {
            return DEFAULT_SETTLE_LAG;
        }

        /**
         * Harmony may record a call a little after later ones: the default {@link #lateness(Duration)}
         * is one second (raise it when tailing a busy organization).
         *
         * @return one second
         */
        @Override
        protected Duration defaultLateness() {
            return DEFAULT_LATENESS;
        }

        private DeliveryOptions delivery() {
            return configuredDelivery();
        }

        /**
         * @param field the array field of a JSON file shaped {@code {"<field>": [...]}}; by
         *     default JSON files are read as a top-level array or one object per line
         * @return this builder
         */
        public Builder jsonArrayField(String field) {
            this.jsonArrayField = Objects.requireNonNull(field, "field");
            return self();
        }

        /**
         * @return the source; nothing is sent until a stream is iterated
         * @throws IllegalStateException when the host or the credentials are missing
         */
        public JitterbitApiLogSource build() {
            if (baseUrl == null) {
                throw new IllegalStateException("JitterbitApiLogSource: set region(...) or baseUrl(...)");
            }
            if (credentials == null) {
                throw new IllegalStateException("JitterbitApiLogSource: set credentials(...)");
            }
            Endpoints.requireSecure(baseUrl, insecureHttpAllowed());
            return new JitterbitApiLogSource(this);
        }

        /** @return a transport builder with this builder's HTTP settings (the outer class may not call the protected one) */
        private HttpTransport.Builder transport() {
            return transportBuilder(VENDOR);
        }

        private Clock sessionClock() {
            return configuredClock();
        }

        private URI service() {
            String b = baseUrl.toString();
            String trimmed = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            if (!trimmed.endsWith("/" + SERVICE_PATH)) {
                trimmed = trimmed + "/" + SERVICE_PATH;
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
}
