package dev.auditsdk.core.error;

/**
 * The resource does not exist (HTTP 404): check the base URL, account or organization id.
 */
public class AuditNotFoundException extends AuditApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, free of secrets
     * @param statusCode HTTP status (0 when signalled inside a 200 answer)
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted body excerpt, may be null
     */
    public AuditNotFoundException(String message, int statusCode, String vendorCode, String requestId, String bodyExcerpt) {
        super(message, statusCode, vendorCode, requestId, bodyExcerpt);
    }
}
