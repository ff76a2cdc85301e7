package dev.auditsdk.boomi.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One Boomi {@code AuditLog} record, as the Platform API query and the staging export deliver it.
 * The record itself is the single source of truth: {@link #raw()} holds it exactly as received
 * (unknown fields included) and every typed accessor reads from it, so the two views never
 * disagree. Serializing an entry with Jackson writes the original record back.
 *
 * <pre>{@code
 * {"@type":"AuditLog","documentId":"XdDAzmwB7C-eRHGS1Oal","accountId":"account-123456",
 *  "containerId":"3456789a-...","userId":"user123@company.biz","message":"Environment Extensions saved",
 *  "date":"2016-02-05T09:12:13Z","type":"as.atom","action":"UPDATE","modifier":"MANUAL","level":"INFO",
 *  "source":"UNKNOWN","AuditLogProperty":[{"name":"VERSION_STRING","previousValue":"..","value":".."}]}
 * }</pre>
 */
@Value.Immutable
public abstract class BoomiAuditEntry implements AuditLogEntry {

    /**
     * Builds an entry from a received record.
     *
     * @param raw the record as a JSON object
     * @return the entry
     * @throws IllegalArgumentException if the record is not an object with a textual
     *     {@code documentId} and a parseable {@code date}
     */
    public static BoomiAuditEntry of(JsonNode raw) {
        return ImmutableBoomiAuditEntry.builder().raw(raw).build();
    }

    /** @return the record exactly as received; Jackson serializes an entry as this */
    @JsonValue
    @Override
    public abstract JsonNode raw();

    /** @return Boomi's id of the record ({@code documentId}); the entry's identity */
    @Value.Derived
    public String documentId() {
        return requiredText("documentId");
    }

    /** @return the {@link #documentId()} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public String id() {
        return documentId();
    }

    /** @return the {@code date} as Boomi wrote it, e.g. {@code 2016-02-05T09:12:13Z} */
    @Value.Derived
    @Value.Auxiliary
    public String dateText() {
        return requiredText("date");
    }

    /** @return when the action happened, as a UTC instant (Boomi records whole seconds) */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Instant timestamp() {
        try {
            return Timestamps.parse("date", dateText());
        } catch (AuditDataException e) {
            // the factory's contract: a malformed entry is an IllegalArgumentException (as for a missing id)
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @return the account the action happened in */
    public Optional<String> accountId() {
        return optionalText("accountId");
    }

    /** @return the runtime, runtime cluster or runtime cloud the action happened on, if any */
    public Optional<String> containerId() {
        return optionalText("containerId");
    }

    /** @return the user (an email address) who acted, if recorded */
    public Optional<String> userId() {
        return optionalText("userId");
    }

    /** @return the descriptive message; not every kind of action has one */
    public Optional<String> message() {
        return optionalText("message");
    }

    /** @return the kind of object acted on, e.g. {@code as.atom}; see {@link BoomiObjectType} */
    public Optional<String> type() {
        return optionalText("type");
    }

    /** @return the action, e.g. {@code UPDATE}; see {@link BoomiAction} */
    public Optional<String> action() {
        return optionalText("action");
    }

    /** @return the action's qualifier, e.g. {@code MANUAL}; see {@link BoomiModifier} */
    public Optional<String> modifier() {
        return optionalText("modifier");
    }

    /** @return the severity, e.g. {@code INFO}; see {@link BoomiLevel} */
    public Optional<String> level() {
        return optionalText("level");
    }

    /** @return where the action was taken, e.g. {@code UI}; see {@link BoomiSource} */
    public Optional<String> source() {
        return optionalText("source");
    }

    /**
     * @return the {@code AuditLogProperty} list (empty when there is none; a single object is
     *     read as a list of one)
     */
    @Value.Lazy
    public List<AuditLogProperty> properties() {
        JsonNode node = raw().get("AuditLogProperty");
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<AuditLogProperty> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(p -> out.add(AuditLogProperty.of(p)));
        } else {
            out.add(AuditLogProperty.of(node));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param name a property name, e.g. {@code VERSION_STRING}
     * @return the first property of that name
     */
    public Optional<AuditLogProperty> property(String name) {
        return properties().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return the normalized, OCSF-aligned view of this entry */
    @Override
    public AuditEvent toAuditEvent() {
        return BoomiNormalizer.normalize(this);
    }

    @Value.Check
    void check() {
        documentId();
        timestamp();
        properties();
    }

    private String requiredText(String field) {
        if (!raw().isObject()) {
            throw new IllegalArgumentException("an AuditLog record must be a JSON object, was " + raw().getNodeType());
        }
        JsonNode value = raw().get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new IllegalArgumentException("AuditLog record without '" + field + "'");
        }
        return value.textValue();
    }

    private Optional<String> optionalText(String field) {
        JsonNode value = raw().get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    @Override
    public String toString() {
        return "BoomiAuditEntry{documentId=" + documentId() + ", date=" + dateText() + ", type=" + type().orElse("")
                + ", action=" + action().orElse("") + ", userId=" + userId().orElse("") + "}";
    }
}
