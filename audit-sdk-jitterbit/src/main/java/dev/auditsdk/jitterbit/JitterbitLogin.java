package dev.auditsdk.jitterbit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.auth.TokenAuthenticator;
import dev.auditsdk.core.spi.auth.TokenCache;
import dev.auditsdk.core.spi.auth.TokenLifetime;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpRequestSpec;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.util.Redactor;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.jitterbit.auth.TfaChallenge;
import dev.auditsdk.jitterbit.auth.TfaCodeSupplier;
import dev.auditsdk.jitterbit.model.LoginResponse;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to Harmony: {@code PUT /user/login} with email and password and, when the
 * organization enforces two-factor authentication, the code from a {@link TfaCodeSupplier}
 * through {@code PUT /user/login/tfacode}.
 *
 * <p>A refused login is HTTP 200 with {@code "status": false}: it becomes an
 * {@link AuditAuthenticationException} carrying Harmony's {@code errorCode}. Neither login
 * request is ever retried (each first step emails a new code, and a code is good once);
 * {@link #authenticator(Supplier)} caches the session for {@code sessionTimeoutInSeconds} and
 * logs in again, once, before it expires or when a request is refused with HTTP 401.
 *
 * <p>{@code sessionTimeoutInSeconds} is clamped to 30 s .. 24 h ({@link TokenLifetime}, logged),
 * and logins are paced by core's {@code TokenCache}: at most one per {@code minLoginInterval}
 * (default one minute) for expiry plus one per interval after a refusal, so a server announcing
 * {@code 0} cannot make the client log in (and, with two-factor authentication, email a code) for
 * every request.
 */
final class JitterbitLogin {
    private static final Logger LOG = LoggerFactory.getLogger(JitterbitLogin.class);
    /** The request header that carries the token. */
    static final String AUTH_TOKEN_HEADER = "authToken";
    /** How long before its expiry a session is replaced. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final URI service;
    private final CredentialsProvider<UsernamePassword> credentials;
    private final TfaCodeSupplier tfaCodeSupplier;
    private final String deviceId;
    private final Clock clock;

    /**
     * @param service the service root, {@code https://host/jitterbit-cloud-restful-service/}
     * @param credentials the Harmony user's email (as user name) and password
     * @param tfaCodeSupplier asks for the emailed code; null when the organization does not use TFA
     * @param deviceId the device the TFA code is bound to; required with a {@code tfaCodeSupplier}, else unused (may be null)
     * @param clock the time source of session expiry
     */
    JitterbitLogin(URI service, CredentialsProvider<UsernamePassword> credentials, TfaCodeSupplier tfaCodeSupplier,
            String deviceId, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tfaCodeSupplier = tfaCodeSupplier;
        this.deviceId = tfaCodeSupplier == null ? deviceId : Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * As {@link #authenticator(HttpTransport, Duration)} with core's default pacing,
     * {@link TokenCache#DEFAULT_MIN_LOGIN_INTERVAL}.
     *
     * @param transport the transport to log in through, without authentication
     * @return the authenticator
     */
    TokenAuthenticator<JitterbitSession> authenticator(HttpTransport transport) {
        return authenticator(transport, TokenCache.DEFAULT_MIN_LOGIN_INTERVAL);
    }

    /**
     * The session-caching authenticator for the transport: sends {@code authToken: <token>},
     * logs in on first use, again ahead of expiry and after a 401 (single flight).
     *
     * @param transport the transport to log in through, without authentication (the source's plain
     *     transport; the authenticated view is built on top of it with this authenticator)
     * @param minLoginInterval the login pacing: at most one login for expiry and one after a
     *     refusal per interval; {@link Duration#ZERO} turns pacing off
     * @return the authenticator
     */
    TokenAuthenticator<JitterbitSession> authenticator(HttpTransport transport, Duration minLoginInterval) {
        HttpTransport plain = Objects.requireNonNull(transport, "transport").withoutAuth();
        return TokenAuthenticator.<JitterbitSession>builder(() -> login(plain),
                        s -> AuthHeaders.of(AUTH_TOKEN_HEADER, s.authToken().reveal()))
                .expiry(JitterbitSession::expiresAt)
                .refreshAhead(REFRESH_AHEAD)
                .minLoginInterval(minLoginInterval)
                .clock(clock)
                .build();
    }

    /**
     * Logs in (two requests with two-factor authentication).
     *
     * @param transport the transport to send the (unauthenticated, never retried) login requests through
     * @return the new session
     * @throws AuditAuthenticationException when Harmony refuses the login or no TFA code is supplied
     */
    JitterbitSession login(HttpTransport transport) {
        UsernamePassword user = credentials.resolve();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("email", user.username());
        body.put("password", user.password().reveal());
        if (tfaCodeSupplier != null) {
            body.put("deviceId", deviceId);
        }
        LOG.debug("jitterbit: logging in as {}", user.username());
        LoginResponse first = put(transport, "user/login", body);
        if (first.status()) {
            return session(first);
        }
        if (!first.tfaCodeRequired()) {
            throw refused(first, tfaCodeSupplier == null
                    ? " (if the organization enforces two-factor authentication, configure a TfaCodeSupplier)" : "");
        }
        if (tfaCodeSupplier == null) {
            throw refused(first, ": Harmony emailed a two-factor code, but no TfaCodeSupplier is configured");
        }
        LOG.info("jitterbit: Harmony emailed a two-factor code to {}; asking the TfaCodeSupplier", user.username());
        Secret code = tfaCodeSupplier.code(TfaChallenge.builder().email(user.username()).deviceId(deviceId)
                .message(first.errorMessage()).build());
        if (code == null || code.reveal().isBlank()) {
            throw new AuditAuthenticationException("jitterbit: login as " + user.username()
                    + " aborted: the TfaCodeSupplier gave no two-factor code", 0, first.errorCode().orElse(null), null, null);
        }
        body.put("code", code.reveal().strip());
        LoginResponse second = put(transport, "user/login/tfacode", body);
        if (second.status()) {
            return session(second);
        }
        throw refused(second, " at the two-factor step (wrong or expired code?)");
    }

    private LoginResponse put(HttpTransport transport, String path, ObjectNode body) {
        HttpRequestSpec spec = HttpRequestSpec.put(Endpoints.resolve(service, path))
                .header("Accept", "application/json")
                .jsonBody(body)
                .authenticated(false)
                .operation(Operation.LOGIN)
                // never repeated after it reached the server: the first step emails a new code each
                // time, a code is good once (a throttled login was refused, and is sent again)
                .retrySafe(false)
                .build();
        JsonNode answer = transport.withoutAuth().sendForJson(spec);
        try {
            return Json.mapper().treeToValue(answer, LoginResponse.class);
        } catch (JsonProcessingException e) {
            // neither the answer nor the parser's message: a login answer may hold the token
            throw new AuditDataException("jitterbit: the answer of PUT " + path + " is not the expected login object");
        }
    }

    private JitterbitSession session(LoginResponse r) {
        Secret token = r.authenticationToken().orElseThrow(() -> new AuditDataException(
                "jitterbit: the login answer has status true but no authenticationToken"));
        Instant receivedAt = clock.instant();
        Optional<Instant> expiresAt = r.sessionTimeoutInSeconds().isPresent()
                ? Optional.of(receivedAt.plus(TokenLifetime.ofSeconds(r.sessionTimeoutInSeconds().getAsLong(),
                        "jitterbit sessionTimeoutInSeconds")))
                : Optional.empty();
        LOG.debug("jitterbit: logged in; {} organization(s), session expires at {}", r.orgAttrs().size(),
                expiresAt.map(Object::toString).orElse("an unknown time"));
        return new JitterbitSession(token, r.orgAttrs(), r.defaultOrgId(), expiresAt);
    }

    private static AuditAuthenticationException refused(LoginResponse r, String hint) {
        String code = r.errorCode().orElse(null);
        String message = "jitterbit: login refused" + (code == null ? "" : " (" + code + ")")
                + r.errorMessage().map(m -> ": " + Redactor.excerpt(m)).orElse("") + hint;
        return new AuditAuthenticationException(message, 0, code, null, null);
    }

    /** A device id stable per installation (user and host), so Harmony can recognise the device across runs. */
    static String defaultDeviceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            host = Objects.toString(System.getenv("HOSTNAME"), "unknown-host");
        }
        String seed = System.getProperty("user.name", "unknown-user") + "@" + host;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("audit-sdk-");
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", digest[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
