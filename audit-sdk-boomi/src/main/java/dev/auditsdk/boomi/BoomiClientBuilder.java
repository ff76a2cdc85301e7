package dev.auditsdk.boomi;

import dev.auditsdk.boomi.auth.BoomiCredentials;
import dev.auditsdk.core.auth.ApiToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The options both Boomi sources share: account, endpoint, credentials, retries, rate limit,
 * HTTP client and timeouts. Every option can be given as plain strings too, for command lines
 * and configuration files.
 *
 * @param <B> the concrete builder
 */
public abstract class BoomiClientBuilder<B extends BoomiClientBuilder<B>> {
    /** Boomi's documented limit: requests per second per account. */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 10;

    String accountId;
    URI baseUrl = BoomiRegion.US.baseUrl();
    CredentialsProvider<UsernamePassword> credentials;
    Supplier<Secret> otp;
    RetryPolicy retryPolicy;
    double rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
    HttpClient httpClient;
    Duration connectTimeout;
    Duration requestTimeout;
    Duration bodyReadTimeout;
    boolean allowInsecureHttp;

    BoomiClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
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
     * @param baseUrl the API host, e.g. {@code https://api.boomi.com} (no {@code /api/rest/v1} part)
     * @return this builder
     */
    public B baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without a query, was " + baseUrl);
        }
        this.baseUrl = baseUrl;
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
     * Retries: by default 6 attempts (Boomi's own connectors retry 5 times) with core's backoff.
     * HTTP 503, Boomi's throttling answer, is always made retryable.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * The client-side request rate, per source, when the retry policy sets none: requests are
     * spaced so that no one-second window holds more than this many (a 10% margin absorbs timer
     * and network jitter). Default {@value #DEFAULT_RATE_LIMIT_PER_SECOND}, Boomi's limit per
     * account; lower it when several clients share an account. 0 turns it off.
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

    /**
     * @param httpClient a caller-owned client (never closed by the source; build it with
     *     {@code Redirect.NEVER}); by default each source builds and closes its own
     * @return this builder
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /**
     * @param timeout connect timeout of a client the source builds
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return self();
    }

    /**
     * @param timeout per attempt, until the response headers arrive
     * @return this builder
     */
    public B requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
        return self();
    }

    /**
     * @param timeout the longest wait for more bytes of a response body
     * @return this builder
     */
    public B bodyReadTimeout(Duration timeout) {
        this.bodyReadTimeout = Objects.requireNonNull(timeout, "bodyReadTimeout");
        return self();
    }

    /**
     * @param allow true to allow plain HTTP to a non-loopback host (credentials travel in clear text)
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    void validate() {
        if (accountId == null) {
            throw new IllegalStateException("boomi: accountId is required");
        }
        if (credentials == null) {
            throw new IllegalStateException("boomi: credentials are required: credentials(user, password) or apiToken(user, token)");
        }
    }
}
