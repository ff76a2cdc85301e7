package dev.auditsdk.core.spi.http;

import java.io.IOException;

/**
 * Reads a bounded answer (a page, a status document, a token) whole, inside the transport's
 * attempt: when the body is cut short, reset or stalls while it is read, the transport
 * retries the request like a 5xx (for retry-safe requests) instead of failing the caller.
 * Streaming answers (log files, exports) are not read this way; see
 * {@link HttpTransport#send(HttpRequestSpec)}.
 *
 * @param <T> what the body is read into
 */
@FunctionalInterface
public interface BodyReader<T> {

    /**
     * @param answer the successful answer; the transport closes it afterwards
     * @return the value read (not null)
     * @throws IOException when reading fails; a failure of the body's bytes is retried
     */
    T read(HttpResult answer) throws IOException;
}
