package dev.auditsdk.core.http;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Observes the transport: every attempt, answer and retry. For metrics, progress and
 * throttling headers such as {@code X-RateLimit-Remaining}. Callbacks run on the calling
 * thread and must be quick and must not throw.
 */
public interface TransportListener {

    /** A listener that does nothing. */
    TransportListener NONE = new TransportListener() {
    };

    /**
     * @param request the request about to be sent
     * @param attempt 1 for the first attempt
     */
    default void onRequest(HttpRequestInfo request, int attempt) {
    }

    /**
     * @param request the request
     * @param status the HTTP status received
     * @param headers the response headers
     * @param elapsed time until the headers arrived
     */
    default void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
    }

    /**
     * Called when a retry is scheduled, before the transport waits.
     *
     * @param request the request about to be retried
     * @param attempt the attempt that failed (1-based)
     * @param reason why, e.g. {@code "HTTP 503"} or the I/O error's message
     * @param delay how long the transport waits before the next attempt: the server's
     *     {@code Retry-After} (clamped to the policy's maximum) or the jittered backoff
     */
    default void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
    }
}
