package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Turns a failure of a stream into what Connect expects: a {@link RetriableException} for what
 * may pass (network, vendor server errors, throttling left after the SDK's own retries), a
 * {@link ConnectException} that fails the task for what will not (authentication, permissions,
 * data the SDK cannot read, bad settings). Messages are the SDK's, which never hold a secret.
 */
final class ConnectErrors {

    private ConnectErrors() {
    }

    /**
     * @param error the failure
     * @param stream the stream that failed
     * @return the exception to throw from {@code poll()}
     */
    static ConnectException translate(RuntimeException error, StreamConfig stream) {
        String message = stream + ": " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        return retriable(error) ? new RetriableException(message, error) : new ConnectException(message, error);
    }

    /**
     * @param error a failure
     * @return true when reading again later may succeed
     */
    static boolean retriable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuditTransportException || t instanceof AuditServerException
                    || t instanceof AuditRateLimitedException) {
                return true;
            }
            if (t instanceof AuditApiException) {
                int status = ((AuditApiException) t).statusCode();
                return status == 408 || status == 429 || status >= 500;
            }
            if (t instanceof AuditSdkException) {
                return false;
            }
        }
        return false;
    }
}
