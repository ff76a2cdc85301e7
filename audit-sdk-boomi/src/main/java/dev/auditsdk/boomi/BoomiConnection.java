package dev.auditsdk.boomi;

import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.http.ThrottlePolicy;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Auth and transport of both Boomi sources: the account, its endpoints, and transports with
 * Boomi's authenticators, error decoder, throttling answer and effective retry policy (every
 * request goes through core's {@link HttpTransport}). Built by the source builders, from their
 * settings as they were at {@code build()}.
 */
final class BoomiConnection {
    static final String VENDOR = "boomi";
    /** Keeps a smooth client-side rate strictly under the account's budget despite timer and network jitter. */
    static final double RATE_MARGIN = 0.9;
    static final int DEFAULT_MAX_ATTEMPTS = 6;

    final String accountId;
    final URI baseUrl;
    private final CredentialsProvider<UsernamePassword> credentials;
    private final Supplier<Secret> otp;
    /** Boomi answers 503 when a caller exceeds the account's rate: refused, not processed. */
    static final ThrottlePolicy THROTTLE = ThrottlePolicy.statuses(Set.of(429, 503));

    private final HttpTransport.Builder transportSettings;

    /**
     * @param accountId the account
     * @param baseUrl the checked platform host
     * @param credentials the Basic credentials
     * @param otp the two-factor code supplier, or null
     * @param transportSettings the builder's HTTP settings with Boomi's effective retry policy, a
     *     snapshot owned by this connection
     */
    BoomiConnection(String accountId, URI baseUrl, CredentialsProvider<UsernamePassword> credentials,
            Supplier<Secret> otp, HttpTransport.Builder transportSettings) {
        this.accountId = accountId;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.otp = otp;
        this.transportSettings = transportSettings;
    }

    /**
     * 503 is Boomi's throttling answer: always retryable. The account's rate applies unless the
     * caller's policy sets its own.
     */
    static RetryPolicy effectivePolicy(RetryPolicy given, double rateLimitPerSecond) {
        RetryPolicy base = given != null ? given : defaultPolicy();
        Set<Integer> statuses = new TreeSet<>(base.retryableStatuses());
        statuses.add(503);
        RetryPolicy.Builder b = base.toBuilder().retryableStatuses(statuses);
        if (base.rateLimitPerSecond().isEmpty() && rateLimitPerSecond > 0) {
            b.rateLimitPerSecond(rateLimitPerSecond * RATE_MARGIN);
        }
        return b.build();
    }

    /** Boomi's own connectors retry 5 times. */
    static RetryPolicy defaultPolicy() {
        return RetryPolicy.builder().maxAttempts(DEFAULT_MAX_ATTEMPTS).build();
    }

    /** @return {@code {base}/api/rest/v1/{accountId}/AuditLog/{operation}} */
    URI auditLog(String operation) {
        return Endpoints.resolve(baseUrl, "api/rest/v1/" + accountId + "/AuditLog/" + operation);
    }

    /** @return {@code {base}/auth/jwt/generate/{accountId}} */
    URI jwtGenerate() {
        return Endpoints.resolve(baseUrl, "auth/jwt/generate/" + accountId);
    }

    /** @return a transport for the Platform API: Basic credentials, OTP, Boomi errors, retries, rate limit */
    HttpTransport platformTransport() {
        return transport(BoomiBasicAuthenticator.of(credentials, otp));
    }

    /**
     * @param platform the {@linkplain #platformTransport() platform transport} that fetches the JWTs
     * @param jwtLifetime how long a JWT is assumed valid when its {@code exp} claim says nothing sooner
     * @param jwtRefreshAhead how long before its expiry a JWT is replaced
     * @param clock the time source of the JWT expiry
     * @return a transport for the Audit Log Staging API: the account's JWT as a bearer token
     */
    HttpTransport stagingTransport(HttpTransport platform, Duration jwtLifetime, Duration jwtRefreshAhead, Clock clock) {
        return transport(BoomiJwt.authenticator(platform, jwtGenerate(), jwtLifetime, jwtRefreshAhead, clock));
    }

    /**
     * @param authenticator how requests authenticate
     * @return a transport with this connection's settings
     */
    private HttpTransport transport(Authenticator authenticator) {
        // A transport copies its builder's settings when built, so the one snapshot taken from the
        // source's builder serves each transport (sources build theirs in their constructor).
        return transportSettings
                .authenticator(authenticator)
                .errorDecoder(new BoomiErrorDecoder(accountId))
                .throttlePolicy(THROTTLE)
                .build();
    }
}
