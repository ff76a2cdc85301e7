package dev.auditsdk.core.spi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.SdkVersion;
import dev.auditsdk.core.spi.json.DecompressionGuard;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.retry.RateLimitRegistry;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.util.Redactor;

/**
 * The one place every request of a vendor source goes through, as an ordered pipeline.
 *
 * <p>Per call, in this order:
 * <ol>
 *   <li><b>endpoint security</b> — plain HTTP is refused except to loopback unless
 *       {@link Builder#allowInsecureHttp(boolean) allowed};</li>
 *   <li><b>authentication</b> — the {@link Authenticator}'s headers are added; on an HTTP 401
 *       it is asked for fresh credentials and the request is replayed. A replay refused again
 *       is final, unless the server accepted other requests since that renewal: the
 *       credentials work and the new session ended too (sessions shared by parallel requests
 *       can end between a login and a replay), so it is renewed again, at most
 *       {@value #MAX_RENEWALS} times per request;</li>
 *   <li><b>retry</b> ({@link RetryPolicy}) — attempts, backoff with jitter, {@code Retry-After}
 *       (never shortened, clamped), the overall deadline, and the client-side rate limit
 *       before each attempt.</li>
 * </ol>
 * Per attempt:
 * <ol>
 *   <li><b>redirects</b> — followed up to five hops; credentials, session headers and request
 *       bodies never cross to another origin (a cross-origin redirect of a login, logout or a
 *       request with a body is refused), and https never drops to http unless allowed;</li>
 *   <li><b>body guards and decompression</b> — every body, error bodies and drains included,
 *       is read under the body-read idle timeout; gzip is undone lazily under the guard;</li>
 *   <li><b>bounded reads</b> — an answer read whole ({@link #send(HttpRequestSpec, BodyReader)},
 *       {@link #sendForJson}, {@link #sendForText}) is read inside the attempt, so a body cut
 *       short, reset or stalled is retried like a 5xx;</li>
 *   <li><b>error decoding</b> — a failed answer becomes the most specific
 *       {@link AuditApiException} via the vendor's {@link ErrorDecoder}; a throttling answer
 *       (per the vendor's {@link ThrottlePolicy}) is retried whatever the method, because the
 *       request was refused, not processed.</li>
 * </ol>
 *
 * <p>Logins and logouts go through {@link #withoutAuth()}, a view of the same transport (same
 * client, retry policy, rate limit and listener) without the authenticator; a vendor builds
 * its plain transport first, its authenticator on top of that, and the authenticated view with
 * {@link #withAuthenticator(Authenticator)} — no late binding.
 *
 * <p>Thread-safe. Build one per source with {@link #builder()}; close it with the source.
 * A caller-owned {@link HttpClient} is used as is and never closed.
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_REDIRECTS = 5;
    /** The most credential renewals (each with a replay) one request may cause. */
    static final int MAX_RENEWALS = 3;
    /** Headers that may follow a redirect to another origin; all others are the vendor's and stay home. */
    private static final Set<String> CROSS_ORIGIN_SAFE_HEADERS = Set.of("accept", "accept-language");

    private final Shared shared;
    private final Authenticator authenticator;
    /** Counts the authenticated requests the server accepted: a change proves the credentials work. */
    private final AtomicLong accepted = new AtomicLong();

    private HttpTransport(Shared shared, Authenticator authenticator) {
        this.shared = shared;
        this.authenticator = authenticator;
        shared.listener.observeLogins(authenticator);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the vendor name used in messages and logs */
    public String vendor() {
        return shared.vendor;
    }

    /** @return the retry policy in force */
    public RetryPolicy retryPolicy() {
        return shared.retries.policy();
    }

    /** @return whether plain HTTP to non-loopback hosts was explicitly allowed */
    public boolean allowsInsecureHttp() {
        return shared.allowInsecureHttp;
    }

    /**
     * @return the read limits in force: the transport applies the decompression and tree limits
     *     itself; vendor readers and pagers take the rest from here
     */
    public ReadLimits limits() {
        return shared.limits;
    }

    /** @return whether this transport (any of its views) has been closed */
    public boolean isClosed() {
        return shared.closed.get();
    }

    /**
     * Fails once the transport is closed: sources call it at the start of {@code fetch}, so a
     * closed source refuses new work at once instead of failing on its first request.
     *
     * @param what the source, for the message, e.g. {@code "this Lifecycle audit log source"}
     * @throws IllegalStateException if the transport is closed
     */
    public void requireOpen(String what) {
        if (isClosed()) {
            throw new IllegalStateException(what + " is closed");
        }
    }

    /**
     * The same transport (client, retry policy, rate limit, listener, error decoder) without
     * authentication: for logins and logouts, which carry their credentials themselves.
     * Closing the view closes the shared client (if the transport owns it), not the
     * authenticator.
     *
     * @return a view that never adds authentication headers
     */
    public HttpTransport withoutAuth() {
        return authenticator == NO_AUTH ? this : new HttpTransport(shared, NO_AUTH);
    }

    /**
     * The same transport with an authenticator, typically one that logs in through
     * {@link #withoutAuth()} of this very transport.
     *
     * @param authenticator supplies authentication headers for requests marked authenticated
     * @return an authenticated view; closing it closes the authenticator, then the shared client
     */
    public HttpTransport withAuthenticator(Authenticator authenticator) {
        return new HttpTransport(shared, Objects.requireNonNull(authenticator, "authenticator"));
    }

    /**
     * Sends a request and returns its successful answer, streaming. Use it for log data of any
     * size; a failure while the caller reads the body surfaces as {@link AuditTransportException}
     * from the body's stream. Answers that are read whole go through
     * {@link #send(HttpRequestSpec, BodyReader)} instead, so their read is retried.
     *
     * @param request the request
     * @return the 2xx answer; close it (or read its body to the end)
     * @throws AuditApiException for an error answer (after retries for retryable statuses)
     * @throws AuditTransportException when the vendor cannot be reached after retries
     * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in
     */
    public HttpResult send(HttpRequestSpec request) {
        return exchange(request, null).result;
    }

    /**
     * Sends a request and reads its successful answer whole inside the attempt: a body cut
     * short, reset or silent past the body-read timeout is retried (for retry-safe requests)
     * within the retry policy's attempts and deadline, like a 5xx.
     *
     * @param request the request
     * @param reader reads the answer; it is closed afterwards
     * @param <T> the value read
     * @return what the reader returned
     * @throws AuditApiException for an error answer
     * @throws AuditTransportException when the answer cannot be had whole after retries
     * @throws AuditDataException when the reader finds malformed data (not retried)
     */
    public <T> T send(HttpRequestSpec request, BodyReader<T> reader) {
        Objects.requireNonNull(reader, "reader");
        @SuppressWarnings("unchecked")
        T value = (T) exchange(request, reader).value;
        return value;
    }

    /**
     * Sends a request and opens its streaming answer inside the attempt: the opener reads the
     * start of the body (to sniff its format, to tell a status document from a file) and returns
     * a value that keeps the body open. A body cut short, reset or stalled while the opener reads
     * is retried like a 5xx (for retry-safe requests); once the opener has returned, the caller
     * owns the body and must close it.
     *
     * @param request the request
     * @param opener inspects the start of the answer; the transport closes the answer only if it fails
     * @param <T> what the opener returns (holding the open body)
     * @return what the opener returned
     */
    public <T> T open(HttpRequestSpec request, BodyReader<T> opener) {
        Objects.requireNonNull(opener, "opener");
        @SuppressWarnings("unchecked")
        T value = (T) exchange(request, new KeepOpen<>(opener)).value;
        return value;
    }

    /** Marks an opener whose answer stays open after it returns. */
    private static final class KeepOpen<T> implements BodyReader<T> {
        final BodyReader<T> opener;

        KeepOpen(BodyReader<T> opener) {
            this.opener = opener;
        }

        @Override
        public T read(HttpResult answer) throws IOException {
            return opener.read(answer);
        }
    }

    /**
     * Sends a request and reads its answer as one JSON value (a page, a status, a token
     * answer), inside the attempt (see {@link #send(HttpRequestSpec, BodyReader)}).
     *
     * @param request the request
     * @return the JSON tree of the answer
     * @throws AuditDataException when the answer is not JSON, naming the request
     */
    public JsonNode sendForJson(HttpRequestSpec request) {
        return send(request, answer -> readJson(answer, request));
    }

    /**
     * Sends a request and reads its answer as UTF-8 text of at most
     * {@link HttpResult#MAX_STRING_BODY} bytes, inside the attempt.
     *
     * @param request the request
     * @return the body text
     */
    public String sendForText(HttpRequestSpec request) {
        return send(request, HttpResult::bodyAsString);
    }

    /**
     * Sends a request whose answer carries nothing the caller needs (a logout, an
     * acknowledgement); the body is read and discarded inside the attempt.
     *
     * @param request the request
     * @return the HTTP status of the successful answer
     */
    public int sendAndDiscard(HttpRequestSpec request) {
        return send(request, answer -> {
            answer.body().transferTo(OutputStream.nullOutputStream());
            return answer.status();
        });
    }

    private JsonNode readJson(HttpResult answer, HttpRequestSpec request) throws IOException {
        JsonNode node;
        if (request.operation() == Operation.LOGIN) {
            // small, and never quoted in an error: it holds a token or session
            String text = answer.bodyAsString();
            try {
                node = Json.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                if (Json.endedEarly(e)) {
                    throw e; // cut short: the attempt is retried
                }
                throw notJson(request, e);
            }
        } else {
            try {
                node = answer.readJson("the answer to " + request.describe());
            } catch (AuditDataException e) {
                throw new AuditDataException(shared.vendor + ": the answer to " + request.describe() + ": " + e.getMessage(),
                        e.line(), e.offset(), e);
            }
        }
        if (node == null || node.isMissingNode()) {
            throw new AuditDataException(shared.vendor + ": the answer to " + request.describe() + " is empty, expected JSON");
        }
        return node;
    }

    private Exchange exchange(HttpRequestSpec request, BodyReader<?> reader) {
        Objects.requireNonNull(request, "request");
        Exchange ex = authenticatedExchange(request, reader);
        shared.listener.succeeded(request);
        return ex;
    }

    private Exchange authenticatedExchange(HttpRequestSpec request, BodyReader<?> reader) {
        requireOpen(shared.vendor + ": the transport");
        Endpoints.requireSecure(request.uri(), shared.allowInsecureHttp);
        int renewals = 0;
        long acceptedAtRenewal = 0;
        while (true) {
            AuthHeaders auth = request.authenticated() ? authenticator.authenticate() : AuthHeaders.none();
            AuthHeaders sent = withRequestCredentials(auth, request);
            Exchange ex = shared.retries.execute(request, attempt -> attempt(request, sent, reader));
            if (ex.status == 401 && request.authenticated() && renewals < MAX_RENEWALS
                    && (renewals == 0 || accepted.get() != acceptedAtRenewal)) {
                renewals++;
                acceptedAtRenewal = accepted.get();
                LOG.debug("{}: {} answered 401; asking the authenticator for fresh credentials", shared.vendor, request.describe());
                if (authenticator.refresh(auth)) {
                    continue;
                }
            }
            if (ex.isSuccess()) {
                if (request.authenticated()) {
                    accepted.incrementAndGet();
                }
                return ex;
            }
            Duration retryAfter = shared.retries.retryAfter(ex).map(shared.retries::clamp).orElse(null);
            AuditApiException error = shared.errorDecoder.decode(new ErrorResponse(shared.vendor, request, ex.status,
                    ex.headers, ex.errorExcerpt, retryAfter));
            LOG.debug("{}: {} failed: {}", shared.vendor, request.describe(), error.getMessage());
            throw error;
        }
    }

    private static AuthHeaders withRequestCredentials(AuthHeaders auth, HttpRequestSpec request) {
        if (request.credentials().headers().isEmpty()) {
            return auth;
        }
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(auth.headers());
        all.putAll(request.credentials().headers());
        return AuthHeaders.of(all);
    }

    /** One attempt: send (following redirects), then read a bounded answer inside it. */
    private Exchange attempt(HttpRequestSpec spec, AuthHeaders auth, BodyReader<?> reader) throws IOException {
        Exchange ex = sendFollowingRedirects(spec, auth);
        if (reader == null || !ex.isSuccess()) {
            return ex;
        }
        HttpResult answer = ex.result;
        boolean keepOpen = reader instanceof KeepOpen;
        boolean done = false;
        try {
            Object value = Objects.requireNonNull(reader.read(answer), "BodyReader returned null");
            done = true;
            return ex.withValue(value);
        } catch (AuditTransportException e) {
            // the body failed while read (cut, reset, stalled, or a reader's own transport error)
            throw new RetryableBodyFailure(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            if (Json.endedEarly(e)) {
                throw new RetryableBodyFailure("the answer to " + spec.describe() + " ended early: " + e.getOriginalMessage(), e);
            }
            throw notJson(spec, e);
        } catch (IOException e) {
            throw new RetryableBodyFailure("reading the answer to " + spec.describe() + " failed: " + e, e);
        } finally {
            if (!done || !keepOpen) {
                answer.close();
            }
        }
    }

    /**
     * A parse error names the request and the position. The parser's own message quotes the
     * input, so it is left out of a login's error: a login answer holds a token or session.
     */
    private AuditDataException notJson(HttpRequestSpec spec, JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        long line = at == null ? -1 : at.getLineNr();
        long column = at == null ? -1 : at.getColumnNr();
        String where = " is not valid JSON (line " + line + ", column " + column + ")";
        if (spec.operation() == Operation.LOGIN) {
            return new AuditDataException(shared.vendor + ": the answer to " + spec.describe() + where, line, column, null);
        }
        return new AuditDataException(shared.vendor + ": the answer to " + spec.describe() + where + ": "
                + e.getOriginalMessage(), line, column, e);
    }

    private Exchange sendFollowingRedirects(HttpRequestSpec spec, AuthHeaders auth) throws IOException {
        URI uri = spec.uri();
        String method = spec.method();
        byte[] body = spec.bodyOrNull();
        for (int hop = 0; ; hop++) {
            boolean home = Endpoints.sameOrigin(spec.uri(), uri);
            HttpResponse<InputStream> response = sendOnce(spec, method, uri, body, home ? auth : AuthHeaders.none(), home);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            boolean redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && location.isPresent();
            InputStream guarded = new GuardedBodyStream(response.body(), spec.describe(), shared.bodyReadTimeout,
                    shared.listener::bytesRead);
            if (!redirect) {
                return Exchange.of(spec, uri, response, guarded, shared.limits);
            }
            drain(guarded);
            if (hop >= MAX_REDIRECTS) {
                throw new AuditTransportException(shared.vendor + ": " + spec.describe() + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            boolean bodyless = method.equals("GET") || method.equals("HEAD");
            if (status == 303 && !bodyless) {
                method = "GET"; // 303 See Other: fetch the answer elsewhere, without the body
                body = null;
            } else if (!bodyless && status != 307 && status != 308) {
                throw new AuditTransportException(shared.vendor + ": " + spec.describe() + " was redirected (HTTP " + status
                        + "); the SDK does not re-send a " + method + " body to another location");
            }
            URI next = uri.resolve(location.get());
            refuseInsecureRedirect(spec, uri, next);
            boolean crossOrigin = !Endpoints.sameOrigin(spec.uri(), next);
            if (crossOrigin && (body != null || spec.operation() == Operation.LOGIN || spec.operation() == Operation.LOGOUT
                    || !spec.credentials().headers().isEmpty())) {
                throw new AuditTransportException(shared.vendor + ": " + spec.operation().label() + " request " + spec.describe()
                        + " was redirected (HTTP " + status + ") to another origin (" + next.getHost() + "); refused: the SDK never"
                        + " sends a request body, credentials or session headers to another host. Check the configured base URL.");
            }
            LOG.debug("{}: {} redirected to {}{}", shared.vendor, spec.describe(), next.getHost(),
                    crossOrigin ? " (another origin: credentials and vendor headers dropped)" : "");
            uri = next;
        }
    }

    private void refuseInsecureRedirect(HttpRequestSpec spec, URI from, URI to) {
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())
                && !shared.allowInsecureHttp) {
            throw new AuditTransportException(shared.vendor + ": " + spec.describe() + " was redirected from https to "
                    + to.getScheme() + "://" + to.getHost() + "; refused: data and credentials would travel in clear text"
                    + " (allowInsecureHttp(true) permits it)");
        }
        Endpoints.requireSecure(to, shared.allowInsecureHttp);
    }

    private HttpResponse<InputStream> sendOnce(HttpRequestSpec spec, String method, URI uri, byte[] body, AuthHeaders auth,
            boolean sameOrigin) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(shared.requestTimeout)
                .version(shared.httpVersion)
                .header("User-Agent", SdkVersion.userAgent())
                .header("Accept-Encoding", "gzip");
        spec.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean contentType = lower.equals("content-type");
            if ((sameOrigin || CROSS_ORIGIN_SAFE_HEADERS.contains(lower)) && (!contentType || body != null)) {
                b.setHeader(name, value);
            }
        });
        auth.headers().forEach(b::setHeader);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = shared.client.send(b.build(), ReadAheadBodyStream.handler());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.debug("{}: {} {} -> {} in {} ms", shared.vendor, spec.operation().label(), spec.describe(),
                    response.statusCode(), elapsed.toMillis());
            response.headers().firstValue("X-RateLimit-Remaining").ifPresent(remaining ->
                    LOG.debug("{}: X-RateLimit-Remaining: {}", shared.vendor, remaining));
            shared.listener.onResponse(spec, response.statusCode(), response.headers(), elapsed);
            return response;
        } catch (IOException e) {
            shared.listener.noResponse(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTransportException(shared.vendor + ": interrupted while sending " + spec.describe(), e);
        }
    }

    /** Reads what is left of a body (at most 64 KB, under its guard) so the connection can be reused. */
    static void drain(InputStream body) {
        try (InputStream in = body) {
            in.skip(64 * 1024);
        } catch (IOException | RuntimeException e) {
            // draining is only to free the connection; a failure just means it cannot be reused
        }
    }

    /**
     * Closes the authenticator's session (if this view has one), then the HTTP client if the
     * transport built it. Idempotent.
     */
    @Override
    public void close() {
        try {
            authenticator.close();
        } catch (RuntimeException e) {
            LOG.debug("{}: closing the session failed: {}", shared.vendor, e.toString());
        }
        shared.close();
    }

    private static final Authenticator NO_AUTH = Authenticator.none();

    /** What every view of one transport shares: the client, the retry loop, the listener. */
    private static final class Shared {
        final String vendor;
        final HttpClient client;
        final boolean ownsClient;
        final Duration requestTimeout;
        final Duration bodyReadTimeout;
        final HttpClient.Version httpVersion;
        final ErrorDecoder errorDecoder;
        final AuditLogEvents listener;
        final boolean allowInsecureHttp;
        final RetryExecutor retries;
        final ReadLimits limits;
        final AtomicBoolean closed = new AtomicBoolean();

        Shared(Builder b) {
            this.vendor = b.vendor;
            this.ownsClient = b.httpClient == null;
            this.client = b.httpClient != null ? b.httpClient
                    : HttpClient.newBuilder()
                            .connectTimeout(b.connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(b.httpVersion)
                            .build();
            if (!ownsClient && client.followRedirects() != HttpClient.Redirect.NEVER) {
                LOG.warn("{}: the caller's HttpClient follows redirects itself ({}); the SDK cannot then keep credentials"
                        + " from being forwarded to another host. Build it with Redirect.NEVER.", vendor, client.followRedirects());
            }
            this.requestTimeout = b.requestTimeout;
            this.bodyReadTimeout = b.bodyReadTimeout;
            this.httpVersion = b.httpVersion;
            this.errorDecoder = b.errorDecoder;
            this.listener = new AuditLogEvents(b.listener, b.auditLogListener, b.throttlePolicy);
            this.allowInsecureHttp = b.allowInsecureHttp;
            this.retries = new RetryExecutor(vendor, b.retryPolicy, b.clock, listener, b.throttlePolicy,
                    b.rateLimitDomain == null ? null : new RetryExecutor.SharedRateLimit(b.rateLimits, b.rateLimitDomain));
            this.limits = b.limits;
        }

        void close() {
            if (closed.compareAndSet(false, true) && ownsClient && client instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) client).close();
                } catch (Exception e) {
                    LOG.debug("{}: closing the HTTP client failed: {}", vendor, e.toString());
                }
            }
        }
    }

    /** A bounded answer's body failed while read inside the attempt: retried like an I/O error. */
    static final class RetryableBodyFailure extends IOException {
        private static final long serialVersionUID = 1L;

        RetryableBodyFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The outcome of one attempt: a streaming success (or the value read from it), or a drained error with its excerpt. */
    static final class Exchange {
        final int status;
        final java.net.http.HttpHeaders headers;
        final HttpResult result;
        final Object value;
        final String errorExcerpt;

        private Exchange(int status, java.net.http.HttpHeaders headers, HttpResult result, Object value, String errorExcerpt) {
            this.status = status;
            this.headers = headers;
            this.result = result;
            this.value = value;
            this.errorExcerpt = errorExcerpt;
        }

        static Exchange of(HttpRequestSpec spec, URI uri, HttpResponse<InputStream> response, InputStream guarded,
                ReadLimits limits) {
            int status = response.statusCode();
            boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.trim().equalsIgnoreCase("gzip")).orElse(false);
            if (status >= 200 && status < 300) {
                InputStream body = gzip ? new GuardedGzip(guarded, spec.describe(), limits) : guarded;
                return new Exchange(status, response.headers(), new HttpResult(status, uri, response.headers(), body, limits), null, null);
            }
            return new Exchange(status, response.headers(), null, null, errorExcerpt(guarded, gzip, limits));
        }

        /** Reads the start of an error body under its guard; a stalled or broken error body gives what arrived. */
        private static String errorExcerpt(InputStream guarded, boolean gzip, ReadLimits limits) {
            byte[] head = new byte[0];
            try (InputStream in = gzip ? new GuardedGzip(guarded, "error body", limits) : guarded) {
                head = in.readNBytes(4096);
                in.skip(64 * 1024);
            } catch (IOException | RuntimeException e) {
                // the status decides the error; the excerpt is only a hint
            }
            return Redactor.excerpt(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        }

        Exchange withValue(Object v) {
            return new Exchange(status, headers, null, v, null);
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Gunzips lazily, so that the gzip header is read on the first read, under the guard; a
     * gzip stream that ends early or is corrupt is a failed body read like a cut connection.
     */
    private static final class GuardedGzip extends InputStream {
        private final InputStream source;
        private final String description;
        private final ReadLimits limits;
        private InputStream gzip;

        GuardedGzip(InputStream source, String description, ReadLimits limits) {
            this.source = source;
            this.description = description;
            this.limits = limits;
        }

        /** Inflates within the read limits (size and ratio): a gzip bomb is an AuditDataException, not an OOM. */
        private InputStream in() throws IOException {
            if (gzip == null) {
                gzip = DecompressionGuard.gunzip(source, limits, "the gzip body of " + description);
            }
            return gzip;
        }

        @Override
        public int read() throws IOException {
            try {
                return in().read();
            } catch (BodyReadException e) {
                throw e;
            } catch (IOException e) {
                throw new BodyReadException("decompressing the response of " + description + " failed: " + e, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in().read(b, off, len);
            } catch (BodyReadException e) {
                throw e;
            } catch (IOException e) {
                throw new BodyReadException("decompressing the response of " + description + " failed: " + e, e);
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** Builds an {@link HttpTransport}. */
    public static final class Builder {
        private String vendor = "vendor";
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration bodyReadTimeout = Duration.ofSeconds(60);
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Authenticator authenticator = Authenticator.none();
        private ErrorDecoder errorDecoder = ErrorDecoder.standard();
        private TransportListener listener = TransportListener.NONE;
        private AuditLogListener auditLogListener = AuditLogListener.NONE;
        private boolean allowInsecureHttp;
        private Clock clock = Clock.systemUTC();
        private ThrottlePolicy throttlePolicy = ThrottlePolicy.standard();
        private ReadLimits limits = ReadLimits.defaults();
        private RateLimitRegistry rateLimits = RateLimitRegistry.shared();
        private String rateLimitDomain;

        private Builder() {
        }

        /**
         * Shares the client-side rate limit ({@link RetryPolicy#rateLimitPerSecond()}) with every
         * transport naming the same domain in the same registry. Without a domain the transport
         * has a limiter of its own.
         *
         * @param registry where the domain's limiter lives; {@link RateLimitRegistry#shared()} by default
         * @param domain what the vendor counts requests against, e.g. {@code boomi:https://api.boomi.com/acme-A1B2C3};
         *     null for a limiter of this transport alone
         * @return this builder
         */
        public Builder rateLimits(RateLimitRegistry registry, String domain) {
            this.rateLimits = Objects.requireNonNull(registry, "registry");
            this.rateLimitDomain = domain;
            return this;
        }

        /**
         * @param limits hard limits on what is read (decompressed size and ratio, JSON trees,
         *     CSV records, pages without progress); default {@link ReadLimits#defaults()}
         * @return this builder
         */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param policy how the vendor signals throttling (statuses, a wait in the body);
         *     default {@link ThrottlePolicy#standard()} (HTTP 429, {@code Retry-After})
         * @return this builder
         */
        public Builder throttlePolicy(ThrottlePolicy policy) {
            this.throttlePolicy = Objects.requireNonNull(policy, "throttlePolicy");
            return this;
        }

        /**
         * @param vendor the vendor name used in messages and logs
         * @return this builder
         */
        public Builder vendor(String vendor) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
            return this;
        }

        /**
         * @param httpClient a caller-owned client (never closed by the SDK), or null to build one
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * @param timeout connect timeout of the client the transport builds
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout per attempt, until the response headers arrive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param timeout the longest wait for the next bytes of a response body
         * @return this builder
         */
        public Builder bodyReadTimeout(Duration timeout) {
            this.bodyReadTimeout = positive(timeout, "bodyReadTimeout");
            return this;
        }

        /**
         * @param version the HTTP version; HTTP/1.1 by default (h2c upgrades confuse some servers)
         * @return this builder
         */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param policy how to retry
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * @param authenticator supplies authentication headers
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * @param decoder turns vendor error answers into exceptions
         * @return this builder
         */
        public Builder errorDecoder(ErrorDecoder decoder) {
            this.errorDecoder = Objects.requireNonNull(decoder, "errorDecoder");
            return this;
        }

        /**
         * @param listener observes attempts, answers and retries
         * @return this builder
         */
        public Builder listener(TransportListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param listener receives the stream-level events the transport sees: answers, throttling,
         *     retries, body bytes, pages and logins
         * @return this builder
         */
        public Builder auditLogListener(AuditLogListener listener) {
            this.auditLogListener = Objects.requireNonNull(listener, "auditLogListener");
            return this;
        }

        /**
         * @param allow true to allow plain HTTP to non-loopback hosts (credentials travel in clear text)
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * @param clock the clock for HTTP-date {@code Retry-After} values (tests)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the transport */
        public HttpTransport build() {
            return new HttpTransport(new Shared(this), authenticator);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
