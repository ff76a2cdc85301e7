package dev.auditsdk.lifecycle.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.RawJsonEntry;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.model.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of the IQ Server audit log, typed. The line itself is the single source of truth:
 * {@link #line()} holds it exactly as received, the typed attributes are read from it once, and
 * {@link #raw()} is the same line as a JSON tree (unknown attributes included), built only when
 * asked for. Serializing an entry with Jackson writes the original line back. Entries are made
 * only from a line ({@link #parse(String, String)}), so the typed view and the line can never
 * disagree.
 *
 * <p>The vendor sends no id; {@link #id()} is a stable identity the SDK derives from the
 * line's bytes as the server wrote them and the line's occurrence among identical lines of
 * the same millisecond.
 *
 * <pre>{@code
 * {"timestamp":"2024-03-21T11:58:14.233-03:00","remoteIpAddress":"127.0.0.1","userAgent":"curl/7.81.0",
 *  "username":"admin","domain":"audit-log","type":"export","error":"bad-request"}
 * }</pre>
 *
 * <p>Equal entries have the same line and the same identity. Immutable and thread-safe.
 */
@Value.Immutable
@Value.Style(typeImmutable = "Immutable*", jdkOnly = true, optionalAcceptNullable = true,
        visibility = Value.Style.ImplementationVisibility.PACKAGE, defaults = @Value.Immutable(copy = false))
public abstract class LifecycleAuditEntry implements RawJsonEntry {
    /** The {@link #username()} of requests made without logging in. */
    public static final String UNKNOWN_USER = "*UNKNOWN";
    /** The {@link #username()} of events the server itself causes. */
    public static final String SYSTEM_USER = "*SYSTEM";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    LifecycleAuditEntry() {
    }

    /**
     * Reads one audit log line.
     *
     * @param line the line, without its line break
     * @param id the entry's identity
     * @return the entry
     * @throws IllegalArgumentException if the line is not a JSON object with textual
     *     {@code timestamp}, {@code username}, {@code domain} and {@code type}
     * @throws dev.auditsdk.core.error.AuditDataException if the {@code timestamp} is not an
     *     ISO-8601 date-time
     */
    public static LifecycleAuditEntry parse(String line, String id) {
        Objects.requireNonNull(line, "line");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            return LifecycleLineParser.parse(bytes, 0, bytes.length, line, id);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit log line must be one JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an audit log line's object from a streaming parser, as the readers of the REST body
     * and of the log files do: no JSON tree is built until {@link #raw()} is called.
     *
     * @param value positioned on the object's first token; left on its closing brace (what
     *     follows the object is the caller's to check)
     * @param bytes holds the line's UTF-8 bytes, without its line break
     * @param offset where the line starts
     * @param length the line's length in bytes
     * @param id the entry's identity
     * @return the entry
     * @throws IOException if the object is not well-formed JSON
     * @throws IllegalArgumentException if the value is not an object with textual
     *     {@code timestamp}, {@code username}, {@code domain} and {@code type}
     * @throws dev.auditsdk.core.error.AuditDataException if the {@code timestamp} is not an
     *     ISO-8601 date-time
     */
    public static LifecycleAuditEntry read(JsonParser value, byte[] bytes, int offset, int length, String id)
            throws IOException {
        Objects.requireNonNull(value, "value");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return LifecycleLineParser.read(value, bytes, offset, length, null, id);
    }

    /** @return the line exactly as received, without its line break */
    public abstract String line();

    /** @return {@link #line()}: the entry's JSON exactly as received, for writers that copy it */
    @Override
    public String rawJson() {
        return line();
    }

    /** @return the SDK-derived stable identity (the vendor has no id) */
    @Override
    public abstract String id();

    /** @return the {@code timestamp} attribute as the server wrote it, in its own offset */
    @Value.Auxiliary
    public abstract String timestampText();

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
    @Value.Auxiliary
    public abstract String username();

    /** @return the functional area, e.g. {@code authentication}; see {@link LifecycleDomain} */
    @Value.Auxiliary
    public abstract String domain();

    /** @return the action within the domain, e.g. {@code login}; see {@link LifecycleEventType} */
    @Value.Auxiliary
    public abstract String type();

    /** @return the HTTP method of the request that caused the event, if known */
    @Value.Auxiliary
    public abstract Optional<String> requestMethod();

    /** @return the request URI (relative to the server's base URL), if known */
    @Value.Auxiliary
    public abstract Optional<String> requestUri();

    /** @return the client IP address as the server saw it, if known */
    @Value.Auxiliary
    public abstract Optional<String> remoteIpAddress();

    /** @return the client's User-Agent, if known */
    @Value.Auxiliary
    public abstract Optional<String> userAgent();

    /** @return the proxy's {@code Forwarded} information about the original client, if any */
    @Value.Auxiliary
    public abstract Optional<String> forwarded();

    /**
     * Where the line's last {@code data} value starts in {@link #line()}, found by the reading
     * pass so that the normalizer reads only that value instead of the whole line again.
     *
     * @return the character index of the value's first character; {@link #NO_DATA} when the line
     *     has no {@code data}; {@link #DATA_UNKNOWN} when the position is not known (a line with
     *     multi-byte characters, where byte and character positions differ)
     */
    @Value.Default
    @Value.Auxiliary
    int dataOffset() {
        return DATA_UNKNOWN;
    }

    /** {@link #dataOffset()} of a line whose {@code data} position is not known: read the whole line. */
    static final int DATA_UNKNOWN = -1;
    /** {@link #dataOffset()} of a line without {@code data}. */
    static final int NO_DATA = -2;

    /** @return a summary of the error when the action failed, e.g. {@code bad-authentication}; see {@link LifecycleError} */
    @Value.Auxiliary
    public abstract Optional<String> error();

    /**
     * @return the line as a JSON tree, unknown attributes included; built on first use. Jackson
     *     serializes an entry as this
     */
    @JsonValue
    @Value.Lazy
    @Override
    public JsonNode raw() {
        try {
            return Json.mapper().readTree(line());
        } catch (JsonProcessingException e) {
            // every entry is made from a line that parsed
            throw new IllegalStateException("the line of entry " + id() + " no longer parses", e);
        }
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
}
