package dev.auditsdk.core.http;

import dev.auditsdk.core.auth.AuthHeaders;
import dev.auditsdk.core.auth.Authenticator;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.internal.SdkVersion;
import dev.auditsdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every request of a vendor source goes through. It adds authentication
 * headers (and on an HTTP 401 asks the {@link Authenticator} for fresh ones once and replays
 * once), applies the {@link RetryPolicy} (backoff with jitter, {@code Retry-After}, client-side
 * rate limit, overall deadline; failed bodies drained), follows redirects without forwarding
 * credentials to another origin, refuses plain HTTP except to loopback unless allowed,
 * decompresses gzip, guards body reads with a timeout, decodes errors into the SDK's
 * exception hierarchy, and logs without secrets.
 *
 * <p>Thread-safe. Build one per source with {@link #builder()}; close it with the source.
 * A caller-owned {@link HttpClient} is used as is and never closed.
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_REDIRECTS = 5;

    private final String vendor;
    private final HttpClient client;
    private final boolean ownsClient;
    private final Duration requestTimeout;
    private final Duration bodyReadTimeout;
    private final HttpClient.Version httpVersion;
    private final Authenticator authenticator;
    private final ErrorDecoder errorDecoder;
    private final TransportListener listener;
    private final boolean allowInsecureHttp;
    private final RetryExecutor retries;

    private HttpTransport(Builder b) {
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
        this.authenticator = b.authenticator;
        this.errorDecoder = b.errorDecoder;
        this.listener = b.listener;
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.retries = new RetryExecutor(vendor, b.retryPolicy, b.clock, listener, b.retryAfterFromBody);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the vendor name used in messages and logs */
    public String vendor() {
        return vendor;
    }

    /** @return the retry policy in force */
    public RetryPolicy retryPolicy() {
        return retries.policy();
    }

    /** @return whether plain HTTP to non-loopback hosts was explicitly allowed */
    public boolean allowsInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Sends a request and returns its successful answer, streaming.
     *
     * @param request the request
     * @return the 2xx answer; close it (or read its body to the end)
     * @throws AuditApiException for an error answer (after retries for retryable statuses)
     * @throws AuditTransportException when the vendor cannot be reached after retries
     * @throws IllegalArgumentException for plain HTTP to a non-loopback host without opt-in
     */
    public HttpResult send(HttpRequestSpec request) {
        Objects.requireNonNull(request, "request");
        Endpoints.requireSecure(request.uri(), allowInsecureHttp);
        boolean replayed = false;
        while (true) {
            AuthHeaders auth = request.authenticated() ? authenticator.authenticate() : AuthHeaders.none();
            Exchange ex = retries.execute(request, attempt -> sendFollowingRedirects(request, auth));
            if (ex.status == 401 && request.authenticated() && !replayed) {
                replayed = true;
                LOG.debug("{}: {} answered 401; asking the authenticator for fresh credentials", vendor, request.describe());
                if (authenticator.refresh(auth)) {
                    continue;
                }
            }
            if (ex.isSuccess()) {
                return ex.result;
            }
            AuditApiException error = errorDecoder.decode(new ErrorResponse(vendor, request, ex.status, ex.headers,
                    ex.errorExcerpt, retries.retryAfter(ex).orElse(null)));
            LOG.debug("{}: {} failed: {}", vendor, request.describe(), error.getMessage());
            throw error;
        }
    }

    private Exchange sendFollowingRedirects(HttpRequestSpec spec, AuthHeaders auth) throws IOException {
        URI uri = spec.uri();
        boolean sendAuth = true;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = sendOnce(spec, uri, sendAuth ? auth : AuthHeaders.none());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            boolean redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && location.isPresent();
            if (!redirect) {
                return Exchange.of(spec, uri, response, bodyReadTimeout);
            }
            drain(response.body());
            if (hop >= MAX_REDIRECTS) {
                throw new AuditTransportException(vendor + ": " + spec.describe() + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            boolean bodyless = spec.method().equals("GET") || spec.method().equals("HEAD") || status == 303;
            if (!bodyless && status != 307 && status != 308) {
                throw new AuditTransportException(vendor + ": " + spec.describe() + " was redirected (HTTP " + status
                        + "); the SDK does not re-send a " + spec.method() + " body to another location");
            }
            URI next = uri.resolve(location.get());
            Endpoints.requireSecure(next, allowInsecureHttp);
            if (!Endpoints.sameOrigin(uri, next)) {
                sendAuth = false; // never forward credentials to another origin
            }
            LOG.debug("{}: {} redirected to {}{}", vendor, spec.describe(), next.getHost(), sendAuth ? "" : " (credentials dropped)");
            uri = next;
        }
    }

    private HttpResponse<InputStream> sendOnce(HttpRequestSpec spec, URI uri, AuthHeaders auth) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .version(httpVersion)
                .header("User-Agent", SdkVersion.userAgent())
                .header("Accept-Encoding", "gzip");
        spec.headers().forEach(b::setHeader);
        auth.headers().forEach(b::setHeader);
        byte[] body = spec.bodyOrNull();
        b.method(spec.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(b.build(), ReadAheadBodyStream.handler());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.debug("{}: {} -> {} in {} ms", vendor, spec.describe(), response.statusCode(), elapsed.toMillis());
            response.headers().firstValue("X-RateLimit-Remaining").ifPresent(remaining ->
                    LOG.debug("{}: X-RateLimit-Remaining: {}", vendor, remaining));
            listener.onResponse(spec, response.statusCode(), response.headers(), elapsed);
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTransportException(vendor + ": interrupted while sending " + spec.describe(), e);
        }
    }

    static void drain(InputStream body) {
        try (InputStream in = body) {
            in.skip(64 * 1024);
        } catch (IOException | RuntimeException e) {
            // draining is only to free the connection; a failure just means it cannot be reused
        }
    }

    /** Closes the HTTP client if this transport built it, and the authenticator's session. */
    @Override
    public void close() {
        try {
            authenticator.close();
        } catch (RuntimeException e) {
            LOG.debug("{}: closing the session failed: {}", vendor, e.toString());
        }
        if (ownsClient && client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                LOG.debug("{}: closing the HTTP client failed: {}", vendor, e.toString());
            }
        }
    }

    /** The outcome of one attempt: a streaming success, or a drained error with its excerpt. */
    static final class Exchange {
        final int status;
        final java.net.http.HttpHeaders headers;
        final HttpResult result;
        final String errorExcerpt;

        private Exchange(int status, java.net.http.HttpHeaders headers, HttpResult result, String errorExcerpt) {
            this.status = status;
            this.headers = headers;
            this.result = result;
            this.errorExcerpt = errorExcerpt;
        }

        static Exchange of(HttpRequestSpec spec, URI uri, HttpResponse<InputStream> response, Duration readTimeout)
                throws IOException {
            int status = response.statusCode();
            InputStream raw = response.body();
            boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            if (status >= 200 && status < 300) {
                InputStream guarded = new GuardedBodyStream(raw, spec.describe(), readTimeout);
                InputStream body = gzip ? new GuardedGzip(guarded) : guarded;
                return new Exchange(status, response.headers(), new HttpResult(status, uri, response.headers(), body), null);
            }
            String excerpt;
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                byte[] head = in.readNBytes(4096);
                excerpt = Redactor.excerpt(new String(head, java.nio.charset.StandardCharsets.UTF_8));
                in.skip(64 * 1024);
            } catch (IOException e) {
                excerpt = "";
            }
            return new Exchange(status, response.headers(), null, excerpt);
        }

        boolean isSuccess() {
            return result != null;
        }

    }

    /** Gunzips lazily, so that the gzip header is read on the first read, under the guard. */
    private static final class GuardedGzip extends InputStream {
        private final InputStream source;
        private GZIPInputStream gzip;

        GuardedGzip(InputStream source) {
            this.source = source;
        }

        private InputStream in() throws IOException {
            if (gzip == null) {
                gzip = new GZIPInputStream(source, 64 * 1024);
            }
            return gzip;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
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
        private boolean allowInsecureHttp;
        private Clock clock = Clock.systemUTC();
        private Function<String, Optional<Duration>> retryAfterFromBody = body -> Optional.empty();

        private Builder() {
        }

        /**
         * For vendors that announce the wait of a throttling answer in its body instead of a
         * {@code Retry-After} header (e.g. {@code {"retry_after": 5}}). Used only when the header
         * is absent; the wait is then honoured like the header's.
         *
         * @param reader given the start of the error body (redacted, a few hundred characters),
         *     returns the wait it announces, or empty
         * @return this builder
         */
        public Builder retryAfterFromBody(Function<String, Optional<Duration>> reader) {
            this.retryAfterFromBody = Objects.requireNonNull(reader, "retryAfterFromBody");
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
            return new HttpTransport(this);
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
