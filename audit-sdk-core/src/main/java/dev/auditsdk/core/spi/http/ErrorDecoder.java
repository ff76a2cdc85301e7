package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.error.AuditApiException;

/**
 * Turns a vendor's error answer into the most specific {@link AuditApiException}. Vendor
 * modules supply one to parse their error bodies (error codes, permission hints); the
 * default maps the status alone.
 */
@FunctionalInterface
public interface ErrorDecoder {

    /**
     * @param response the failed answer
     * @return the exception to throw (never null)
     */
    AuditApiException decode(ErrorResponse response);

    /** @return the default decoder: status → subclass, standard message, request id from common headers */
    static ErrorDecoder standard() {
        return r -> r.toException(r.defaultMessage(), null);
    }
}
