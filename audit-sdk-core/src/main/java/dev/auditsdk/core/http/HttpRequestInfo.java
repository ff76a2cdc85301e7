package dev.auditsdk.core.http;

import java.net.URI;

/**
 * A request as a {@link TransportListener} sees it: what was asked of which URL, and why. It never
 * carries a body or credentials (those stay inside the transport); {@link #describe()} is the
 * form safe for logs.
 */
public interface HttpRequestInfo {

    /** @return the HTTP method, e.g. {@code GET} */
    String method();

    /** @return the request URL, query included */
    URI uri();

    /** @return what the request is for (a page, a login, a status poll...) */
    Operation operation();

    /** @return {@code "<METHOD> <url without query>"}, safe for logs and error messages */
    String describe();
}
