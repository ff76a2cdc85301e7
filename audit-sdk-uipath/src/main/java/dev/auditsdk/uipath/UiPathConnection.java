package dev.auditsdk.uipath;

import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.BodyReader;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.http.ThrottlePolicy;
import dev.auditsdk.uipath.auth.UiPathTokenClient;
import java.net.URI;
import java.util.Optional;

/**
 * What both sources share at run time: the transport (with the UiPath error decoder), the
 * OAuth token cache behind it, and the URL layout {@code {baseUrl}/{organization}[/{tenant}]/...}.
 */
final class UiPathConnection implements AutoCloseable {
    static final String VENDOR = "uipath";

    private final URI baseUrl;
    private final String organization;
    private final String tenant;
    private final HttpTransport transport;
    private final UiPathTokenClient tokens;

    UiPathConnection(UiPathSourceBuilder<?> b) {
        if (b.organization == null || b.organization.isBlank()) {
            throw new IllegalArgumentException("organization is required: the organization name as it appears in"
                    + " UiPath URLs, e.g. https://cloud.uipath.com/{organization}/");
        }
        if (b.credentials == null) {
            throw new IllegalArgumentException("credentials are required: the client id and secret of a UiPath"
                    + " external application (confidential, client credentials, scope PM.Audit.Read)");
        }
        if (b.tenant != null && b.tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank; leave it unset for none");
        }
        this.baseUrl = Endpoints.requireSecure(b.baseUrl, b.allowsInsecureHttp());
        if (baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query: " + baseUrl);
        }
        URI identityUrl = Endpoints.requireSecure(
                b.identityUrl != null ? b.identityUrl : Endpoints.resolve(baseUrl, "identity_"), b.allowsInsecureHttp());
        this.organization = b.organization.trim();
        this.tenant = b.tenant == null ? null : b.tenant.trim();
        // the token client logs in through the plain transport; the authenticated view is built on top
        HttpTransport plain = b.transport()
                .errorDecoder(new UiPathErrorDecoder())
                .throttlePolicy(ThrottlePolicy.standard()
                        .withRetryAfterFromBody((status, body) -> UiPathErrorDecoder.retryAfterInBody(body)))
                .build();
        this.tokens = new UiPathTokenClient(plain, identityUrl, b.credentials, b.scopes, b.tokenClock());
        TokenAuthenticator<AccessToken> authenticator = TokenAuthenticator
                .<AccessToken>builder(tokens::fetchToken, t -> AuthHeaders.of("Authorization", "Bearer " + t.value().reveal()))
                .expiry(AccessToken::expiresAt)
                .refreshAhead(b.tokenRefreshAhead)
                .clock(b.tokenClock())
                .build();
        this.transport = plain.withAuthenticator(authenticator);
    }

    /** @return the organization name */
    String organization() {
        return organization;
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

    /** @throws IllegalStateException once the connection is closed */
    void requireOpen(String what) {
        transport.requireOpen(what);
    }

    /** @return the read limits in force */
    ReadLimits limits() {
        return transport.limits();
    }

    /** Sends a request and reads its bounded answer inside the attempt, so a cut-off page is read again. */
    <T> T read(HttpRequestSpec spec, BodyReader<T> reader) {
        return transport.send(spec, reader);
    }

    UiPathTokenClient tokenClient() {
        return tokens;
    }

    private static String segment(String name) {
        return Endpoints.encode(name);
    }

    @Override
    public void close() {
        transport.close();
    }
}
