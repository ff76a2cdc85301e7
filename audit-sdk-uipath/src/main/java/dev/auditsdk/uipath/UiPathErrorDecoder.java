package dev.auditsdk.uipath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.http.Operation;
import dev.auditsdk.core.spi.http.ErrorDecoder;
import dev.auditsdk.core.spi.http.ErrorResponse;
import dev.auditsdk.core.spi.util.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads UiPath's error answers: OAuth errors of the token endpoint ({@code {"error":"invalid_client"}}),
 * ASP.NET validation problems ({@code {"title":..., "errors":{...}}}), {@code {"message":...}}
 * bodies, and a {@code retry_after} some edges put in the body of a 429 instead of the header.
 * Messages say what to check; they never contain the request body (the client secret travels there).
 */
final class UiPathErrorDecoder implements ErrorDecoder {
    private static final Pattern RETRY_AFTER_IN_BODY = Pattern.compile("\"retry_?after\"\\s*:\\s*\"?(\\d+(?:\\.\\d+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OAUTH_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z_]+)\"");

    @Override
    public AuditApiException decode(ErrorResponse r) {
        Optional<JsonNode> body = parse(r.bodyExcerpt());
        String requestId = r.requestId().orElseGet(() -> body.map(b -> b.path("traceId").asText(null)).orElse(null));
        if (isTokenRequest(r) && r.status() >= 400 && r.status() < 500 && r.status() != 429) {
            // an OAuth code is a non-blank string; anything else there (an object, "") is no code
            String code = body.map(b -> b.path("error")).filter(e -> e.isTextual() && !e.asText().isBlank())
                    .map(JsonNode::asText).orElseGet(() -> find(OAUTH_ERROR, r.bodyExcerpt()));
            return new AuditAuthenticationException(tokenMessage(r, code), r.status(), code, requestId, r.bodyExcerpt());
        }
        String detail = body.map(UiPathErrorDecoder::detail).orElse("");
        String vendorCode = body.map(b -> b.path("errorCode").asText(null)).orElse(null);
        String message = r.vendor() + ": " + r.request().describe() + " failed with HTTP " + r.status()
                + hint(r.status()) + (detail.isEmpty() ? "" : ": " + detail);
        if (r.status() == 429) {
            Duration wait = r.retryAfter().orElseGet(() -> retryAfterInBody(r.bodyExcerpt()).orElse(null));
            return new AuditRateLimitedException(message, r.status(), vendorCode, requestId, r.bodyExcerpt(), wait);
        }
        return AuditApiException.of(message, r.status(), vendorCode, requestId, r.bodyExcerpt());
    }

    /**
     * The wait a 429 announces in its JSON body ({@code "retry_after": 5}), for answers without a
     * {@code Retry-After} header.
     *
     * @param body the body or its excerpt
     * @return the wait, if the body names one
     */
    static Optional<Duration> retryAfterInBody(String body) {
        String seconds = find(RETRY_AFTER_IN_BODY, body);
        if (seconds == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(seconds) * 1000)));
    }

    private static boolean isTokenRequest(ErrorResponse r) {
        return r.request().operation() == Operation.LOGIN;
    }

    private static String tokenMessage(ErrorResponse r, String code) {
        String what = r.vendor() + ": the token endpoint " + r.request().uri().getPath() + " refused the client-credentials grant";
        if (code == null) {
            return what + " (HTTP " + r.status() + "): check the identity URL, client id and client secret";
        }
        switch (code) {
            case "invalid_client":
                return what + ": invalid_client: check the client id and client secret of the external application";
            case "invalid_scope":
                return what + ": invalid_scope: the external application is not granted the scope(s) '"
                        + requestedScope(r) + "' (add them to the application, or configure other scopes)";
            case "unauthorized_client":
                return what + ": unauthorized_client: the application may not use the client-credentials grant"
                        + " (it must be a confidential external application)";
            case "unsupported_grant_type":
                return what + ": unsupported_grant_type: the identity URL may not be a UiPath Identity server";
            default:
                return what + ": " + code;
        }
    }

    /** The {@code scope} field of the form body; the only part of it that may be shown. */
    private static String requestedScope(ErrorResponse r) {
        String form = r.request().body().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        for (String pair : form.split("&")) {
            if (pair.startsWith("scope=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String hint(int status) {
        switch (status) {
            case 401:
                return " (the access token was refused: expired, revoked, or issued by another identity server)";
            case 403:
                return " (the token lacks the PM.Audit or PM.Audit.Read scope, or the application has no access"
                        + " to this organization or tenant)";
            case 404:
                return " (unknown organization or tenant name, or the audit API is not available at this URL)";
            default:
                return "";
        }
    }

    /** A short description from a JSON error body: message, title and validation errors. */
    private static String detail(JsonNode b) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {"message", "title", "error_description", "error"}) {
            String v = b.path(field).asText("");
            if (!v.isBlank()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(v.strip());
                break;
            }
        }
        JsonNode errors = b.get("errors");
        if (errors != null && errors.isObject()) {
            for (Map.Entry<String, JsonNode> e : errors.properties()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(e.getKey()).append(": ")
                        .append(e.getValue().isArray() && e.getValue().size() > 0 ? e.getValue().get(0).asText()
                                : e.getValue().asText());
            }
        }
        return sb.toString();
    }

    private static Optional<JsonNode> parse(String excerpt) {
        if (excerpt == null || !excerpt.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(excerpt);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty(); // an excerpt cut short is not JSON; the regexes still read it
        }
    }

    private static String find(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
