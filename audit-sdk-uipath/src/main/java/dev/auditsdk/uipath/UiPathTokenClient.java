package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.auth.AccessToken;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.OAuthClientCredentials;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenLifetime;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains access tokens from UiPath Identity with the OAuth 2.0 client-credentials grant of an
 * external application: {@code POST {identityUrl}/connect/token} with
 * {@code grant_type=client_credentials}, the client id and secret, and the scopes, as
 * {@code application/x-www-form-urlencoded}. There is no refresh token for this grant: a new
 * token is requested when the old one is about to expire (the source's token cache decides when).
 *
 * <p>A refused grant ({@code invalid_client}, {@code invalid_scope}, ...) surfaces as an
 * {@link dev.auditsdk.core.error.AuditAuthenticationException} naming the OAuth error code
 * (mapped by the source's error decoder); the client secret and the token never appear in
 * messages or logs. Thread-safe.
 */
final class UiPathTokenClient {
    /** The scope of the Platform Management audit APIs (read only); the default. */
    static final String SCOPE_PM_AUDIT_READ = "PM.Audit.Read";
    /** The path of the token endpoint below the identity URL. */
    static final String TOKEN_PATH = "connect/token";
    private static final Logger LOG = LoggerFactory.getLogger(UiPathTokenClient.class);

    private final HttpTransport transport;
    private final URI tokenEndpoint;
    private final CredentialsProvider<OAuthClientCredentials> credentials;
    private final List<String> scopes;
    private final Clock clock;

    /**
     * @param transport sends the token request (without authentication headers)
     * @param identityUrl the identity service root, e.g. {@code https://cloud.uipath.com/identity_}
     *     or {@code https://cloud.uipath.com/{org}/identity_}
     * @param credentials the external application's client id and secret
     * @param scopes the scopes to ask for; at least one
     * @param clock the time source for expiries
     */
    UiPathTokenClient(HttpTransport transport, URI identityUrl, CredentialsProvider<OAuthClientCredentials> credentials,
            List<String> scopes, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenEndpoint = Endpoints.resolve(Objects.requireNonNull(identityUrl, "identityUrl"), TOKEN_PATH);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
        if (this.scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes: at least one scope is required, e.g. " + SCOPE_PM_AUDIT_READ);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the token endpoint, {@code {identityUrl}/connect/token} */
    URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** @return the scopes asked for */
    List<String> scopes() {
        return scopes;
    }

    /**
     * Requests a new token.
     *
     * @return the token, expiring {@code expires_in} seconds after the request was sent, clamped
     *     to 30 s .. 24 h by {@link TokenLifetime} (or without a known expiry when the server does
     *     not say)
     * @throws dev.auditsdk.core.error.AuditAuthenticationException when the grant is refused
     * @throws AuditDataException when the answer carries no token
     */
    AccessToken fetchToken() {
        OAuthClientCredentials c = credentials.resolve();
        String form = "grant_type=client_credentials&client_id=" + encode(c.clientId())
                + "&client_secret=" + encode(c.clientSecret().reveal())
                + "&scope=" + encode(String.join(" ", scopes));
        HttpRequestSpec spec = HttpRequestSpec.post(tokenEndpoint)
                .body(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .authenticated(false)
                .operation(Operation.LOGIN)
                // asking again for a token has no side effect
                .retrySafe(true)
                .build();
        Instant requestedAt = clock.instant();
        // read inside the attempt (a cut-off answer is asked for again); an answer that is not
        // JSON is reported by position only, since it may hold the token
        JsonNode answer = transport.withoutAuth().sendForJson(spec);
        JsonNode token = answer == null ? null : answer.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new AuditDataException("uipath: the token endpoint " + tokenEndpoint.getPath()
                    + " answered without an access_token");
        }
        JsonNode expiresIn = answer.get("expires_in");
        String granted = answer.path("scope").asText("");
        LOG.debug("uipath: got an access token for client {} (scope '{}', expires_in {})", c.clientId(), granted,
                expiresIn == null ? "not given" : expiresIn.asText());
        Secret value = Secret.of(token.asText());
        OptionalLong seconds = seconds(expiresIn);
        if (seconds.isPresent()) {
            return AccessToken.of(value, requestedAt.plus(TokenLifetime.ofSeconds(seconds.getAsLong(), "uipath expires_in")));
        }
        return AccessToken.of(value);
    }

    /** {@code expires_in} as a number of seconds (saturated beyond a long), or empty when absent or not a number. */
    private static OptionalLong seconds(JsonNode expiresIn) {
        if (expiresIn == null || expiresIn.isNull()) {
            return OptionalLong.empty();
        }
        if (expiresIn.isNumber()) {
            if (expiresIn.canConvertToLong()) {
                return OptionalLong.of(expiresIn.asLong());
            }
            return OptionalLong.of(expiresIn.decimalValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        try {
            return OptionalLong.of(Long.parseLong(expiresIn.asText().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UiPathTokenClient{" + tokenEndpoint + ", scopes=" + scopes + "}";
    }
}
