package dev.auditsdk.boomi;

import dev.auditsdk.boomi.auth.BoomiCredentials;
import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The options both Boomi sources share ({@link BoomiSourceBuilder} for the {@code AuditLog} query,
 * {@link BoomiStagedExportBuilder} for the staged export): account, endpoint, credentials and
 * rate limit; the HTTP and delivery options (retry policy, client, timeouts, listeners, clock,
 * lateness, settle lag, parallelism) come from {@link AbstractSourceBuilder}. Every option can be
 * given as plain strings too, for command lines and configuration files.
 *
 * @param <B> the concrete builder
 */
public abstract class AbstractBoomiSourceBuilder<B extends AbstractBoomiSourceBuilder<B>> extends AbstractSourceBuilder<B> {
    /** Boomi's documented limit: requests per second per account. */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 10;

    private String accountId;
    private URI baseUrl = BoomiRegion.US.baseUrl();
    private CredentialsProvider<UsernamePassword> credentials;
    private Supplier<Secret> otp;
    private double rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;

    AbstractBoomiSourceBuilder() {
    }

    /**
     * @param accountId the Boomi account id (Settings &gt; Account Information), e.g. {@code acme-A1B2C3}
     * @return this builder
     */
    public B accountId(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank() || accountId.contains("/")) {
            throw new IllegalArgumentException("accountId must be a non-blank Boomi account id, was '" + accountId + "'");
        }
        this.accountId = accountId.trim();
        return self();
    }

    /**
     * @param region the platform region; default {@link BoomiRegion#US}
     * @return this builder
     */
    public B region(BoomiRegion region) {
        this.baseUrl = Objects.requireNonNull(region, "region").baseUrl();
        return self();
    }

    /**
     * @param region {@code US} or {@code GB}
     * @return this builder
     */
    public B region(String region) {
        return region(BoomiRegion.of(region));
    }

    /**
     * @param baseUrl the API host, e.g. {@code https://api.boomi.com} (no {@code /api/rest/v1} part);
     *     checked when the source is built: https (http to loopback, or with
     *     {@link #allowInsecureHttp(boolean)}), no query
     * @return this builder
     */
    public B baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /**
     * @param baseUrl the API host as text
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim()));
    }

    /**
     * @param credentials the user name (email) and password
     * @return this builder
     */
    public B credentials(CredentialsProvider<UsernamePassword> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * @param username the user name (an email address)
     * @param password the password
     * @return this builder
     */
    public B credentials(String username, String password) {
        return credentials(CredentialsProvider.of(UsernamePassword.of(username, Secret.of(password))));
    }

    /**
     * Authenticates with an API token, sent as {@code BOOMI_TOKEN.<user>:<token>}.
     *
     * @param apiToken the token, named with the user name it belongs to
     * @return this builder
     */
    public B apiToken(CredentialsProvider<ApiToken> apiToken) {
        this.credentials = BoomiCredentials.fromApiToken(Objects.requireNonNull(apiToken, "apiToken"));
        return self();
    }

    /**
     * @param username the user the token belongs to
     * @param token the API token
     * @return this builder
     */
    public B apiToken(String username, String token) {
        return apiToken(CredentialsProvider.of(ApiToken.of(username, Secret.of(token))));
    }

    /**
     * For users with two-factor authentication: supplies the current code for {@code X-Boomi-OTP}
     * (called per request, so it can be a TOTP generator).
     *
     * @param otp the code supplier
     * @return this builder
     */
    public B otp(Supplier<Secret> otp) {
        this.otp = Objects.requireNonNull(otp, "otp");
        return self();
    }

    /**
     * The client-side request rate of the account, when the retry policy sets none: requests are
     * spaced so that no one-second window holds more than this many (a 10% margin absorbs timer
     * and network jitter). Every source of the JVM on the same account (and base URL) shares one
     * limiter ({@link #rateLimits}, {@link #rateLimitDomain}), so together they stay within it.
     * Default {@value #DEFAULT_RATE_LIMIT_PER_SECOND}, Boomi's limit per account; lower it when
     * other processes share the account. 0 turns it off.
     *
     * @param requestsPerSecond the account's budget for this source
     * @return this builder
     */
    public B rateLimitPerSecond(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rateLimitPerSecond must be 0 (off) or positive, was " + requestsPerSecond);
        }
        this.rateLimitPerSecond = requestsPerSecond;
        return self();
    }

    /** Boomi counts requests per account, whichever user or source sends them. */
    @Override
    protected String defaultRateLimitDomain() {
        return accountId == null ? null : BoomiConnection.VENDOR + ":" + baseUrl + "/" + accountId;
    }

    /**
     * Boomi's own connectors retry 5 times: by default 6 attempts with core's backoff. Whatever
     * the policy, HTTP 503, Boomi's throttling answer, is made retryable, and the
     * {@link #rateLimitPerSecond(double) rate limit} applies unless the policy sets its own.
     *
     * @return the policy used when {@link #retryPolicy(RetryPolicy)} was not called
     */
    @Override
    protected RetryPolicy defaultRetryPolicy() {
        return BoomiConnection.defaultPolicy();
    }

    /**
     * The account's connection as this builder is configured now: later changes to the builder do
     * not reach it.
     *
     * @return the connection (the platform host checked, the transport settings with Boomi's
     *     effective retry policy: 503 retryable, the account's rate limit)
     * @throws IllegalStateException when the account id or credentials are missing
     * @throws IllegalArgumentException when the base URL is not secure or has a query
     */
    BoomiConnection connection() {
        if (accountId == null) {
            throw new IllegalStateException("boomi: accountId is required");
        }
        if (credentials == null) {
            throw new IllegalStateException("boomi: credentials are required: credentials(user, password) or apiToken(user, token)");
        }
        URI checked = requireBaseUrl(BoomiConnection.VENDOR, baseUrl, "region(...) or baseUrl(...)");
        HttpTransport.Builder transport = transportBuilder(BoomiConnection.VENDOR)
                .retryPolicy(BoomiConnection.effectivePolicy(configuredRetryPolicy(), rateLimitPerSecond));
        return new BoomiConnection(accountId, checked, credentials, otp, transport);
    }

    /**
     * @param url a further host of the vendor (the staging API's)
     * @param howToSet how the caller sets it, for the message
     * @return {@code url}, checked as the base URL is
     */
    URI checkedUrl(URI url, String howToSet) {
        return requireBaseUrl(BoomiConnection.VENDOR, url, howToSet);
    }

    /** @return the clock of token expiry and download-link expiry */
    Clock tokenClock() {
        return configuredClock();
    }

    /** @return the delivery settings (lateness, late-entry policy) of the sources built from this builder */
    DeliveryOptions delivery() {
        return configuredDelivery();
    }

    /**
     * The platform records AuditLog objects as its services act, not in one ordered stream: the default {@link #settleLag(Duration)} is one minute (an assumption; Boomi documents none).
     *
     * @return the module's default
     */
    @Override
    protected Duration defaultSettleLag() {
        return BoomiAuditLogSource.DEFAULT_SETTLE_LAG;
    }
}
