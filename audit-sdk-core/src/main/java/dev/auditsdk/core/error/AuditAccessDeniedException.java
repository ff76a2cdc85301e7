package dev.auditsdk.core.error;

/**
 * The credentials are valid but lack a permission (HTTP 403); the message names the permission where the vendor documents it.
 */
public class AuditAccessDeniedException extends AuditApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, free of secrets
     * @param statusCode HTTP status (0 when signalled inside a 200 answer)
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @param bodyExcerpt a short redacted body excerpt, may be null
     */
    public AuditAccessDeniedException(String message, int statusCode, String vendorCode, String requestId, String bodyExcerpt) {
        super(message, statusCode, vendorCode, requestId, bodyExcerpt);
    }
}
