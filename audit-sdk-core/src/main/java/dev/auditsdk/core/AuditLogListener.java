package dev.auditsdk.core;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Observes one audit log being collected: the stream-level events an operator counts (entries
 * delivered, how far the collection has got, requests, retries, throttling, logins, bytes, pages,
 * failures). Where {@link dev.auditsdk.core.http.TransportListener} sees every request in detail,
 * this sees what metrics need, without HTTP types, so a metrics binder (the optional
 * {@code audit-sdk-micrometer} module) depends on nothing but this interface.
 *
 * <p>Give one to a source's builder ({@code auditLogListener(listener)}); the shared machinery
 * of every vendor fires the events (the transport, the {@link dev.auditsdk.core.spi.auth.TokenAuthenticator},
 * the {@link dev.auditsdk.core.spi.paging.DeliveryTracker} and the
 * {@link dev.auditsdk.core.spi.paging.PagedAuditLogStream}), so all vendors report alike.
 * One listener may serve several sources and streams one after another (one per configured
 * stream is the usual choice). Callbacks run on the thread that reads or sends, possibly several
 * at once; they must be quick, thread-safe and must not throw. Every method does nothing by default.
 */
public interface AuditLogListener {

    /** A listener that does nothing. */
    AuditLogListener NONE = new AuditLogListener() {
    };

    /**
     * An HTTP answer arrived: once per attempt (and per redirect hop), whatever its status.
     *
     * @param status the HTTP status
     */
    default void onResponse(int status) {
    }

    /**
     * An attempt got no HTTP answer: the connection was refused, reset or timed out before the
     * headers arrived.
     *
     * @param error what went wrong
     */
    default void onNoResponse(IOException error) {
    }

    /**
     * A failed attempt is retried, after the given wait.
     *
     * @param attempt the attempt that failed (1-based)
     * @param delay the wait before the next attempt
     */
    default void onRetry(int attempt, Duration delay) {
    }

    /**
     * The vendor refused a request for load (HTTP 429, or the vendor's own throttling answer such
     * as Boomi's 503); the request is retried if the retry policy allows.
     *
     * @param status the HTTP status of the throttling answer
     */
    default void onThrottle(int status) {
    }

    /**
     * A login (a token, session or JWT request of a session-style source) ended, after its
     * retries; sources that send credentials with every request (basic auth, API tokens) make none.
     *
     * @param succeeded true when the vendor granted it; false when it was refused (whatever the
     *     HTTP status: some vendors refuse with a 200) or could not be made
     */
    default void onLogin(boolean succeeded) {
    }

    /**
     * Bytes of a response body were read from the connection (as sent, before decompression);
     * called per read, so the sum is the body bytes received.
     *
     * @param count how many, more than zero
     */
    default void onBytesRead(long count) {
    }

    /**
     * A request for entries was answered: a page, batch or window read, or an export file
     * downloaded (requests tagged {@link dev.auditsdk.core.http.Operation#PAGE} or
     * {@link dev.auditsdk.core.http.Operation#DOWNLOAD}; Jitterbit's export file, which is the answer
     * to its job's status poll, is not one).
     */
    default void onPage() {
    }

    /**
     * An entry was handed to the reader: the stream's checkpoint now covers it.
     *
     * @param timestamp the entry's time
     */
    default void onEntryDelivered(Instant timestamp) {
    }

    /**
     * The collection has got further: the newest entry time delivered so far grew, or a read came to
     * the end of its range (then the watermark is the range's end, as everything before it has been
     * read). Values of one read only grow; a later read (say, from a checkpoint) may start lower.
     *
     * @param watermark how far the collection has got
     */
    default void onWatermark(Instant watermark) {
    }

    /**
     * Reading a stream failed: the exception is about to reach the reader.
     *
     * @param error the failure
     */
    default void onFailure(RuntimeException error) {
    }
}
