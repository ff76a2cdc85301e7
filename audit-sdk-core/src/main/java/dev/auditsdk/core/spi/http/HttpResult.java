package dev.auditsdk.core.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.json.JsonTrees;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A successful (2xx) answer whose body is read as a stream. Close it when done (or read the
 * body to its end); closing early releases the connection.
 *
 * <p>The body is already decompressed and guarded by the transport's body-read timeout; read
 * failures surface as {@link AuditTransportException}.
 */
public final class HttpResult implements AutoCloseable {
    /** The largest body {@link #bodyAsString()} accepts; log data is never read that way. */
    public static final int MAX_STRING_BODY = 4 * 1024 * 1024;

    private final int status;
    private final URI uri;
    private final HttpHeaders headers;
    private final InputStream body;
    private final ReadLimits limits;

    HttpResult(int status, URI uri, HttpHeaders headers, InputStream body, ReadLimits limits) {
        this.status = status;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.limits = limits;
    }

    /** @return the HTTP status (2xx) */
    public int status() {
        return status;
    }

    /** @return the URL that answered (after redirects) */
    public URI uri() {
        return uri;
    }

    /** @return all response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * @param name header name, any case
     * @return the first value of the header, if present
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** @return the body as a stream; read it once */
    public InputStream body() {
        return body;
    }

    /**
     * Reads a small body (a token, a status document) whole, as UTF-8.
     *
     * @return the body text
     * @throws AuditDataException if the body is larger than {@link #MAX_STRING_BODY}
     */
    public String bodyAsString() {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_STRING_BODY + 1);
            if (bytes.length > MAX_STRING_BODY) {
                throw new AuditDataException("response body of " + uri.getPath() + " is larger than "
                        + MAX_STRING_BODY + " bytes; it must be read as a stream");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditTransportException("reading the response of " + uri.getPath() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the whole body as one JSON document, within the transport's read limits (the one way
     * vendor modules read a JSON answer: see {@link JsonTrees#readTree}).
     *
     * @param what the document, for messages, e.g. {@code "uipath: the token answer"}; free of secrets
     * @return the tree; a {@code MissingNode} for an empty body
     * @throws AuditDataException if the JSON is malformed or crosses a limit
     * @throws AuditTransportException if the body fails or ends inside the document
     */
    public JsonNode readJson(String what) {
        return JsonTrees.readTree(body, limits, what);
    }

    /** Releases the connection; unread body bytes are discarded. Idempotent. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            // closing a half-read HTTP body can fail when the peer already went away; nothing to release
        }
    }
}
