package dev.auditsdk.informatica;

import dev.auditsdk.core.spi.paging.DeliveryOptions;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.source.AbstractSourceBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings both Informatica sources share: where to log in ({@link #region} or
 * {@link #baseUrl}), as whom ({@link #credentials}), and how long a session is used; the HTTP
 * options (retry policy, client, timeouts, listener, clock, lateness, parallelism) come from
 * {@link AbstractSourceBuilder}. Extended by {@link InformaticaAuditLogSourceBuilder} and
 * {@link InformaticaSecurityLogSourceBuilder}.
 *
 * @param <B> the concrete builder type
 */
public abstract class InformaticaSourceBuilder<B extends InformaticaSourceBuilder<B>> extends AbstractSourceBuilder<B> {
    /** How long before a JWT session's expiry a new session is opened, by default. */
    public static final Duration DEFAULT_SESSION_REFRESH_AHEAD = Duration.ofMinutes(1);

    private URI baseUrl;
    private CredentialsProvider<UsernamePassword> credentials;
    private Duration sessionRefreshAhead = DEFAULT_SESSION_REFRESH_AHEAD;

    InformaticaSourceBuilder() {
    }

    /**
     * Logs in at the login host of a POD, e.g. {@link InformaticaRegion#US} for
     * {@code https://dm-us.informaticacloud.com}.
     *
     * @param region the region
     * @return this builder
     */
    public B region(InformaticaRegion region) {
        this.baseUrl = Objects.requireNonNull(region, "region").loginUrl();
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
     * @param baseUrl the login host
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute URL with a host
     */
    public B baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL with a host, was " + baseUrl);
        }
        this.baseUrl = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority());
        return self();
    }

    /**
     * @param baseUrl the login host as text, e.g. {@code https://dm-us.informaticacloud.com}
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim()));
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
     * @param password the password (kept as a {@link Secret} from here on)
     * @return this builder
     */
    public B credentials(String username, String password) {
        Objects.requireNonNull(password, "password");
        return credentials(CredentialsProvider.of(UsernamePassword.of(username, Secret.of(password))));
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
     * IDMC's entry time is not the moment the entry becomes visible: the default
     * {@link #lateness(Duration)} is one minute. The checkpoint keeps the ids of this window,
     * and a resumed query re-reads it, delivering only what it had not; zero trusts that
     * entries appear in time order.
     *
     * @return {@link InformaticaAuditLogSource#DEFAULT_LATENESS}
     */
    @Override
    protected Duration defaultLateness() {
        return InformaticaAuditLogSource.DEFAULT_LATENESS;
    }

    /**
     * Builds the connection; checks the settings every source needs.
     *
     * @throws IllegalStateException when the region/base URL or the credentials are missing
     * @throws IllegalArgumentException when the base URL is plain HTTP to a non-loopback host without opt-in
     */
    InformaticaConnection newConnection(InformaticaLogin.Api api) {
        URI loginUrl = requireBaseUrl(InformaticaAuditLogSource.VENDOR, baseUrl, "region(...) or baseUrl(...)");
        if (credentials == null) {
            throw new IllegalStateException("informatica source: set credentials(...)");
        }
        return new InformaticaConnection(api, loginUrl, credentials, transportBuilder(InformaticaAuditLogSource.VENDOR),
                insecureHttpAllowed(), configuredClock(), sessionRefreshAhead);
    }

    /** @return the configured login host, for the source's {@code toString} */
    URI configuredBaseUrl() {
        return baseUrl;
    }

    /** @return the delivery settings (lateness, late-entry policy) of the sources built from this builder */
    DeliveryOptions delivery() {
        return configuredDelivery();
    }

    /**
     * IDMC writes audit and security entries after the event, and may show one after a later-stamped one: the default {@link #settleLag(Duration)} is two minutes (an assumption; IDMC documents none).
     *
     * @return the module's default
     */
    @Override
    protected Duration defaultSettleLag() {
        return InformaticaAuditLogSource.DEFAULT_SETTLE_LAG;
    }
}
