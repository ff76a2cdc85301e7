package dev.auditsdk.core.spi.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The headers that authenticate one request (e.g. {@code Authorization}, {@code icSessionId}).
 * Their values are secrets: {@link #toString()} shows only the header names.
 *
 * <p>Instances are compared by identity: the transport hands the rejected instance back to
 * {@link Authenticator#refresh(AuthHeaders)}, which refreshes only if it is still current.
 */
public final class AuthHeaders {
    private static final AuthHeaders NONE = new AuthHeaders(Map.of());

    private final Map<String, String> headers;

    private AuthHeaders(Map<String, String> headers) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * @param headers header name to secret value
     * @return the headers
     */
    public static AuthHeaders of(Map<String, String> headers) {
        return new AuthHeaders(Objects.requireNonNull(headers, "headers"));
    }

    /**
     * @param name header name
     * @param value secret header value
     * @return one header
     */
    public static AuthHeaders of(String name, String value) {
        return new AuthHeaders(Map.of(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
    }

    /** @return no headers (anonymous requests) */
    public static AuthHeaders none() {
        return NONE;
    }

    /** @return header name to value; the values are secrets, never log them */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "AuthHeaders" + headers.keySet();
    }
}
