package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.http.TransportListener;

/**
 * Applies a {@link RetryPolicy} to one request with Failsafe: the SDK's single retry loop.
 * Retries I/O errors (a body cut short while read inside the attempt among them) and
 * retryable statuses of retry-safe requests; retries throttling answers (per the vendor's
 * {@link ThrottlePolicy}) and connections that were never established whatever the method,
 * since nothing was processed; waits a server's {@code Retry-After} exactly (clamped to the
 * policy's maximum, never shortened by jitter), otherwise backs off exponentially with
 * jitter; gives up at the overall deadline; spaces attempts by the client-side rate limit.
 */
final class RetryExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryExecutor.class);

    /** One attempt of a request. */
    interface Attempt {
        HttpTransport.Exchange run(int attempt) throws IOException;
    }

    private final String vendor;
    private final RetryPolicy policy;
    private final Clock clock;
    private final TransportListener listener;
    private final RateLimitRegistry.Limiter rateLimiter;
    private final ThrottlePolicy throttle;

    /**
     * @param rateLimit where the client-side rate limit's permits come from: a registry and the
     *     source's rate domain to share one limiter with every source of that domain, or null for
     *     a limiter of this transport alone; unused when the policy sets no rate
     */
    RetryExecutor(String vendor, RetryPolicy policy, Clock clock, TransportListener listener, ThrottlePolicy throttle,
            SharedRateLimit rateLimit) {
        this.vendor = vendor;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.throttle = throttle;
        this.rateLimiter = policy.rateLimitPerSecond()
                .map(rps -> rateLimit == null ? RateLimitRegistry.unshared(rps) : rateLimit.registry.limiter(rateLimit.domain, rps))
                .orElse(null);
    }

    /** A registry and the rate domain to draw permits from. */
    static final class SharedRateLimit {
        final RateLimitRegistry registry;
        final String domain;

        SharedRateLimit(RateLimitRegistry registry, String domain) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.domain = Objects.requireNonNull(domain, "domain");
        }
    }

    /** @return the limiter the attempts wait for, if the policy sets a rate */
    Optional<RateLimitRegistry.Limiter> rateLimiter() {
        return Optional.ofNullable(rateLimiter);
    }

    RetryPolicy policy() {
        return policy;
    }

    Clock clock() {
        return clock;
    }

    HttpTransport.Exchange execute(HttpRequestSpec spec, Attempt attempt) {
        int maxAttempts = policy.maxAttempts();
        dev.failsafe.RetryPolicy<HttpTransport.Exchange> retry = dev.failsafe.RetryPolicy.<HttpTransport.Exchange>builder()
                .handleIf((result, failure) -> shouldRetry(spec, result, failure))
                .withMaxAttempts(maxAttempts)
                .withMaxDuration(policy.overallDeadline())
                .withDelayFn(ctx -> delayAfter(ctx.getLastResult(), ctx.getAttemptCount()))
                .onRetryScheduled(e -> {
                    String reason = reason(e.getLastResult(), e.getLastException());
                    LOG.debug("{}: retrying {} in {} ms (attempt {} failed: {})", vendor, spec.describe(),
                            e.getDelay().toMillis(), e.getAttemptCount(), reason);
                    listener.onRetry(spec, e.getAttemptCount(), reason, e.getDelay());
                })
                .build();
        try {
            return Failsafe.with(retry).get(ctx -> {
                int n = ctx.getAttemptCount() + 1;
                acquirePermit(spec);
                listener.onRequest(spec, n);
                return attempt.run(n);
            });
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuditTransportException) {
                throw (AuditTransportException) cause;
            }
            if (cause instanceof HttpTransport.RetryableBodyFailure && cause.getCause() instanceof AuditTransportException) {
                cause = cause.getCause();
            }
            String message = cause instanceof HttpTransport.RetryableBodyFailure || cause instanceof AuditTransportException
                    ? cause.getMessage() : cause.toString();
            throw new AuditTransportException(vendor + ": " + spec.describe() + " failed" + attemptsText(spec, cause)
                    + ": " + message, cause);
        }
    }

    private String attemptsText(HttpRequestSpec spec, Throwable cause) {
        if (policy.maxAttempts() == 1) {
            return "";
        }
        if (!spec.retrySafe() && !neverSent(cause)) {
            return " (not retried: " + spec.method() + " is not retry-safe)";
        }
        return " (after retries)";
    }

    private static String reason(HttpTransport.Exchange result, Throwable failure) {
        return failure != null ? failure.toString() : "HTTP " + result.status;
    }

    private boolean shouldRetry(HttpRequestSpec spec, HttpTransport.Exchange result, Throwable failure) {
        if (failure != null) {
            if (!policy.retryOnIoErrors() || !(failure instanceof IOException)) {
                return false;
            }
            return spec.retrySafe() || neverSent(failure);
        }
        if (result == null || result.isSuccess()) {
            return false;
        }
        if (isThrottle(result)) {
            return true; // refused, not processed: safe to repeat whatever the method
        }
        return spec.retrySafe() && policy.isRetryable(result.status);
    }

    /** A connection that could not be made carried nothing: repeating the request cannot do harm. */
    private static boolean neverSent(Throwable failure) {
        return failure instanceof java.net.ConnectException || failure instanceof java.net.http.HttpConnectTimeoutException;
    }

    boolean isThrottle(HttpTransport.Exchange result) {
        return throttle.isThrottle(result.status, result.headers);
    }

    /** @return the wait clamped to the policy's {@link RetryPolicy#maxRetryAfter()} */
    Duration clamp(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : wait;
    }

    private Duration delayAfter(HttpTransport.Exchange last, int attempts) {
        if (last != null) {
            Optional<Duration> asked = retryAfter(last);
            if (asked.isPresent()) {
                Duration wait = clamp(asked.get());
                LOG.debug("{}: server asked to wait {} ms (Retry-After)", vendor, wait.toMillis());
                return wait;
            }
        }
        return policy.jitteredBackoff(attempts);
    }

    private void acquirePermit(HttpRequestSpec spec) {
        if (rateLimiter == null) {
            return;
        }
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTransportException(vendor + ": interrupted while rate-limiting " + spec.describe(), e);
        } catch (IllegalStateException e) {
            throw new AuditTransportException(vendor + ": client-side rate limit wait exceeded for " + spec.describe(), e);
        }
    }

    /** The wait a failed answer asks for: its {@code Retry-After} header, else what the vendor's body reader finds. */
    Optional<Duration> retryAfter(HttpTransport.Exchange failed) {
        Optional<Duration> header = retryAfterOf(failed.headers, clock);
        if (header.isPresent() || failed.errorExcerpt == null || failed.errorExcerpt.isEmpty()) {
            return header;
        }
        return Objects.requireNonNull(throttle.retryAfterFromBody(failed.status, failed.errorExcerpt),
                "ThrottlePolicy.retryAfterFromBody returned null");
    }

    static Optional<Duration> retryAfterOf(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock.instant()));
    }
}
