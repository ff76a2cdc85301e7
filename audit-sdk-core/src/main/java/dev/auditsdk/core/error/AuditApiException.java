package dev.auditsdk.core.error;

import java.util.Optional;

/**
 * The vendor answered with an error. Carries the HTTP status, the vendor's own error code
 * and request id where it sent them, and a short, redacted excerpt of the body.
 *
 * <p>Use {@link #of} to get the most specific subclass for a status.
 */
public class AuditApiException extends AuditSdkException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String vendorCode;
    private final String requestId;
    private final String bodyExcerpt;

    /**
     * @param message what failed, free of secrets
     * @param statusCode HTTP status, or 0 where the vendor signals errors inside a 200 answer
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted excerpt of the response body, may be null
     */
    public AuditApiException(String message, int statusCode, String vendorCode, String requestId, String bodyExcerpt) {
        super(message);
        this.statusCode = statusCode;
        this.vendorCode = vendorCode;
        this.requestId = requestId;
        this.bodyExcerpt = bodyExcerpt;
    }

    /**
     * Builds the most specific exception for an HTTP status.
     *
     * @param message what failed, free of secrets
     * @param statusCode the HTTP status
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted excerpt of the body, may be null
     * @return an instance of the subclass matching the status
     */
    public static AuditApiException of(String message, int statusCode, String vendorCode, String requestId,
            String bodyExcerpt) {
        switch (statusCode) {
            case 401:
                return new AuditAuthenticationException(message, statusCode, vendorCode, requestId, bodyExcerpt);
            case 403:
                return new AuditAccessDeniedException(message, statusCode, vendorCode, requestId, bodyExcerpt);
            case 404:
                return new AuditNotFoundException(message, statusCode, vendorCode, requestId, bodyExcerpt);
            case 409:
                return new AuditConflictException(message, statusCode, vendorCode, requestId, bodyExcerpt);
            case 429:
                return new AuditRateLimitedException(message, statusCode, vendorCode, requestId, bodyExcerpt, null);
            default:
                if (statusCode >= 500) {
                    return new AuditServerException(message, statusCode, vendorCode, requestId, bodyExcerpt);
                }
                return new AuditApiException(message, statusCode, vendorCode, requestId, bodyExcerpt);
        }
    }

    /** @return the HTTP status code, or 0 when the vendor signalled the error inside a 200 answer */
    public int statusCode() {
        return statusCode;
    }

    /** @return the vendor's own error code, if it sent one */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    /** @return the vendor's request id, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return a short, redacted excerpt of the response body, if there was one */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(bodyExcerpt);
    }
}
