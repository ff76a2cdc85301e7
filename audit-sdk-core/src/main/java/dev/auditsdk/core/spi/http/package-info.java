/**
 * The transport: {@link dev.auditsdk.core.spi.http.HttpTransport} is the one place every request of
 * every vendor goes through, as an ordered pipeline — per call: endpoint security,
 * authentication (renewal and replay on 401, bounded), retry with the client-side rate limit and the
 * overall deadline; per attempt: redirects (nothing secret crosses origins, https never drops to
 * http), body guards and decompression, bounded reads inside the attempt (a body cut short or
 * stalled is retried), and error decoding. Vendor quirks plug in as values: an
 * {@link dev.auditsdk.core.spi.http.ErrorDecoder}, a {@link dev.auditsdk.core.spi.http.ThrottlePolicy};
 * each request carries an {@link dev.auditsdk.core.http.Operation} tag that decoders and logs
 * read instead of guessing from the URL.
 */
@AuditSdkProtectedApi
package dev.auditsdk.core.spi.http;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
