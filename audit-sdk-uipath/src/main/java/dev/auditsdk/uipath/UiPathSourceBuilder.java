package dev.auditsdk.uipath;

import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.auditsdk.uipath.auth.UiPathTokenClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options both UiPath sources share: where (base URL, organization, tenant, identity URL),
 * who (the external application's client credentials and scopes), and how (retry policy, HTTP
 * client, timeouts). Every option has a plain-string form so a source can be built from
 * command-line or configuration values.
 *
 * @param <B> the concrete builder type
 */
public abstract class UiPathSourceBuilder<B extends UiPathSourceBuilder<B>> {
    /** UiPath Automation Cloud, the default base URL. */
    public static final URI AUTOMATION_CLOUD = URI.create("https://cloud.uipath.com");
    /** UiPath Automation Cloud Public Sector. */
    public static final URI PUBLIC_SECTOR_CLOUD = URI.create("https://govcloud.uipath.us");

    URI baseUrl = AUTOMATION_CLOUD;
    URI identityUrl;
    String organization;
    String tenant;
    CredentialsProvider<OAuthClientCredentials> credentials;
    List<String> scopes = List.of(UiPathTokenClient.SCOPE_PM_AUDIT_READ);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    HttpClient httpClient;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration requestTimeout = Duration.ofSeconds(60);
    Duration bodyReadTimeout = Duration.ofSeconds(60);
    Duration tokenRefreshAhead = Duration.ofMinutes(1);
    boolean allowInsecureHttp;
    TransportListener listener = TransportListener.NONE;
    Clock clock = Clock.systemUTC();

    UiPathSourceBuilder() {
    }

    abstract B self();

    /**
     * @param baseUrl the platform's access URL: {@link #AUTOMATION_CLOUD} (default),
     *     {@link #PUBLIC_SECTOR_CLOUD}, {@code https://{customURL}.dedicated.uipath.com}, or an
     *     Automation Suite / on-premises {@code https://{domain}}; paths
     *     {@code /{organization}[/{tenant}]/...} are added below it
     * @return this builder
     */
    public B baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /**
     * @param baseUrl the platform's access URL as text, e.g. {@code https://cloud.uipath.com}
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim()));
    }

    /**
     * @param organization the organization's name as it appears in URLs (required)
     * @return this builder
     */
    public B organization(String organization) {
        this.organization = Objects.requireNonNull(organization, "organization");
        return self();
    }

    /**
     * @param tenant the tenant's name as it appears in URLs; null for none
     * @return this builder
     */
    public B tenant(String tenant) {
        this.tenant = tenant;
        return self();
    }

    /**
     * @param identityUrl the identity service root; default {@code {baseUrl}/identity_}. Use the
     *     organization-scoped {@code https://cloud.uipath.com/{org}/identity_} or an Automation
     *     Suite {@code https://{domain}/identity_} where needed
     * @return this builder
     */
    public B identityUrl(URI identityUrl) {
        this.identityUrl = Objects.requireNonNull(identityUrl, "identityUrl");
        return self();
    }

    /**
     * @param identityUrl the identity service root as text
     * @return this builder
     */
    public B identityUrl(String identityUrl) {
        return identityUrl(URI.create(Objects.requireNonNull(identityUrl, "identityUrl").trim()));
    }

    /**
     * @param credentials where the external application's client id and secret come from
     *     (resolved at each token request, so they may rotate)
     * @return this builder
     */
    public B credentials(CredentialsProvider<OAuthClientCredentials> credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * @param clientId the external application's client id
     * @param clientSecret its client secret
     * @return this builder
     */
    public B clientCredentials(String clientId, String clientSecret) {
        return credentials(CredentialsProvider.of(OAuthClientCredentials.of(clientId, Secret.of(clientSecret))));
    }

    /**
     * @param scopes the scopes to request; default {@code PM.Audit.Read} ({@code PM.Audit} also works)
     * @return this builder
     */
    public B scopes(String... scopes) {
        List<String> list = new ArrayList<>();
        for (String s : Objects.requireNonNull(scopes, "scopes")) {
            for (String part : Objects.requireNonNull(s, "scope").trim().split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    list.add(part);
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("scopes: at least one scope is required");
        }
        this.scopes = List.copyOf(list);
        return self();
    }

    /**
     * @param retryPolicy how failed requests are retried; default {@link RetryPolicy#defaults()}
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * @param httpClient a caller-owned client (never closed by the source; build it with
     *     {@code Redirect.NEVER}); null to let the source build and own one
     * @return this builder
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
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
     * @param timeout per attempt, until the response headers arrive; default 60 s
     * @return this builder
     */
    public B requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
        return self();
    }

    /**
     * @param timeout the longest wait for the next bytes of a response body; default 60 s
     * @return this builder
     */
    public B bodyReadTimeout(Duration timeout) {
        this.bodyReadTimeout = Objects.requireNonNull(timeout, "bodyReadTimeout");
        return self();
    }

    /**
     * @param refreshAhead how long before its {@code expires_in} runs out a token is replaced;
     *     default 1 minute (tokens living less than twice that are replaced at half their life)
     * @return this builder
     */
    public B tokenRefreshAhead(Duration refreshAhead) {
        this.tokenRefreshAhead = Objects.requireNonNull(refreshAhead, "tokenRefreshAhead");
        return self();
    }

    /**
     * @param allow true to allow plain HTTP to non-loopback hosts (the secret and tokens then
     *     travel in clear text); default false
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /**
     * @param listener observes every request, answer (with {@code X-RateLimit-Remaining}) and retry
     * @return this builder
     */
    public B listener(TransportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * @param clock the time source for token expiry (tests); default the system UTC clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }
}
