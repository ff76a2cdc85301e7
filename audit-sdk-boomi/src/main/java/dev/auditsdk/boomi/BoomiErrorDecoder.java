package dev.auditsdk.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditConflictException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.spi.http.ErrorDecoder;
import dev.auditsdk.core.spi.http.ErrorResponse;
import dev.auditsdk.core.spi.util.Json;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Boomi's error answers: the Platform API's {@code {"error":{"message":..}}} (or its XML
 * form) and the staging API's {@code {"message":..,"error":..}}, adds what to check for the
 * common statuses, maps the throttling 503 to {@link AuditRateLimitedException}, and keeps the
 * existing request's id of a staging 409.
 */
final class BoomiErrorDecoder implements ErrorDecoder {
    private static final Pattern XML_MESSAGE = Pattern.compile("<message>(.*?)</message>", Pattern.DOTALL);

    private final String accountId;

    BoomiErrorDecoder(String accountId) {
        this.accountId = accountId;
    }

    @Override
    public AuditApiException decode(ErrorResponse r) {
        JsonNode body = parse(r.bodyExcerpt());
        String vendorMessage = vendorMessage(body, r.bodyExcerpt());
        String vendorCode = body != null && body.path("error").isTextual() ? body.get("error").asText() : null;
        String message = r.vendor() + ": " + r.request().describe() + " failed with HTTP " + r.status()
                + (vendorMessage.isEmpty() ? "" : ": " + vendorMessage) + hint(r);
        String requestId = r.requestId().orElse(null);
        if (r.status() == 503) {
            return new AuditRateLimitedException(message, r.status(), vendorCode, requestId, r.bodyExcerpt(),
                    r.retryAfter().orElse(null));
        }
        if (r.status() == 409) {
            OptionalLong existing = body != null && body.path("requestId").canConvertToLong()
                    ? OptionalLong.of(body.get("requestId").asLong()) : OptionalLong.empty();
            return new StagingConflictException(message, vendorCode, requestId, r.bodyExcerpt(), existing);
        }
        return r.toException(message, vendorCode, requestId);
    }

    private String hint(ErrorResponse r) {
        boolean staging = !r.request().uri().getPath().contains("/api/rest/") && !r.request().uri().getPath().contains("/auth/jwt/");
        switch (r.status()) {
            case 401:
                return staging
                        ? " (the staging API refused the JWT, and a freshly fetched one: check that the user may use Audit Log Staging)"
                        : " (check the user name and password, or the API token sent as BOOMI_TOKEN.<user>, the account id "
                                + accountId + ", and the X-Boomi-OTP code if the user has two-factor authentication)";
            case 403:
                return " (the user needs the API Access and View Audit Logs privileges in account " + accountId + ")";
            case 404:
                return staging ? " (Boomi does not publish the staging resource paths: check the configured staging paths,"
                        + " stagingBaseUrl/stagingRequestsPath/stagingRequestPath; in the CLI --staging-url,"
                        + " --staging-requests-path, --staging-request-path)"
                        : " (check the base URL or region and the account id " + accountId + ")";
            case 410:
                return " (Boomi retired this endpoint)";
            case 503:
                return " (Boomi throttles an account above 10 requests per second; the SDK backed off and retried, "
                        + "then gave up: other clients may be using the same account's budget)";
            default:
                return "";
        }
    }

    private static JsonNode parse(String excerpt) {
        if (excerpt == null || !excerpt.strip().startsWith("{")) {
            return null;
        }
        try {
            return Json.mapper().readTree(excerpt);
        } catch (IOException e) {
            return null; // a truncated excerpt: fall back to the raw text
        }
    }

    private static String vendorMessage(JsonNode body, String excerpt) {
        if (body != null) {
            JsonNode error = body.path("error");
            if (error.path("message").isTextual()) {
                return error.get("message").asText();
            }
            if (body.path("message").isTextual()) {
                return body.get("message").asText();
            }
            if (error.isTextual()) {
                return error.asText();
            }
        }
        if (excerpt == null) {
            return "";
        }
        Matcher m = XML_MESSAGE.matcher(excerpt);
        return m.find() ? m.group(1).strip() : excerpt.strip();
    }

    /** A staging 409: a request for the same account and range exists; carries its id when Boomi sent it. */
    static final class StagingConflictException extends AuditConflictException {
        private static final long serialVersionUID = 1L;
        private final transient OptionalLong existingRequestId;

        StagingConflictException(String message, String vendorCode, String requestId, String bodyExcerpt,
                OptionalLong existingRequestId) {
            super(message, 409, vendorCode, requestId, bodyExcerpt);
            this.existingRequestId = existingRequestId;
        }

        OptionalLong existingRequestId() {
            return existingRequestId == null ? OptionalLong.empty() : existingRequestId;
        }
    }
}
