package dev.auditsdk.core.retry;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the SDK retries a failed request: at most {@link #maxAttempts()} attempts, exponential
 * backoff from {@link #baseDelay()} to {@link #maxDelay()} with jitter, a {@code Retry-After}
 * that the vendor sent is honoured exactly (never shortened by jitter) up to
 * {@link #maxRetryAfter()}, and no retry starts after the {@link #overallDeadline()}.
 *
 * <p>Only idempotent requests are retried (GET, HEAD, PUT, DELETE, OPTIONS), and requests
 * explicitly marked safe to retry. An optional client-side {@link #rateLimitPerSecond() rate
 * limit} spaces requests for vendors that publish one.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxAttempts(6)
 *         .retryableStatuses(Set.of(429, 503))
 *         .rateLimitPerSecond(10)
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class RetryPolicy {
    /** The statuses retried by default: 408, 429, 500, 502, 503, 504. */
    public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES =
            Collections.unmodifiableSet(new TreeSet<>(Set.of(408, 429, 500, 502, 503, 504)));

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Duration overallDeadline;
    private final Set<Integer> retryableStatuses;
    private final boolean retryOnIoErrors;
    private final Double rateLimitPerSecond;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.overallDeadline = b.overallDeadline;
        this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
        this.retryOnIoErrors = b.retryOnIoErrors;
        this.rateLimitPerSecond = b.rateLimitPerSecond;
    }

    /** @return the default policy: 5 attempts, 250 ms to 20 s backoff, 20% jitter, 2 min deadline */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this policy's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the most attempts per request, including the first (1 = no retry) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the backoff before the first retry */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** @return the longest computed backoff */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the jitter factor in [0, 1): a backoff is varied by up to this fraction either way */
    public double jitter() {
        return jitter;
    }

    /** @return the longest {@code Retry-After} the SDK waits; a longer one is clamped to this */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return the time after the first attempt past which no retry is started */
    public Duration overallDeadline() {
        return overallDeadline;
    }

    /** @return the HTTP statuses that are retried */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /** @return whether I/O errors (connection refused or reset, timeouts, truncated bodies) are retried */
    public boolean retryOnIoErrors() {
        return retryOnIoErrors;
    }

    /** @return the client-side request rate limit, if any */
    public Optional<Double> rateLimitPerSecond() {
        return Optional.ofNullable(rateLimitPerSecond);
    }

    /**
     * @param status an HTTP status
     * @return whether that status is retried by this policy
     */
    public boolean isRetryable(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * The backoff before retry number {@code retry} (1-based), jitter not applied.
     *
     * @param retry 1 for the first retry
     * @return the delay, capped at {@link #maxDelay()}
     */
    public Duration backoff(int retry) {
        long base = baseDelay.toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long delay = base << shift;
        if (delay < 0 || delay > maxDelay.toMillis()) {
            delay = maxDelay.toMillis();
        }
        return Duration.ofMillis(delay);
    }

    /**
     * The wait before retry number {@code retry}: {@link #backoff(int)} with the policy's jitter
     * applied (a factor drawn uniformly from {@code 1 ± jitter}). The one place jitter is drawn,
     * for the transport's retries and for re-requests of a streamed body alike.
     *
     * @param retry 1 for the first retry
     * @return the jittered delay, never negative
     */
    public Duration jitteredBackoff(int retry) {
        double factor = 1 + jitter * (2 * java.util.concurrent.ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(backoff(retry).toMillis() * factor)));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy p = (RetryPolicy) o;
        return maxAttempts == p.maxAttempts && baseDelay.equals(p.baseDelay) && maxDelay.equals(p.maxDelay)
                && Double.compare(jitter, p.jitter) == 0 && maxRetryAfter.equals(p.maxRetryAfter)
                && overallDeadline.equals(p.overallDeadline) && retryableStatuses.equals(p.retryableStatuses)
                && retryOnIoErrors == p.retryOnIoErrors && Objects.equals(rateLimitPerSecond, p.rateLimitPerSecond);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay, jitter, maxRetryAfter, overallDeadline,
                retryableStatuses, retryOnIoErrors, rateLimitPerSecond);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + baseDelay + ".." + maxDelay
                + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + ", deadline=" + overallDeadline
                + ", retryable=" + retryableStatuses + ", ioErrors=" + retryOnIoErrors
                + (rateLimitPerSecond == null ? "" : ", rateLimit=" + rateLimitPerSecond + "/s") + "}";
    }

    /** Builds a {@link RetryPolicy}; every setter validates its argument. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration baseDelay = Duration.ofMillis(250);
        private Duration maxDelay = Duration.ofSeconds(20);
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private Duration overallDeadline = Duration.ofMinutes(2);
        private Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;
        private boolean retryOnIoErrors = true;
        private Double rateLimitPerSecond;

        private Builder() {
        }

        private Builder(RetryPolicy p) {
            maxAttempts = p.maxAttempts;
            baseDelay = p.baseDelay;
            maxDelay = p.maxDelay;
            jitter = p.jitter;
            maxRetryAfter = p.maxRetryAfter;
            overallDeadline = p.overallDeadline;
            retryableStatuses = p.retryableStatuses;
            retryOnIoErrors = p.retryOnIoErrors;
            rateLimitPerSecond = p.rateLimitPerSecond;
        }

        /**
         * @param maxAttempts attempts per request including the first, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param baseDelay backoff before the first retry, positive
         * @param maxDelay the longest backoff, not shorter than {@code baseDelay}
         * @return this builder
         */
        public Builder backoff(Duration baseDelay, Duration maxDelay) {
            requirePositive(baseDelay, "baseDelay");
            requirePositive(maxDelay, "maxDelay");
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be shorter than baseDelay ("
                        + baseDelay + ")");
            }
            this.baseDelay = baseDelay;
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * @param jitter fraction in [0, 1) by which a backoff may vary either way
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter < 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * @param maxRetryAfter the longest server-requested wait honoured; longer ones are clamped
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            requirePositive(maxRetryAfter, "maxRetryAfter");
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * @param overallDeadline no retry starts later than this after the first attempt
         * @return this builder
         */
        public Builder overallDeadline(Duration overallDeadline) {
            requirePositive(overallDeadline, "overallDeadline");
            this.overallDeadline = overallDeadline;
            return this;
        }

        /**
         * @param statuses the HTTP statuses to retry (replaces the default set); may be empty
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (Integer s : statuses) {
                if (s == null || s < 100 || s > 599) {
                    throw new IllegalArgumentException("retryableStatuses: not an HTTP status: " + s);
                }
                if (s >= 200 && s < 300) {
                    throw new IllegalArgumentException("retryableStatuses: a success status cannot be retried: " + s);
                }
            }
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /**
         * @param retry whether to retry I/O errors
         * @return this builder
         */
        public Builder retryOnIoErrors(boolean retry) {
            this.retryOnIoErrors = retry;
            return this;
        }

        /**
         * @param requestsPerSecond the most requests per second this client sends, positive
         * @return this builder
         */
        public Builder rateLimitPerSecond(double requestsPerSecond) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("rateLimitPerSecond must be positive, was " + requestsPerSecond);
            }
            this.rateLimitPerSecond = requestsPerSecond;
            return this;
        }

        /**
         * Removes the client-side rate limit.
         *
         * @return this builder
         */
        public Builder noRateLimit() {
            this.rateLimitPerSecond = null;
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }
    }
}
