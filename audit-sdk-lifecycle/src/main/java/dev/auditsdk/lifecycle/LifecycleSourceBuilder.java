package dev.auditsdk.lifecycle;

import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.spi.auth.BasicAuthenticator;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link LifecycleAuditLogSource}: {@code LifecycleAuditLogSource.builder()}.
 * Credentials are required; everything else has a default. The HTTP options (retry policy,
 * caller-owned client, timeouts, plain-HTTP opt-in, listeners, clock, lateness, parallelism)
 * are those of every source, from {@link AbstractSourceBuilder}; the request and body-read
 * timeouts default to 120 s here, because the server reads its log files before and while it
 * answers.
 */
public final class LifecycleSourceBuilder extends AbstractSourceBuilder<LifecycleSourceBuilder> {
    /** The default {@linkplain #windowSize(Duration) window size}: one UTC day per request. */
    public static final Duration DEFAULT_WINDOW_SIZE = Duration.ofDays(1);
    private static final long SECONDS_PER_DAY = Duration.ofDays(1).getSeconds();

    private URI baseUrl = LifecycleAuditLogSource.DEFAULT_BASE_URL;
    private Authenticator authenticator;
    private int windowDays = 1;
    private int dayMargin;

    LifecycleSourceBuilder() {
        requestTimeout(Duration.ofSeconds(120));
        bodyReadTimeout(Duration.ofSeconds(120));
    }

    /**
     * @param baseUrl the IQ Server URL, e.g. {@code https://iq.example.com} (a context path is
     *     kept); default {@code http://localhost:8070}. Plain HTTP is accepted only for
     *     loopback hosts unless {@code allowInsecureHttp(true)} is set
     * @return this builder
     */
    public LifecycleSourceBuilder baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return this;
    }

    /**
     * @param baseUrl the IQ Server URL as text
     * @return this builder
     * @throws IllegalArgumentException if it is not a URL
     */
    public LifecycleSourceBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
    }

    /**
     * @param credentials an IQ Server user name and password, sent as HTTP Basic; resolved
     *     on every request, so rotated credentials are picked up
     * @return this builder
     */
    public LifecycleSourceBuilder credentials(CredentialsProvider<UsernamePassword> credentials) {
        this.authenticator = BasicAuthenticator.of(Objects.requireNonNull(credentials, "credentials"));
        return this;
    }

    /**
     * @param username the IQ Server user
     * @param password the password
     * @return this builder
     */
    public LifecycleSourceBuilder credentials(String username, String password) {
        Objects.requireNonNull(password, "password");
        return credentials(CredentialsProvider.of(UsernamePassword.of(username, Secret.of(password))));
    }

    /**
     * @param token an IQ Server user token: its {@link ApiToken#name() name} is the token's
     *     user code, its secret the passcode; sent as HTTP Basic like a password
     * @return this builder
     */
    public LifecycleSourceBuilder userToken(CredentialsProvider<ApiToken> token) {
        this.authenticator = BasicAuthenticator.ofApiToken(Objects.requireNonNull(token, "token"));
        return this;
    }

    /**
     * @param userCode the user token's code
     * @param passcode the user token's passcode
     * @return this builder
     */
    public LifecycleSourceBuilder userToken(String userCode, String passcode) {
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(passcode, "passcode");
        return userToken(CredentialsProvider.of(ApiToken.of(userCode, Secret.of(passcode))));
    }

    /**
     * The range of one request. The endpoint takes whole UTC days, so the size is a whole number
     * of days; larger windows mean fewer, longer requests.
     *
     * @param windowSize whole days, at least one; default {@link #DEFAULT_WINDOW_SIZE one day}
     * @return this builder
     * @throws IllegalArgumentException if not a positive whole number of days
     */
    public LifecycleSourceBuilder windowSize(Duration windowSize) {
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.isNegative() || windowSize.isZero() || windowSize.getNano() != 0
                || windowSize.getSeconds() % SECONDS_PER_DAY != 0 || windowSize.toDays() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("windowSize must be a positive whole number of days (the endpoint"
                    + " takes UTC days), was " + windowSize);
        }
        this.windowDays = (int) windowSize.toDays();
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
    public LifecycleSourceBuilder dayMargin(int days) {
        if (days < 0 || days > 2) {
            throw new IllegalArgumentException("dayMargin must be between 0 and 2, was " + days);
        }
        this.dayMargin = days;
        return this;
    }

    /**
     * The server appends to its audit log as requests complete, so an entry may show up after a
     * later-stamped one by about a request's duration: the default {@link #settleLag(Duration)}
     * is ten seconds (an assumption; IQ Server documents none).
     *
     * @return {@link LifecycleAuditLogSource#DEFAULT_SETTLE_LAG}
     */
    @Override
    protected Duration defaultSettleLag() {
        return LifecycleAuditLogSource.DEFAULT_SETTLE_LAG;
    }

    /**
     * @return {@value LifecycleAuditLogSource#DEFAULT_PARALLELISM}: day windows are independent
     *     requests, and an IQ Server answers a few at once without strain (see the README)
     */
    @Override
    protected int defaultParallelism() {
        return LifecycleAuditLogSource.DEFAULT_PARALLELISM;
    }

    /**
     * Servers log concurrent requests in nearly, not strictly, ascending order: the default
     * {@link #lateness(Duration)} is one second. A line further back than the lateness
     * behind an earlier one fails the read with an
     * {@link dev.auditsdk.core.error.AuditDataException} rather than being lost; resumed
     * reads re-read this much before the checkpoint.
     *
     * @return {@link LifecycleAuditLogSource#DEFAULT_LATENESS}
     */
    @Override
    protected Duration defaultLateness() {
        return LifecycleAuditLogSource.DEFAULT_LATENESS;
    }

    /** An IQ Server is one budget: a rate limit set on the retry policy is shared by every source on it. */
    @Override
    protected String defaultRateLimitDomain() {
        return LifecycleAuditLogSource.VENDOR + ":" + baseUrl;
    }

    /**
     * @return the source; no request is made yet
     * @throws IllegalStateException if no credentials were given
     * @throws IllegalArgumentException if the base URL is not https (or http to loopback, or
     *     http with {@code allowInsecureHttp(true)}), or has a query
     */
    public LifecycleAuditLogSource build() {
        if (authenticator == null) {
            throw new IllegalStateException(
                    "LifecycleAuditLogSource: credentials are required: call credentials(...) or userToken(...)");
        }
        URI url = requireBaseUrl(LifecycleAuditLogSource.VENDOR, baseUrl, "baseUrl(...)");
        HttpTransport transport = transportBuilder(LifecycleAuditLogSource.VENDOR)
                .authenticator(authenticator)
                .errorDecoder(new LifecycleErrorDecoder())
                .build();
        return new LifecycleAuditLogSource(url, transport, new LifecyclePages(transport, url, dayMargin), windowDays,
                configuredParallelism(), configuredDelivery());
    }
}
