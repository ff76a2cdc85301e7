package dev.auditsdk.uipath;

import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.paging.OffsetPager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options both UiPath sources share, the base of {@link UiPathSourceBuilder} (classic) and
 * {@link UiPathUnifiedSourceBuilder} (unified): where (base URL, organization, tenant, identity
 * URL), who (the external application's client credentials and scopes), and how long a token is
 * used; the HTTP options (retry policy, client, timeouts, listeners, clock, lateness,
 * parallelism) come from {@link AbstractSourceBuilder}. Every option has a plain-string form so a
 * source can be built from command-line or configuration values. Only this module extends it.
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractUiPathSourceBuilder<B extends AbstractUiPathSourceBuilder<B>> extends AbstractSourceBuilder<B> {
    /** UiPath Automation Cloud, the default base URL. */
    public static final URI AUTOMATION_CLOUD = URI.create("https://cloud.uipath.com");
    /** UiPath Automation Cloud Public Sector. */
    public static final URI PUBLIC_SECTOR_CLOUD = URI.create("https://govcloud.uipath.us");

    private URI baseUrl = AUTOMATION_CLOUD;
    private URI identityUrl;
    private String organization;
    private String tenant;
    private CredentialsProvider<OAuthClientCredentials> credentials;
    private List<String> scopes = List.of(UiPathTokenClient.SCOPE_PM_AUDIT_READ);
    private Duration tokenRefreshAhead = Duration.ofMinutes(1);
    private int maxPages = OffsetPager.DEFAULT_MAX_PAGES;

    AbstractUiPathSourceBuilder() {
    }

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
     * @param refreshAhead how long before its {@code expires_in} runs out a token is replaced;
     *     default 1 minute (tokens living less than twice that are replaced at half their life)
     * @return this builder
     */
    public B tokenRefreshAhead(Duration refreshAhead) {
        this.tokenRefreshAhead = Objects.requireNonNull(refreshAhead, "tokenRefreshAhead");
        return self();
    }

    /**
     * @param maxPages the most requests per stream before failing: a guard against a log that
     *     grows faster than it is read, or against endless cursors; default {@value OffsetPager#DEFAULT_MAX_PAGES}
     * @return this builder
     */
    public B maxPages(int maxPages) {
        if (maxPages <= 0) {
            throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
        }
        this.maxPages = maxPages;
        return self();
    }

    /** UiPath counts the platform APIs' requests per organization, whichever application or tenant sends them. */
    @Override
    protected String defaultRateLimitDomain() {
        return organization == null ? null : UiPathConnection.VENDOR + ":" + baseUrl + "/" + organization;
    }

    /**
     * Orchestrator writes a classic audit entry with the action it records: the default {@link #settleLag(Duration)} is one minute (an assumption; UiPath documents none). The unified audit store, fed from the services, overrides it.
     *
     * @return the module's default
     */
    @Override
    protected Duration defaultSettleLag() {
        return UiPathAuditLogSource.DEFAULT_SETTLE_LAG;
    }

    /** @return the most requests per stream */
    final int maxPages() {
        return maxPages;
    }

    /**
     * Checks the shared options and builds what both sources run on.
     *
     * @return the connection: URLs, token cache and transport
     * @throws IllegalArgumentException when the organization or credentials are missing, the tenant
     *     is blank, or a URL is plain HTTP to a remote host without {@link #allowInsecureHttp(boolean)}
     *     or has a query
     */
    final UiPathConnection connection() {
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("organization is required: the organization name as it appears in"
                    + " UiPath URLs, e.g. https://cloud.uipath.com/{organization}/");
        }
        if (credentials == null) {
            throw new IllegalArgumentException("credentials are required: the client id and secret of a UiPath"
                    + " external application (confidential, client credentials, scope PM.Audit.Read)");
        }
        if (tenant != null && tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank; leave it unset for none");
        }
        URI base = requireBaseUrl(UiPathConnection.VENDOR, baseUrl, "baseUrl(...)");
        URI identity = requireBaseUrl(UiPathConnection.VENDOR,
                identityUrl != null ? identityUrl : Endpoints.resolve(base, "identity_"), "identityUrl(...)");
        return new UiPathConnection(base, organization.trim(), tenant == null ? null : tenant.trim(),
                transportBuilder(UiPathConnection.VENDOR), identity, credentials, scopes, tokenRefreshAhead,
                configuredClock());
    }
}
