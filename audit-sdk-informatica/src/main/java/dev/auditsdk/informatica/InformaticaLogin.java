package dev.auditsdk.informatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.util.Json;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to Informatica and out again, through the source's transport (so logins get the same
 * retries, timeouts and TLS rules as data calls, without authentication headers).
 *
 * <ul>
 *   <li>{@link Api#V2}: {@code POST {loginUrl}/ma/api/v2/user/login} with
 *       {@code {"@type":"login","username","password"}} → {@code icSessionId} and {@code serverUrl};
 *       data calls carry {@code icSessionId}; logout is {@code POST {serverUrl}/api/v2/user/logout}.</li>
 *   <li>{@link Api#V3}: {@code POST {loginUrl}/saas/public/core/v3/login} with
 *       {@code {"username","password"}} → {@code userInfo.sessionId} and
 *       {@code products[0].baseApiUrl}; data calls carry {@code INFA-SESSION-ID}; logout is
 *       {@code POST {baseApiUrl}/public/core/v3/logout}.</li>
 * </ul>
 * The answers are read into typed models ({@link V2LoginAnswer}, {@link V3LoginAnswer}).
 * The server URL of the answer must pass the same HTTPS rule as the login URL: a login answer
 * cannot send the session to a plain-HTTP host.
 */
final class InformaticaLogin {
    private static final Logger LOG = LoggerFactory.getLogger(InformaticaLogin.class);

    /** Which login API, and with it which session header. */
    public enum Api {
        /** The v2 login; header {@code icSessionId}. */
        V2("ma/api/v2/user/login", "icSessionId", "api/v2/user/logout"),
        /** The v3 login; header {@code INFA-SESSION-ID}. */
        V3("saas/public/core/v3/login", "INFA-SESSION-ID", "public/core/v3/logout");

        private final String loginPath;
        private final String header;
        private final String logoutPath;

        Api(String loginPath, String header, String logoutPath) {
            this.loginPath = loginPath;
            this.header = header;
            this.logoutPath = logoutPath;
        }

        /** @return the header data calls carry the session id in */
        public String header() {
            return header;
        }
    }

    private final Api api;
    private final URI loginUrl;
    private final CredentialsProvider<UsernamePassword> credentials;
    private final HttpTransport transport;
    private final boolean allowInsecureHttp;

    /**
     * @param api which login API
     * @param loginUrl the login host, e.g. {@code https://dm-us.informaticacloud.com}
     * @param credentials user name and password, resolved at each login
     * @param transport the source's transport without authentication (logins carry their own credentials)
     * @param allowInsecureHttp whether plain HTTP to a non-loopback server URL is allowed
     */
    InformaticaLogin(Api api, URI loginUrl, CredentialsProvider<UsernamePassword> credentials,
            HttpTransport transport, boolean allowInsecureHttp) {
        this.api = Objects.requireNonNull(api, "api");
        this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.transport = Objects.requireNonNull(transport, "transport").withoutAuth();
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /** @return the login API in use */
    Api api() {
        return api;
    }

    /**
     * Logs in.
     *
     * @return the new session
     * @throws dev.auditsdk.core.error.AuditAuthenticationException when the credentials are refused
     * @throws AuditDataException when the answer lacks the session id or server URL
     */
    InformaticaSession login() {
        UsernamePassword user = credentials.resolve();
        ObjectNode body = Json.mapper().createObjectNode();
        if (api == Api.V2) {
            body.put("@type", "login");
        }
        body.put("username", user.username());
        body.put("password", user.password().reveal());
        HttpRequestSpec spec = HttpRequestSpec.post(Endpoints.resolve(loginUrl, api.loginPath))
                .jsonBody(body)
                .header("Accept", "application/json")
                .operation(Operation.LOGIN)
                .retrySafe(true) // a repeated login only opens another session
                .build();
        // read inside the attempt: a login answer cut short is asked for again; one that is not JSON
        // is a data error that quotes nothing of it
        LoginAnswer answer = parse(transport.sendForJson(spec));
        Secret id = answer.sessionId().orElse(null);
        String server = answer.serverUrl().orElse(null);
        if (id == null || server == null) {
            throw new AuditDataException("informatica: the login answer has no "
                    + (id == null ? answer.sessionIdField() : answer.serverUrlField()));
        }
        URI serverUrl;
        try {
            serverUrl = Endpoints.requireSecure(URI.create(server), allowInsecureHttp);
        } catch (IllegalArgumentException e) {
            throw new AuditDataException("informatica: the login answer's server URL is unusable: " + e.getMessage(), e);
        }
        InformaticaSession session = InformaticaSession.of(id, serverUrl);
        LOG.debug("informatica: logged in as {} ({} login); data calls go to {}{}", user.username(), api, serverUrl,
                session.expiresAt().map(t -> ", session expires at " + t).orElse(""));
        return session;
    }

    /**
     * @param session a session
     * @return the header that authenticates a data call of this session
     */
    AuthHeaders headers(InformaticaSession session) {
        return AuthHeaders.of(api.header, session.id().reveal());
    }

    /**
     * Ends a session. Called by the authenticator on close; failures propagate to it, which
     * logs and ignores them.
     *
     * @param session the session to end
     */
    void logout(InformaticaSession session) {
        // Not an authenticated request: the authenticator is closing and would log in again.
        HttpRequestSpec spec = HttpRequestSpec.post(Endpoints.resolve(session.serverUrl(), api.logoutPath))
                .credentials(headers(session)) // a credential: never forwarded to another host
                .header("Accept", "application/json")
                .operation(Operation.LOGOUT)
                .authenticated(false)
                .build();
        transport.sendAndDiscard(spec);
        LOG.debug("informatica: logged out of {}", session.serverUrl().getHost());
    }

    /** The typed answer of this login API ({@link V2LoginAnswer} or {@link V3LoginAnswer}). */
    private LoginAnswer parse(JsonNode answer) {
        try {
            Class<? extends LoginAnswer> type = api == Api.V2 ? V2LoginAnswer.class : V3LoginAnswer.class;
            return Json.mapper().treeToValue(answer, type);
        } catch (JsonProcessingException e) {
            // no parser message and no cause: they may quote the answer, and the answer holds the session id
            throw new AuditDataException("informatica: the login answer is not the expected "
                    + (api == Api.V2 ? "user object" : "userInfo/products object"));
        }
    }
}
