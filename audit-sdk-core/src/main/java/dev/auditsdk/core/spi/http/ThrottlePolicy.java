package dev.auditsdk.core.spi.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a vendor says "too many requests, try later". A throttling answer means the request was
 * refused, not processed, so the transport retries it whatever its method — a login or a job
 * submission included — within the {@link dev.auditsdk.core.retry.RetryPolicy}'s attempts and
 * deadline, waiting what the answer asks for.
 *
 * <p>{@link #standard()} knows HTTP 429 and the {@code Retry-After} header. Vendor modules
 * supply their own where the vendor documents more (Boomi's 503 throttle, UiPath's
 * {@code retry_after} in the body); that is the one place such a quirk lives.
 */
public interface ThrottlePolicy {

    /**
     * @param status the HTTP status of a failed answer
     * @param headers its headers
     * @return whether the answer refuses the request for load (it was not processed)
     */
    boolean isThrottle(int status, HttpHeaders headers);

    /**
     * The wait a throttling answer announces in its body, for vendors that do not send
     * {@code Retry-After}. Used only when the header is absent.
     *
     * @param status the HTTP status
     * @param bodyExcerpt the start of the error body (redacted, at most a few KB), maybe empty
     * @return the wait asked for, or empty
     */
    default Optional<Duration> retryAfterFromBody(int status, String bodyExcerpt) {
        return Optional.empty();
    }

    /** @return HTTP 429 only, waits from {@code Retry-After} only */
    static ThrottlePolicy standard() {
        return statuses(Set.of(429));
    }

    /**
     * @param statuses the statuses that mean "throttled" for this vendor (429 should be among them)
     * @return a policy recognising exactly those statuses
     * @throws IllegalArgumentException if a status is not a 4xx or 5xx
     */
    static ThrottlePolicy statuses(Set<Integer> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        Set<Integer> copy = new TreeSet<>(statuses);
        for (int s : copy) {
            if (s < 400 || s > 599) {
                throw new IllegalArgumentException("throttle statuses must be 4xx or 5xx, was " + s);
            }
        }
        return new ThrottlePolicy() {
            @Override
            public boolean isThrottle(int status, HttpHeaders headers) {
                return copy.contains(status);
            }

            @Override
            public String toString() {
                return "ThrottlePolicy" + copy;
            }
        };
    }

    /**
     * @param reader reads the wait from the start of the error body
     * @return this policy with that body reader (used when no {@code Retry-After} header is sent)
     */
    default ThrottlePolicy withRetryAfterFromBody(BodyWaitReader reader) {
        Objects.requireNonNull(reader, "reader");
        ThrottlePolicy base = this;
        return new ThrottlePolicy() {
            @Override
            public boolean isThrottle(int status, HttpHeaders headers) {
                return base.isThrottle(status, headers);
            }

            @Override
            public Optional<Duration> retryAfterFromBody(int status, String bodyExcerpt) {
                Optional<Duration> own = reader.read(status, bodyExcerpt);
                return Objects.requireNonNull(own, "BodyWaitReader returned null").isPresent() ? own
                        : base.retryAfterFromBody(status, bodyExcerpt);
            }
        };
    }

    /** Reads a wait announced in an error body. */
    @FunctionalInterface
    interface BodyWaitReader {
        /**
         * @param status the HTTP status
         * @param bodyExcerpt the start of the error body, maybe empty
         * @return the wait, or empty (never null)
         */
        Optional<Duration> read(int status, String bodyExcerpt);
    }
}
