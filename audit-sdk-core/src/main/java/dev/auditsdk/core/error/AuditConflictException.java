package dev.auditsdk.core.error;

/**
 * The request conflicts with the server's state (HTTP 409), e.g. an export for the same range already exists.
 */
public class AuditConflictException extends AuditApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, free of secrets
     * @param statusCode HTTP status (0 when signalled inside a 200 answer)
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted body excerpt, may be null
     */
    public AuditConflictException(String message, int statusCode, String vendorCode, String requestId, String bodyExcerpt) {
        super(message, statusCode, vendorCode, requestId, bodyExcerpt);
    }
}
