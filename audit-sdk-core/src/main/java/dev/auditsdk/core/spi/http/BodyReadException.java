package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.error.AuditTransportException;

/**
 * A response body failed while it was read: cut short, reset, or silent for longer than the
 * body-read timeout. The transport retries a bounded read that fails this way; a streaming
 * reader may re-request and resume.
 */
final class BodyReadException extends AuditTransportException {
    private static final long serialVersionUID = 1L;

    BodyReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
