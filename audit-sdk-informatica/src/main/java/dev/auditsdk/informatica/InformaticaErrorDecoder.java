package dev.auditsdk.informatica;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.spi.http.ErrorDecoder;
import dev.auditsdk.core.spi.http.ErrorResponse;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.util.Redactor;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Informatica's two error objects into exceptions that carry the vendor code:
 * v2 {@code {"@type":"error","code":"UI_10000","description":"...","statusCode":403}} and
 * v3 {@code {"error":{"code":"IDS_085","message":"...","requestId":"..."}}}. A login refused
 * with 400, 401 or 403 is an {@link AuditAuthenticationException} (Informatica answers a wrong
 * password with 400 or 403, not 401).
 */
final class InformaticaErrorDecoder implements ErrorDecoder {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,100})\"");
    private static final Pattern TEXT = Pattern.compile("\"(?:description|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,300})\"");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]{1,100})\"");

    /** The vendor's error, as far as the body tells it. */
    public static final class VendorError {
        private final String code;
        private final String message;
        private final String requestId;
        private final int statusCode;

        VendorError(String code, String message, String requestId, int statusCode) {
            this.code = code;
            this.message = message;
            this.requestId = requestId;
            this.statusCode = statusCode;
        }

        /** @return the vendor error code, or null */
        public String code() {
            return code;
        }

        /** @return the vendor's description, or null */
        public String message() {
            return message;
        }

        /** @return the vendor's request id (v3), or null */
        public String requestId() {
            return requestId;
        }
    }

    @Override
    public AuditApiException decode(ErrorResponse r) {
        VendorError error = parse(r.bodyExcerpt());
        String requestId = error.requestId != null ? error.requestId : r.requestId().orElse(null);
        StringBuilder msg = new StringBuilder(r.vendor()).append(": ");
        boolean login = r.request().operation() == Operation.LOGIN;
        if (login) {
            msg.append("login at ").append(r.request().uri().getHost()).append(" was refused with HTTP ").append(r.status());
        } else {
            msg.append(r.request().describe()).append(" failed with HTTP ").append(r.status());
        }
        if (error.code != null) {
            msg.append(" [").append(error.code).append(']');
        }
        if (error.message != null) {
            msg.append(": ").append(error.message);
        } else if (!r.bodyExcerpt().isBlank()) {
            msg.append(": ").append(r.bodyExcerpt().strip());
        }
        if (login && (r.status() == 400 || r.status() == 401 || r.status() == 403)) {
            msg.append(" (check the user name, the password and the region/login URL)");
            return new AuditAuthenticationException(msg.toString(), r.status(), error.code, requestId, r.bodyExcerpt());
        }
        if (r.status() == 401) {
            msg.append(" (the session was refused even after logging in again)");
        }
        return r.toException(msg.toString(), error.code, requestId);
    }

    /**
     * An error object found in a 200 answer where data was expected ("returns the error object if errors occur").
     *
     * @param vendor the vendor name for the message
     * @param what the request, e.g. {@code GET https://host/saas/api/v2/auditlog}
     * @param body the parsed answer
     * @return the exception, or null when {@code body} is not an error object
     */
    static AuditApiException fromBody(String vendor, String what, JsonNode body) {
        boolean v2 = body.isObject() && "error".equals(body.path("@type").asText(null));
        boolean v3 = body.isObject() && body.path("error").isObject();
        if (!v2 && !v3) {
            return null;
        }
        VendorError e = fromJson(body);
        int status = e.statusCode;
        String msg = vendor + ": " + what + " answered an error object" + (e.code == null ? "" : " [" + e.code + "]")
                + (e.message == null ? "" : ": " + e.message);
        return AuditApiException.of(msg, status, e.code, e.requestId, Redactor.excerpt(body.toString()));
    }

    /**
     * @param excerpt an error body, possibly cut short
     * @return what could be read from it; fields are null when absent
     */
    static VendorError parse(String excerpt) {
        if (excerpt == null || excerpt.isBlank()) {
            return new VendorError(null, null, null, 0);
        }
        try {
            JsonNode node = Json.mapper().readTree(excerpt);
            if (node != null && node.isObject()) {
                return fromJson(node);
            }
        } catch (IOException e) {
            // an excerpt may be cut in the middle of the object: fall back to pattern matching
        }
        return new VendorError(group(CODE, excerpt), group(TEXT, excerpt), group(REQUEST_ID, excerpt), 0);
    }

    private static VendorError fromJson(JsonNode node) {
        JsonNode e = node.path("error").isObject() ? node.path("error") : node;
        return new VendorError(text(e, "code"), text(e, "description") != null ? text(e, "description") : text(e, "message"),
                text(e, "requestId"), e.path("statusCode").asInt(0));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
