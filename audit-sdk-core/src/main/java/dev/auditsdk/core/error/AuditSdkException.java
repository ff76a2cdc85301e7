package dev.auditsdk.core.error;

/**
 * Root of every exception the SDK throws on purpose. Unchecked.
 *
 * <p>Messages never contain secrets (passwords, tokens, session ids, JWTs, client secrets,
 * TFA codes).
 */
public class AuditSdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, free of secrets
     */
    public AuditSdkException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, free of secrets
     * @param cause the underlying failure
     */
    public AuditSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
