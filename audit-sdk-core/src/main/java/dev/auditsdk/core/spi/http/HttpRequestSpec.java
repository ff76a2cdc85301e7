package dev.auditsdk.core.spi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.util.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.auditsdk.core.http.HttpRequestInfo;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.auth.Authenticator;

/**
 * One request as a vendor adapter describes it: method, URL, headers, optional body, and
 * whether it may be retried. Authentication headers are not part of it: the transport adds
 * them. Immutable; built with {@link #get(URI)}, {@link #post(URI)}, {@link #put(URI)} or
 * {@link #method(String, URI)}.
 *
 * <pre>{@code
 * HttpRequestSpec spec = HttpRequestSpec.get(Endpoints.resolve(baseUrl, "api/v2/auditLogs"))
 *         .query("startUtcDate", "2026-01-01")
 *         .header("Accept", "text/plain")
 *         .build();
 * }</pre>
 */
public final class HttpRequestSpec implements HttpRequestInfo {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean retrySafe;
    private final boolean authenticated;
    private final Operation operation;
    private final AuthHeaders credentials;

    private HttpRequestSpec(Builder b) {
        this.method = b.method;
        this.uri = b.buildUri();
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.retrySafe = b.retrySafe != null ? b.retrySafe : IDEMPOTENT.contains(b.method);
        this.authenticated = b.authenticated;
        this.operation = b.operation;
        this.credentials = b.credentials;
    }

    /**
     * @param uri the URL, without or with a query
     * @return a GET builder
     */
    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    /**
     * @param uri the URL
     * @return a POST builder (not retried unless {@link Builder#retrySafe(boolean)} says so)
     */
    public static Builder post(URI uri) {
        return new Builder("POST", uri);
    }

    /**
     * @param uri the URL
     * @return a PUT builder
     */
    public static Builder put(URI uri) {
        return new Builder("PUT", uri);
    }

    /**
     * @param method any HTTP method, e.g. {@code DELETE}
     * @param uri the URL
     * @return a builder
     */
    public static Builder method(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** @return the HTTP method, upper case */
    @Override
    public String method() {
        return method;
    }

    /** @return the full URL including the query */
    @Override
    public URI uri() {
        return uri;
    }

    /** @return the request headers (never authentication headers) */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the body bytes, if the request has a body */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    byte[] bodyOrNull() {
        return body;
    }

    /**
     * @return whether a failed attempt may be retried: idempotent methods, or explicitly marked.
     *     Throttling answers and connections never made are retried whatever this says: the
     *     request was not processed.
     */
    public boolean retrySafe() {
        return retrySafe;
    }

    /** @return whether the transport adds authentication headers (false for login calls themselves) */
    public boolean authenticated() {
        return authenticated;
    }

    /**
     * @return credentials this one request carries itself (e.g. the session a logout ends), sent
     *     like the authenticator's: never to another origin; {@link AuthHeaders#none()} by default
     */
    public AuthHeaders credentials() {
        return credentials;
    }

    /** @return what the request is for; {@link Operation#PAGE} unless the builder said otherwise */
    @Override
    public Operation operation() {
        return operation;
    }

    /** @return {@code METHOD scheme://host/path} for logs and messages (no query, no secrets) */
    @Override
    public String describe() {
        return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    @Override
    public String toString() {
        return "HttpRequestSpec{" + describe() + "}";
    }

    /** Builds an {@link HttpRequestSpec}. */
    public static final class Builder {
        private final String method;
        private final URI base;
        private final StringBuilder query = new StringBuilder();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private Boolean retrySafe;
        private boolean authenticated = true;
        private Operation operation = Operation.PAGE;
        private AuthHeaders credentials = AuthHeaders.none();

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (method.isBlank()) {
                throw new IllegalArgumentException("method must not be blank");
            }
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("uri must be absolute, was " + uri);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.base = uri;
        }

        /**
         * Appends a query parameter; the value is URL-encoded.
         *
         * @param name parameter name
         * @param value parameter value
         * @return this builder
         */
        public Builder query(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value of query parameter " + name);
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(encode(String.valueOf(value)));
            return this;
        }

        /**
         * Appends a query parameter whose value is already encoded as the vendor requires
         * (e.g. a filter expression with reserved characters the vendor expects literally).
         *
         * @param name parameter name
         * @param encodedValue the value, already percent-encoded
         * @return this builder
         */
        public Builder rawQuery(String name, String encodedValue) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(encodedValue, "encodedValue");
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(encodedValue);
            return this;
        }

        /**
         * @param name header name
         * @param value header value (not a secret: secrets go through the {@code Authenticator})
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of header " + name));
            return this;
        }

        /**
         * @param bytes the body
         * @param contentType its Content-Type
         * @return this builder
         */
        public Builder body(byte[] bytes, String contentType) {
            this.body = Objects.requireNonNull(bytes, "bytes").clone();
            headers.put("Content-Type", Objects.requireNonNull(contentType, "contentType"));
            return this;
        }

        /**
         * @param text the body, sent as UTF-8
         * @param contentType its Content-Type
         * @return this builder
         */
        public Builder textBody(String text, String contentType) {
            return body(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), contentType);
        }

        /**
         * @param value serialized with the SDK's {@link Json#mapper()}, sent as {@code application/json}
         * @return this builder
         */
        public Builder jsonBody(Object value) {
            try {
                return body(Json.mapper().writeValueAsBytes(value), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialize request body of type "
                        + value.getClass().getName(), e);
            }
        }

        /**
         * Overrides whether a failed attempt may be retried. By default only idempotent methods are.
         * Mark a POST safe only when repeating it cannot do harm (a query, not a submission).
         *
         * @param safe whether to retry
         * @return this builder
         */
        public Builder retrySafe(boolean safe) {
            this.retrySafe = safe;
            return this;
        }

        /**
         * @param authenticated false for requests that must not carry credentials (e.g. the login itself)
         * @return this builder
         */
        public Builder authenticated(boolean authenticated) {
            this.authenticated = authenticated;
            return this;
        }

        /**
         * Tags the request with what it is for. Error decoders and logs read the tag (a failed
         * {@link Operation#LOGIN} means wrong credentials, not an expired session), and a
         * login's answer that is not JSON is reported without quoting it.
         *
         * @param operation what the request is for; default {@link Operation#PAGE}
         * @return this builder
         */
        public Builder operation(Operation operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
            return this;
        }

        /**
         * Credentials that belong to this request rather than to the source's authenticator —
         * the session a logout ends, say. They are treated like the authenticator's headers:
         * never sent to another origin, a cross-origin redirect refused, never logged. Use this,
         * not {@link #header(String, String)}, for anything secret.
         *
         * @param credentials the headers
         * @return this builder
         */
        public Builder credentials(AuthHeaders credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** @return the request */
        public HttpRequestSpec build() {
            return new HttpRequestSpec(this);
        }

        private URI buildUri() {
            if (query.length() == 0) {
                return base;
            }
            String s = base.toString();
            // the query goes before a fragment, which a server never sees
            int hash = s.indexOf('#');
            String head = hash < 0 ? s : s.substring(0, hash);
            String fragment = hash < 0 ? "" : s.substring(hash);
            return URI.create(head + (base.getRawQuery() == null ? "?" : "&") + query + fragment);
        }

        private static String encode(String s) {
            return Endpoints.encode(s);
        }
    }
}
