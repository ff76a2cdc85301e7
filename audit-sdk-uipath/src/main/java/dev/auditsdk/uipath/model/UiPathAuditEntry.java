package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the classic Platform Management audit log ({@code GET {baseUrl}/audit_/api/auditlogs}).
 *
 * <pre>{@code
 * {"createdOn":"2021-10-14T13:10:15.1964174+00:00","category":"User","action":"Login",
 *  "auditLogDetails":"{\r\n \"userName\": \"System Administrator admin\",\r\n \"email\": \"\"\r\n}",
 *  "userName":"System Administrator","email":"","message":"User 'System Administrator admin' logged in",
 *  "detailsVersion":"1.0","source":"Cis"}
 * }</pre>
 *
 * <p>The API sends no id: {@link #id()} is derived from the entry's content (see
 * {@link #identityOf(JsonNode)}). {@link #auditLogDetails()} is kept exactly as sent;
 * {@link #details()} is the same text parsed, when it is one valid JSON document.
 */
@Value.Immutable
public abstract class UiPathAuditEntry implements AuditLogEntry {
    /** The prefix of derived identities. */
    public static final String ID_PREFIX = "uipath:";
    // contentHash keeps no occurrence counters, so one shared instance is thread-safe
    private static final StableIdentity IDENTITY = StableIdentity.withPrefix(ID_PREFIX);

    /** Built by {@link #builder()} or {@link #fromJson}; not subclassed outside this package. */
    UiPathAuditEntry() {
    }

    /** @return a new builder; {@code createdOn} is required */
    public static ImmutableUiPathAuditEntry.Builder builder() {
        return ImmutableUiPathAuditEntry.builder();
    }

    /**
     * Reads one element of the {@code results} array.
     *
     * @param raw the element as received
     * @return the entry, keeping {@code raw}
     * @throws AuditDataException if it is not an object or has no readable {@code createdOn}
     */
    public static UiPathAuditEntry fromJson(JsonNode raw) {
        String createdOn = Fields.requireCreatedOn(raw, "UiPath audit log entry");
        return builder()
                .raw(raw)
                .createdOn(createdOn)
                .category(Fields.text(raw, "category"))
                .action(Fields.text(raw, "action"))
                .auditLogDetails(Fields.text(raw, "auditLogDetails"))
                .userName(Fields.text(raw, "userName"))
                .email(Fields.text(raw, "email"))
                .message(Fields.text(raw, "message"))
                .detailsVersion(Fields.text(raw, "detailsVersion"))
                .source(Fields.text(raw, "source"))
                .build();
    }

    /**
     * The stable identity of a classic entry: a SHA-256 hash of its canonical JSON without the
     * {@code message}, which the API localizes by {@code language}. The remaining fields include
     * {@code createdOn} to 100 ns, so different events practically never share it.
     *
     * @param raw the entry as received
     * @return {@code "uipath:" + hash}
     */
    public static String identityOf(JsonNode raw) {
        JsonNode content = raw;
        if (raw.isObject() && raw.has("message")) {
            ObjectNode copy = ((ObjectNode) raw).deepCopy();
            copy.remove("message");
            content = copy;
        }
        return IDENTITY.contentHash(content);
    }

    /** @return the derived identity (see {@link #identityOf(JsonNode)}) */
    @Override
    @Value.Default
    public String id() {
        return identityOf(raw());
    }

    /** @return {@code createdOn} exactly as sent, e.g. {@code 2021-10-14T13:10:15.1964174+00:00} */
    public abstract String createdOn();

    /** @return {@link #createdOn()} as a UTC instant, to the 100 ns */
    @Override
    @Value.Derived
    public Instant timestamp() {
        return Timestamps.parse("createdOn", createdOn());
    }

    /** @return the category, e.g. {@code User}, {@code Group}, {@code Tenant} */
    public abstract Optional<String> category();

    /** @return the action, e.g. {@code Login}, {@code Created}, {@code Updated} */
    public abstract Optional<String> action();

    /** @return the details exactly as sent: usually a JSON document encoded as a string, but any text is kept */
    public abstract Optional<String> auditLogDetails();

    /** @return {@link #auditLogDetails()} parsed, when it is one valid JSON document; empty otherwise */
    @Value.Lazy
    public Optional<JsonNode> details() {
        return EmbeddedJson.parse(auditLogDetails());
    }

    /** @return the acting user's display name */
    public abstract Optional<String> userName();

    /** @return the acting user's email; often an empty string in the API */
    public abstract Optional<String> email();

    /** @return the human-readable message, in the requested language */
    public abstract Optional<String> message();

    /** @return the version of the details format, e.g. {@code 1.0} */
    public abstract Optional<String> detailsVersion();

    /** @return the UiPath service that wrote the entry, e.g. {@code Cis} */
    public abstract Optional<String> source();

    /** @return the entry as received; for a built entry, its fields as JSON */
    @Override
    @Value.Default
    @Value.Auxiliary
    public JsonNode raw() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("createdOn", createdOn());
        category().ifPresent(v -> o.put("category", v));
        action().ifPresent(v -> o.put("action", v));
        auditLogDetails().ifPresent(v -> o.put("auditLogDetails", v));
        userName().ifPresent(v -> o.put("userName", v));
        email().ifPresent(v -> o.put("email", v));
        message().ifPresent(v -> o.put("message", v));
        detailsVersion().ifPresent(v -> o.put("detailsVersion", v));
        source().ifPresent(v -> o.put("source", v));
        return o;
    }

    /**
     * Normalizes: actor from {@code userName}/{@code email}, action and category as sent, target
     * typed by the category and named from the details, an OCSF class shared with the unified
     * API (see the README). The classic API records actions that were performed, and names a
     * failure in the action ({@code LoginFailed}): the outcome is FAILURE for such an action and
     * SUCCESS otherwise. The source ({@code Cis}, {@code PortalService}, ...) is the service
     * acted on.
     *
     * @return the normalized event
     */
    @Override
    public AuditEvent toAuditEvent() {
        return UiPathNormalizer.normalize(this);
    }

    @Override
    public String toString() {
        // details and messages can be long and personal; logs get the gist
        return "UiPathAuditEntry{createdOn=" + createdOn() + ", category=" + category().orElse("") + ", action="
                + action().orElse("") + ", source=" + source().orElse("") + "}";
    }
}
