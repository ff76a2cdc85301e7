package dev.auditsdk.core.error;

/**
 * The vendor could not be reached or the connection failed (I/O error, timeout, reset,
 * truncated body), after any retries the policy allowed.
 */
public class AuditTransportException extends AuditSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause the underlying I/O failure
     */
    public AuditTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed and where
     */
    public AuditTransportException(String message) {
        super(message);
    }
}
