package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.json.Json;
import dev.auditsdk.core.json.Timestamps;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of the IQ Server audit log, typed. The line itself is the single source of truth:
 * {@link #raw()} holds it exactly as received (unknown attributes included) and every typed
 * accessor reads from it, so the typed view and the raw view can never disagree. Serializing
 * an entry with Jackson writes the original line back.
 *
 * <p>The vendor sends no id; {@link #id()} is a stable identity the SDK derives from the
 * line's bytes as the server wrote them and the line's occurrence among identical lines of
 * the same millisecond.
 *
 * <pre>{@code
 * {"timestamp":"2024-03-21T11:58:14.233-03:00","remoteIpAddress":"127.0.0.1","userAgent":"curl/7.81.0",
 *  "username":"admin","domain":"audit-log","type":"export","error":"bad-request"}
 * }</pre>
 */
@Value.Immutable
public abstract class LifecycleAuditEntry implements AuditLogEntry {
    /** The {@link #username()} of requests made without logging in. */
    public static final String UNKNOWN_USER = "*UNKNOWN";
    /** The {@link #username()} of events the server itself causes. */
    public static final String SYSTEM_USER = "*SYSTEM";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * Builds an entry from a parsed audit line.
     *
     * @param raw the line as a JSON object
     * @param id the entry's identity
     * @return the entry
     * @throws IllegalArgumentException if the line is not an object with textual
     *     {@code timestamp}, {@code username}, {@code domain} and {@code type}
     * @throws dev.auditsdk.core.error.AuditDataException if the {@code timestamp} is not an
     *     ISO-8601 date-time
     */
    public static LifecycleAuditEntry of(JsonNode raw, String id) {
        return ImmutableLifecycleAuditEntry.builder().raw(raw).id(id).build();
    }

    /** @return the line exactly as received; Jackson serializes an entry as this */
    @JsonValue
    @Override
    public abstract JsonNode raw();

    /** @return the SDK-derived stable identity (the vendor has no id) */
    @Override
    public abstract String id();

    /** @return the {@code timestamp} attribute as the server wrote it, in its own offset */
    @Value.Derived
    @Value.Auxiliary
    public String timestampText() {
        return requiredText("timestamp");
    }

    /** @return when the event happened, as a UTC instant (the server writes its local offset) */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Instant timestamp() {
        return Timestamps.parse("timestamp", timestampText());
    }

    /**
     * @return the user who caused the event; {@value #UNKNOWN_USER} when not logged in,
     *     {@value #SYSTEM_USER} for the server itself
     */
    public String username() {
        return raw().get("username").textValue();
    }

    /** @return the functional area, e.g. {@code authentication}; see {@link LifecycleDomain} */
    public String domain() {
        return raw().get("domain").textValue();
    }

    /** @return the action within the domain, e.g. {@code login}; see {@link LifecycleEventType} */
    public String type() {
        return raw().get("type").textValue();
    }

    /** @return the HTTP method of the request that caused the event, if known */
    public Optional<String> requestMethod() {
        return optionalText("requestMethod");
    }

    /** @return the request URI (relative to the server's base URL), if known */
    public Optional<String> requestUri() {
        return optionalText("requestUri");
    }

    /** @return the client IP address as the server saw it, if known */
    public Optional<String> remoteIpAddress() {
        return optionalText("remoteIpAddress");
    }

    /** @return the client's User-Agent, if known */
    public Optional<String> userAgent() {
        return optionalText("userAgent");
    }

    /** @return the proxy's {@code Forwarded} information about the original client, if any */
    public Optional<String> forwarded() {
        return optionalText("forwarded");
    }

    /** @return a summary of the error when the action failed, e.g. {@code bad-authentication}; see {@link LifecycleError} */
    public Optional<String> error() {
        return optionalText("error");
    }

    /**
     * @return the event's additional name/value pairs (any keys, any JSON values as Java
     *     maps, lists, strings, numbers, booleans); empty when the line has none
     */
    @Value.Lazy
    public Map<String, Object> data() {
        JsonNode data = raw().get("data");
        if (data == null || !data.isObject()) {
            return Map.of();
        }
        return Json.mapper().convertValue(data, MAP);
    }

    /** @return the normalized, OCSF-aligned view of this event */
    @Override
    public AuditEvent toAuditEvent() {
        return LifecycleNormalizer.normalize(this);
    }

    @Value.Check
    void check() {
        requiredText("username");
        requiredText("domain");
        requiredText("type");
    }

    private String requiredText(String field) {
        if (!raw().isObject()) {
            throw new IllegalArgumentException("an audit log line must be a JSON object, was " + raw().getNodeType());
        }
        JsonNode value = raw().get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text attribute '" + field + "'");
        }
        return value.textValue();
    }

    private Optional<String> optionalText(String field) {
        JsonNode value = raw().get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
