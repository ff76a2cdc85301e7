package dev.auditsdk.boomi;

import dev.auditsdk.boomi.auth.BoomiBasicAuthenticator;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.spi.http.Endpoints;
import dev.auditsdk.core.spi.http.HttpTransport;
import dev.auditsdk.core.spi.http.ThrottlePolicy;
import dev.auditsdk.core.retry.RetryPolicy;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What both Boomi sources derive from their builder: the account, the endpoints and the
 * transports, with Boomi's effective retry policy (every request goes through core's
 * {@link HttpTransport}).
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
    private final boolean allowInsecureHttp;

    /** Copies the builder's settings, so that changing the builder later changes nothing here. */
    BoomiConnection(BoomiClientBuilder<?> settings) {
        settings.validate();
        this.accountId = settings.accountId;
        this.baseUrl = settings.baseUrl;
        this.credentials = settings.credentials;
        this.otp = settings.otp;
        this.allowInsecureHttp = settings.allowsInsecureHttp();
        Endpoints.requireSecure(baseUrl, allowInsecureHttp);
        this.transportSettings = settings.transport();
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
     * @param authenticator how requests authenticate
     * @return a transport with this connection's settings
     */
    HttpTransport transport(Authenticator authenticator) {
        // A transport copies its builder's settings when built, so the one snapshot taken from the
        // source's builder serves each transport (sources build theirs in their constructor).
        return transportSettings
                .authenticator(authenticator)
                .errorDecoder(new BoomiErrorDecoder(accountId))
                .throttlePolicy(THROTTLE)
                .build();
    }

    boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }
}
