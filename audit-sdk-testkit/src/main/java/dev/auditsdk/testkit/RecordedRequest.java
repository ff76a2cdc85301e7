package dev.auditsdk.testkit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a simulator received it, for assertions in tests.
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = query == null ? "" : query;
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body.clone();
    }

    /** @return the HTTP method, e.g. {@code GET} */
    public String method() {
        return method;
    }

    /** @return the decoded request path */
    public String path() {
        return path;
    }

    /** @return the raw query string without {@code ?}, empty when there is none */
    public String query() {
        return query;
    }

    /**
     * The first value of a request header, matched without regard to case.
     *
     * @param name header name
     * @return the value, if the header was sent
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** @return the request body bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the request body as UTF-8 text */
    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @return {@code METHOD path?query} with the values of credential-like query parameters (a
     *     presigned link's {@code signature}, a {@code token}, {@code key}, {@code secret},
     *     {@code password}, {@code code}) masked, for logs and failure messages
     */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + maskedQuery(query));
    }

    private static String maskedQuery(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String part : query.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            boolean secret = name.contains("signature") || name.contains("token") || name.contains("key")
                    || name.contains("secret") || name.contains("password") || name.equals("code") || name.equals("sig");
            out.append(eq >= 0 && secret ? part.substring(0, eq + 1) + "****" : part);
        }
        return out.toString();
    }
}
