package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.http.HttpRequestInfo;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.spi.auth.Authenticator;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.http.Operation;

/**
 * The transport's one listener: forwards every callback to the caller's {@link TransportListener}
 * and turns what the transport sees into a source's {@link AuditLogListener} events (answers,
 * throttling per the vendor's {@link ThrottlePolicy}, retries, bytes, pages) and hands the
 * listener to the authenticator, which reports its logins.
 */
final class AuditLogEvents implements TransportListener {
    private final TransportListener transport;
    private final AuditLogListener events;
    private final ThrottlePolicy throttle;

    AuditLogEvents(TransportListener transport, AuditLogListener events, ThrottlePolicy throttle) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.events = Objects.requireNonNull(events, "events");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public void onRequest(HttpRequestInfo request, int attempt) {
        transport.onRequest(request, attempt);
    }

    @Override
    public void onResponse(HttpRequestInfo request, int status, HttpHeaders headers, Duration elapsed) {
        transport.onResponse(request, status, headers, elapsed);
        events.onResponse(status);
        if (status >= 400 && throttle.isThrottle(status, headers)) {
            events.onThrottle(status);
        }
    }

    @Override
    public void onRetry(HttpRequestInfo request, int attempt, String reason, Duration delay) {
        transport.onRetry(request, attempt, reason, delay);
        events.onRetry(attempt, delay);
    }

    /** An attempt got no answer. */
    void noResponse(IOException error) {
        events.onNoResponse(error);
    }

    /** Bytes of a body were read from the connection. */
    void bytesRead(long count) {
        if (count > 0) {
            events.onBytesRead(count);
        }
    }

    /** A request ended with a successful answer (after retries and a replay): a page if it asked for one. */
    void succeeded(HttpRequestSpec request) {
        Operation operation = request.operation();
        if (operation == Operation.PAGE || operation == Operation.DOWNLOAD) {
            events.onPage();
        }
    }

    /**
     * Lets the authenticator report its logins: they are granted or refused by the vendor's
     * login code, which can tell a refusal the HTTP status does not show (Jitterbit's HTTP 200
     * with {@code "status": false}).
     */
    void observeLogins(Authenticator authenticator) {
        authenticator.observeLogins(events);
    }
}
