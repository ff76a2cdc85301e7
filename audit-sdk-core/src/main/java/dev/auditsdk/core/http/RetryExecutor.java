package dev.auditsdk.core.http;

import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.retry.RetryPolicy;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetryPolicy} to one request with Failsafe: the SDK's single retry loop.
 * Retries I/O errors and retryable statuses of retry-safe requests, waits a server's
 * {@code Retry-After} exactly (clamped to the policy's maximum, never shortened by jitter),
 * otherwise backs off exponentially with jitter, gives up at the overall deadline, and
 * spaces attempts by the client-side rate limit.
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
    private final RateLimiter<Object> rateLimiter;
    private final Function<String, Optional<Duration>> retryAfterFromBody;

    RetryExecutor(String vendor, RetryPolicy policy, Clock clock, TransportListener listener,
            Function<String, Optional<Duration>> retryAfterFromBody) {
        this.vendor = vendor;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.retryAfterFromBody = retryAfterFromBody;
        this.rateLimiter = policy.rateLimitPerSecond()
                .map(rps -> RateLimiter.smoothBuilder(Duration.ofNanos((long) (1_000_000_000L / rps)))
                        .withMaxWaitTime(Duration.ofMinutes(10))
                        .build())
                .orElse(null);
    }

    RetryPolicy policy() {
        return policy;
    }

    Clock clock() {
        return clock;
    }

    HttpTransport.Exchange execute(HttpRequestSpec spec, Attempt attempt) {
        int maxAttempts = spec.retrySafe() ? policy.maxAttempts() : 1;
        dev.failsafe.RetryPolicy<HttpTransport.Exchange> retry = dev.failsafe.RetryPolicy.<HttpTransport.Exchange>builder()
                .handleIf((result, failure) -> shouldRetry(result, failure))
                .withMaxAttempts(maxAttempts)
                .withMaxDuration(policy.overallDeadline())
                .withDelayFn(ctx -> delayAfter(ctx.getLastResult(), ctx.getAttemptCount()))
                .onRetry(e -> {
                    String reason = e.getLastException() != null ? e.getLastException().toString()
                            : "HTTP " + e.getLastResult().status;
                    LOG.debug("{}: retrying {} (attempt {} failed: {})", vendor, spec.describe(), e.getAttemptCount(), reason);
                })
                .build();
        try {
            return Failsafe.with(retry).get(ctx -> {
                int n = ctx.getAttemptCount() + 1;
                if (n > 1) {
                    String reason = ctx.getLastException() != null ? ctx.getLastException().toString()
                            : "HTTP " + ctx.getLastResult().status;
                    listener.onRetry(spec, n - 1, reason, Duration.ZERO);
                }
                acquirePermit(spec);
                listener.onRequest(spec, n);
                return attempt.run(n);
            });
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuditTransportException) {
                throw (AuditTransportException) cause;
            }
            String attempts = maxAttempts == 1 ? "" : " (after retries)";
            throw new AuditTransportException(vendor + ": " + spec.describe() + " failed" + attempts + ": "
                    + cause, cause);
        }
    }

    private boolean shouldRetry(HttpTransport.Exchange result, Throwable failure) {
        if (failure != null) {
            return policy.retryOnIoErrors() && failure instanceof IOException;
        }
        return result != null && !result.isSuccess() && policy.isRetryable(result.status);
    }

    private Duration delayAfter(HttpTransport.Exchange last, int attempts) {
        if (last != null) {
            Optional<Duration> asked = retryAfter(last);
            if (asked.isPresent()) {
                Duration wait = asked.get().compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked.get();
                LOG.debug("{}: server asked to wait {} ms (Retry-After)", vendor, wait.toMillis());
                return wait;
            }
        }
        Duration backoff = policy.backoff(attempts);
        double factor = 1 + policy.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(backoff.toMillis() * factor)));
    }

    private void acquirePermit(HttpRequestSpec spec) {
        if (rateLimiter == null) {
            return;
        }
        try {
            rateLimiter.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTransportException(vendor + ": interrupted while rate-limiting " + spec.describe(), e);
        } catch (RateLimitExceededException e) {
            throw new AuditTransportException(vendor + ": client-side rate limit wait exceeded for " + spec.describe(), e);
        }
    }

    /** The wait a failed answer asks for: its {@code Retry-After} header, else what the vendor's body reader finds. */
    Optional<Duration> retryAfter(HttpTransport.Exchange failed) {
        Optional<Duration> header = retryAfterOf(failed.headers, clock);
        if (header.isPresent() || failed.errorExcerpt == null || failed.errorExcerpt.isEmpty()) {
            return header;
        }
        return Objects.requireNonNull(retryAfterFromBody.apply(failed.errorExcerpt), "retryAfterFromBody returned null");
    }

    static Optional<Duration> retryAfterOf(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock.instant()));
    }
}
