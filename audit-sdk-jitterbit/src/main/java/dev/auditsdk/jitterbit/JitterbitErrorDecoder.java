package dev.auditsdk.jitterbit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.spi.http.ErrorDecoder;
import dev.auditsdk.core.spi.http.ErrorResponse;
import dev.auditsdk.core.spi.util.Json;

/**
 * Reads Harmony's error bodies ({@code {"status":false,"errorCode":...,"errorMessage":...}})
 * into the exception's vendor code and message, and adds what to check for the statuses a
 * caller can act on.
 */
final class JitterbitErrorDecoder implements ErrorDecoder {

    @Override
    public AuditApiException decode(ErrorResponse r) {
        String vendorCode = null;
        String vendorMessage = null;
        try {
            JsonNode body = Json.mapper().readTree(r.bodyExcerpt());
            if (body != null && body.isObject()) {
                vendorCode = text(body, "errorCode");
                vendorMessage = text(body, "errorMessage");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON (a proxy's HTML page, a truncated excerpt): the excerpt speaks for itself
        }
        String message = "jitterbit: " + r.request().describe() + " failed with HTTP " + r.status()
                + (vendorCode != null ? " (" + vendorCode + ")" : "")
                + (vendorMessage != null ? ": " + vendorMessage : r.bodyExcerpt().isBlank() ? "" : ": " + r.bodyExcerpt().strip())
                + hint(r.status());
        return r.toException(message, vendorCode);
    }

    private static String hint(int status) {
        switch (status) {
            case 401:
                return " (the authToken was refused even after a new login)";
            case 403:
                return " (is the user an organization administrator, and does the orgId belong to this region?)";
            case 429:
                return " (Harmony is throttling requests; retry later or lower the request rate)";
            default:
                return "";
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
