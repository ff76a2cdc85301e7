package dev.auditsdk.core.retry;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client-side rate limiter per <em>rate domain</em>: the thing a vendor counts requests
 * against (a Boomi account, a UiPath organization, an IQ Server). Every source whose transport
 * names the same domain in the same registry draws its permits from one limiter, so two sources on
 * one Boomi account together stay within the account's 10 requests per second instead of each
 * spending it.
 *
 * <p>Sources use {@link #shared()}, one registry per JVM (per class loader), unless the caller
 * gives their builder another one ({@code rateLimits(new RateLimitRegistry())} for limits of
 * their own, e.g. in tests) or another domain ({@code rateLimitDomain("...")}). The first
 * source of a domain fixes its rate; a later source asking another rate for the same domain shares
 * the existing limiter and is told so in the log, since two rates cannot both hold for one budget.
 */
public final class RateLimitRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitRegistry.class);
    private static final RateLimitRegistry SHARED = new RateLimitRegistry();
    /** A caller blocked longer than this is told so with an exception rather than waiting forever. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final ConcurrentMap<String, Limiter> limiters = new ConcurrentHashMap<>();

    /** A registry of its own, sharing nothing with {@link #shared()}. */
    public RateLimitRegistry() {
    }

    /** @return the registry every source uses unless its builder is given another */
    public static RateLimitRegistry shared() {
        return SHARED;
    }

    /**
     * @param domain the rate domain, e.g. {@code boomi:https://api.boomi.com/acme-A1B2C3}
     * @param requestsPerSecond the rate, used when this call creates the domain's limiter
     * @return the domain's limiter, created on first use
     * @throws IllegalArgumentException if the rate is not positive
     */
    public Limiter limiter(String domain, double requestsPerSecond) {
        Objects.requireNonNull(domain, "domain");
        positive(requestsPerSecond);
        Limiter limiter = limiters.computeIfAbsent(domain, d -> new Limiter(d, requestsPerSecond));
        if (limiter.requestsPerSecond() != requestsPerSecond) {
            LOG.info("rate domain {}: shares the existing limit of {}/s (this source asked {}/s)", domain,
                    limiter.requestsPerSecond(), requestsPerSecond);
        }
        return limiter;
    }

    /**
     * A limiter of one source only, in no registry: what a source without a rate domain uses.
     *
     * @param requestsPerSecond the rate
     * @return a new limiter
     */
    public static Limiter unshared(double requestsPerSecond) {
        positive(requestsPerSecond);
        return new Limiter("(unshared)", requestsPerSecond);
    }

    private static void positive(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, was " + requestsPerSecond);
        }
    }

    /**
     * Spaces requests evenly at a rate: at most one permit per {@code 1/rate} seconds across all
     * the threads and sources holding it. Failsafe's smooth rate limiter underneath.
     */
    public static final class Limiter {
        private final String domain;
        private final double requestsPerSecond;
        private final RateLimiter<Object> limiter;

        private Limiter(String domain, double requestsPerSecond) {
            this.domain = domain;
            this.requestsPerSecond = requestsPerSecond;
            this.limiter = RateLimiter.smoothBuilder(Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond)))
                    .withMaxWaitTime(MAX_WAIT).build();
        }

        /** @return the rate domain this limiter counts */
        public String domain() {
            return domain;
        }

        /** @return the permits per second */
        public double requestsPerSecond() {
            return requestsPerSecond;
        }

        /**
         * Waits for a permit.
         *
         * @throws InterruptedException if interrupted while waiting
         * @throws IllegalStateException if no permit could be had within 10 minutes
         */
        public void acquire() throws InterruptedException {
            try {
                limiter.acquirePermit();
            } catch (dev.failsafe.RateLimitExceededException e) {
                throw new IllegalStateException("rate domain " + domain + ": no permit within " + MAX_WAIT, e);
            }
        }

        @Override
        public String toString() {
            return "Limiter{" + domain + ", " + requestsPerSecond + "/s}";
        }
    }
}
