package dev.auditsdk.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor throttled the client (HTTP 429, or a vendor-specific throttling status) and the
 * retry policy gave up. Carries the wait the vendor asked for, when it said one.
 */
public class AuditRateLimitedException extends AuditApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what failed
     * @param statusCode HTTP status
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted body excerpt, may be null
     * @param retryAfter the wait the vendor asked for, may be null
     */
    public AuditRateLimitedException(String message, int statusCode, String vendorCode, String requestId,
            String bodyExcerpt, Duration retryAfter) {
        super(message, statusCode, vendorCode, requestId, bodyExcerpt);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the vendor asked for, if it said one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
