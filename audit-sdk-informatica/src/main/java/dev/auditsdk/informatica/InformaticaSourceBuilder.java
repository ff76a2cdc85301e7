package dev.auditsdk.informatica;

import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.http.Endpoints;
import dev.auditsdk.core.http.HttpTransport;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.informatica.internal.InformaticaClient;
import dev.auditsdk.informatica.internal.InformaticaLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings both Informatica sources share: where to log in, as whom, and how to talk HTTP.
 *
 * @param <B> the concrete builder type
 */
public abstract class InformaticaSourceBuilder<B extends InformaticaSourceBuilder<B>> {
    /** How long before a JWT session's expiry a new session is opened, by default. */
    public static final Duration DEFAULT_SESSION_REFRESH_AHEAD = Duration.ofMinutes(1);

    private URI loginUrl;
    private CredentialsProvider<UsernamePassword> credentials;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration bodyReadTimeout = Duration.ofSeconds(60);
    private boolean allowInsecureHttp;
    private TransportListener listener = TransportListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration sessionRefreshAhead = DEFAULT_SESSION_REFRESH_AHEAD;

    InformaticaSourceBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Logs in at the login host of a POD, e.g. {@link InformaticaRegion#US} for
     * {@code https://dm-us.informaticacloud.com}.
     *
     * @param region the region
     * @return this builder
     */
    public B region(InformaticaRegion region) {
        this.loginUrl = Objects.requireNonNull(region, "region").loginUrl();
        return self();
    }

    /**
     * Logs in at the region named by a string: a constant name ({@code US}), a login host
     * ({@code dm-us}) or a POD ({@code USW1}); see {@link InformaticaRegion#fromName(String)}.
     *
     * @param region the region's name
     * @return this builder
     * @throws IllegalArgumentException naming the accepted values when nothing matches
     */
    public B region(String region) {
        return region(InformaticaRegion.fromName(region));
    }

    /**
     * Logs in at an explicit login host, e.g. {@code https://dm-us.informaticacloud.com} (only
     * scheme, host and port are used). Data calls go to the {@code serverUrl} the login returns.
     *
     * @param loginUrl the login host
     * @return this builder
     */
    public B loginUrl(URI loginUrl) {
        Objects.requireNonNull(loginUrl, "loginUrl");
        if (!loginUrl.isAbsolute() || loginUrl.getHost() == null) {
            throw new IllegalArgumentException("loginUrl must be an absolute URL with a host, was " + loginUrl);
        }
        this.loginUrl = URI.create(loginUrl.getScheme() + "://" + loginUrl.getRawAuthority());
        return self();
    }

    /**
     * @param loginUrl the login host as text, e.g. {@code https://dm-us.informaticacloud.com}
     * @return this builder
     */
    public B loginUrl(String loginUrl) {
        return loginUrl(URI.create(Objects.requireNonNull(loginUrl, "loginUrl")));
    }

    /**
     * @param credentials the user name and password, resolved at each login (e.g. from the
     *     environment: {@code CredentialsProvider.usernamePasswordFromEnv("IICS_USER", "IICS_PASSWORD")})
     * @return this builder
     */
    public B credentials(CredentialsProvider<UsernamePassword> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public B credentials(String username, Secret password) {
        return credentials(CredentialsProvider.of(UsernamePassword.of(username, password)));
    }

    /**
     * @param policy how failed calls are retried; default {@link RetryPolicy#defaults()}
     * @return this builder
     */
    public B retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return self();
    }

    /**
     * @param client a caller-owned client (never closed by the source; build it with
     *     {@code Redirect.NEVER}); without one the source builds and closes its own
     * @return this builder
     */
    public B httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return self();
    }

    /**
     * @param timeout connect timeout of the client the source builds; default 10 s
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return self();
    }

    /**
     * @param timeout per attempt, until the answer's headers arrive; default 60 s
     * @return this builder
     */
    public B requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
        return self();
    }

    /**
     * @param timeout the longest wait for the next bytes of an answer; default 60 s
     * @return this builder
     */
    public B bodyReadTimeout(Duration timeout) {
        this.bodyReadTimeout = Objects.requireNonNull(timeout, "bodyReadTimeout");
        return self();
    }

    /**
     * @param allow true to allow plain HTTP to non-loopback hosts (the password and session then
     *     travel in clear text); default false
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /**
     * @param listener observes every attempt, answer and retry
     * @return this builder
     */
    public B listener(TransportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * @param ahead how long before a JWT session expires a new one is opened; default one minute
     * @return this builder
     */
    public B sessionRefreshAhead(Duration ahead) {
        Objects.requireNonNull(ahead, "sessionRefreshAhead");
        if (ahead.isNegative()) {
            throw new IllegalArgumentException("sessionRefreshAhead must not be negative, was " + ahead);
        }
        this.sessionRefreshAhead = ahead;
        return self();
    }

    /**
     * @param clock the clock session expiries are compared with (for tests); default system UTC
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** Builds the connection; checks the settings every source needs. */
    InformaticaClient newClient(InformaticaLogin.Api api) {
        if (loginUrl == null) {
            throw new IllegalArgumentException("Informatica source: set region(...) or loginUrl(...)");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("Informatica source: set credentials(...)");
        }
        Endpoints.requireSecure(loginUrl, allowInsecureHttp);
        HttpTransport.Builder transport = HttpTransport.builder()
                .vendor(InformaticaAuditLogSource.VENDOR)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .bodyReadTimeout(bodyReadTimeout)
                .retryPolicy(retryPolicy)
                .listener(listener)
                .clock(clock);
        if (httpClient != null) {
            transport.httpClient(httpClient);
        }
        return new InformaticaClient(api, loginUrl, credentials, transport, allowInsecureHttp, clock, sessionRefreshAhead);
    }
}
