package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-successful answer, as handed to an {@link ErrorDecoder}: the request, status,
 * headers and a short, redacted excerpt of the body (the rest was drained).
 */
public final class ErrorResponse {
    private final String vendor;
    private final HttpRequestSpec request;
    private final int status;
    private final HttpHeaders headers;
    private final String bodyExcerpt;
    private final Duration retryAfter;

    ErrorResponse(String vendor, HttpRequestSpec request, int status, HttpHeaders headers, String bodyExcerpt,
            Duration retryAfter) {
        this.vendor = vendor;
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.bodyExcerpt = bodyExcerpt;
        this.retryAfter = retryAfter;
    }

    /** @return the vendor name of the transport */
    public String vendor() {
        return vendor;
    }

    /** @return the request that failed */
    public HttpRequestSpec request() {
        return request;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return the start of the body (at most a few KB), with secret-looking values masked */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** @return the {@code Retry-After} the server sent, if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the vendor's request id from a common header ({@code X-Request-Id}, {@code X-Correlation-Id}, ...) */
    public Optional<String> requestId() {
        for (String h : new String[] {"X-Request-Id", "X-Correlation-Id", "Request-Id", "X-Amzn-RequestId", "X-B3-TraceId"}) {
            Optional<String> v = headers.firstValue(h);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /**
     * The most specific exception for this answer ({@link AuditApiException#of}), carrying its
     * {@link #requestId()}, {@link #bodyExcerpt()} and, for HTTP 429, the {@link #retryAfter()}
     * wait: what a vendor's {@link ErrorDecoder} returns once it has written its message.
     *
     * @param message what failed, free of secrets
     * @param vendorCode the vendor's error code, may be null
     * @return the exception to throw
     */
    public AuditApiException toException(String message, String vendorCode) {
        return toException(message, vendorCode, requestId().orElse(null));
    }

    /**
     * As {@link #toException(String, String)}, for a vendor that sends its request id in the
     * body rather than a header.
     *
     * @param message what failed, free of secrets
     * @param vendorCode the vendor's error code, may be null
     * @param requestId the vendor's request id, may be null
     * @return the exception to throw
     */
    public AuditApiException toException(String message, String vendorCode, String requestId) {
        if (status == 429) {
            return new AuditRateLimitedException(message, status, vendorCode, requestId, bodyExcerpt, retryAfter);
        }
        return AuditApiException.of(message, status, vendorCode, requestId, bodyExcerpt);
    }

    /**
     * @return a standard message: {@code "<vendor>: GET https://host/path failed with HTTP 403: <excerpt>"}
     */
    public String defaultMessage() {
        String excerpt = bodyExcerpt.isBlank() ? "" : ": " + bodyExcerpt.strip();
        return vendor + ": " + request.describe() + " failed with HTTP " + status + excerpt;
    }
}
