package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.http.ThrottlePolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What both sources share at run time: the transport (with the UiPath error decoder and the
 * {@code retry_after}-in-body throttle rule), the OAuth client-credentials token client and the
 * token cache behind it, and the URL layout {@code {baseUrl}/{organization}[/{tenant}]/...}.
 * Built by {@link AbstractUiPathSourceBuilder}, which checks the options first.
 */
final class UiPathConnection implements AutoCloseable {
    static final String VENDOR = "uipath";

    private final URI baseUrl;
    private final String organization;
    private final String tenant;
    private final HttpTransport transport;

    /**
     * @param baseUrl the checked platform URL
     * @param organization the organization name
     * @param tenant the tenant name, or null
     * @param transport the transport builder carrying the source's HTTP settings
     * @param identityUrl the checked identity service root
     * @param credentials the external application's client id and secret
     * @param scopes the scopes to ask for
     * @param refreshAhead how long before expiry a token is replaced
     * @param clock the time source for expiries
     */
    UiPathConnection(URI baseUrl, String organization, String tenant, HttpTransport.Builder transport, URI identityUrl,
            CredentialsProvider<OAuthClientCredentials> credentials, List<String> scopes, Duration refreshAhead,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.organization = organization;
        this.tenant = tenant;
        // the token client logs in through the transport without authentication; the authenticated view is built on top
        HttpTransport plain = transport
                .errorDecoder(new UiPathErrorDecoder())
                .throttlePolicy(ThrottlePolicy.standard()
                        .withRetryAfterFromBody((status, body) -> UiPathErrorDecoder.retryAfterInBody(body)))
                .build();
        UiPathTokenClient tokens = new UiPathTokenClient(plain, identityUrl, credentials, scopes, clock);
        TokenAuthenticator<AccessToken> authenticator = TokenAuthenticator
                .<AccessToken>builder(tokens::fetchToken, t -> AuthHeaders.of("Authorization", "Bearer " + t.value().reveal()))
                .expiry(AccessToken::expiresAt)
                .refreshAhead(refreshAhead)
                .clock(clock)
                .build();
        this.transport = plain.withAuthenticator(authenticator);
    }

    /** @return the tenant name, if one was configured */
    Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** @return {@code {baseUrl}/{organization}/{path}} */
    URI organizationUrl(String path) {
        return Endpoints.resolve(baseUrl, segment(organization) + "/" + path);
    }

    /** @return {@code {baseUrl}/{organization}/{tenant}/{path}}, or the organization URL without a tenant */
    URI tenantUrl(String path) {
        return tenant == null ? organizationUrl(path)
                : Endpoints.resolve(baseUrl, segment(organization) + "/" + segment(tenant) + "/" + path);
    }

    /**
     * Resolves a server-relative link from an answer ({@code /org/tenant/...?...}) and makes sure
     * it stays on the configured host: the bearer token is never sent anywhere else.
     */
    URI link(String link) {
        URI resolved;
        try {
            resolved = baseUrl.resolve(link.trim());
        } catch (IllegalArgumentException e) {
            throw new AuditDataException("uipath: the answer links to a malformed URL", e);
        }
        if (!Endpoints.sameOrigin(baseUrl, resolved)) {
            throw new AuditDataException("uipath: the answer links to another host (" + resolved.getHost()
                    + "); refusing to send the access token there");
        }
        return resolved;
    }

    /** @return the read limits in force */
    ReadLimits limits() {
        return transport.limits();
    }

    /**
     * Sends a request and reads its JSON answer whole inside the attempt, so a cut-off page is
     * read again; an answer that is not JSON is an {@link AuditDataException} naming the request.
     */
    JsonNode readJson(HttpRequestSpec spec) {
        return transport.sendForJson(spec);
    }

    private static String segment(String name) {
        return Endpoints.encode(name);
    }

    @Override
    public void close() {
        transport.close();
    }
}
