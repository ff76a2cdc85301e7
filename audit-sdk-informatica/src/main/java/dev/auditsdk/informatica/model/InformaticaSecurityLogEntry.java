package dev.auditsdk.informatica.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the Informatica v3 security log ({@code /public/core/v3/securityLog}): logins,
 * and changes to users, user groups, roles, agents and the organization. {@link #raw()} holds
 * the object exactly as received and every typed accessor reads from it.
 *
 * <pre>{@code
 * {"id":"...","orgId":"00A1B2","actor":"ana@example.com","entryTime":"2026-03-01T12:00:00.000Z",
 *  "objectId":"...","objectName":"ana@example.com","actionCategory":"LOGIN","actionEvent":"USER_LOGIN"}
 * }</pre>
 */
@Value.Immutable
public abstract class InformaticaSecurityLogEntry implements AuditLogEntry {

    /**
     * Reads an entry from its JSON object.
     *
     * @param raw the entry object as received
     * @return the entry
     * @throws IllegalArgumentException if it is not an object with an {@code id} and a readable {@code entryTime}
     */
    @JsonCreator
    public static InformaticaSecurityLogEntry of(JsonNode raw) {
        return ImmutableInformaticaSecurityLogEntry.builder().raw(raw).build();
    }

    /** @return the entry exactly as received; do not modify it */
    @JsonValue
    @Override
    public abstract JsonNode raw();

    /** @return the security-log entry id */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public String id() {
        return InformaticaFields.id(raw(), "security log entry");
    }

    /** @return when the action occurred ({@code entryTime}, UTC) */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Instant timestamp() {
        JsonNode t = raw().get("entryTime");
        if (!InformaticaFields.present(t)) {
            throw new IllegalArgumentException("security log entry " + id() + " has no 'entryTime'");
        }
        return InformaticaFields.instant("security log entry " + id(), "entryTime", t, ZoneOffset.UTC, false);
    }

    /** @return the organization id */
    public Optional<String> orgId() {
        return text("orgId");
    }

    /** @return the user who performed the action */
    public Optional<String> actor() {
        return text("actor");
    }

    /** @return the id of the object acted on */
    public Optional<String> objectId() {
        return text("objectId");
    }

    /** @return the name of the object acted on */
    public Optional<String> objectName() {
        return text("objectName");
    }

    /** @return the category code of the entry */
    public Optional<String> actionCategory() {
        return text("actionCategory");
    }

    /** @return the action performed, e.g. {@code USER_LOGIN}; see {@link SecurityLogEvent} */
    public Optional<String> actionEvent() {
        return text("actionEvent");
    }

    /** @return the normalized, OCSF-aligned view of this entry */
    @Override
    public AuditEvent toAuditEvent() {
        return InformaticaNormalizer.normalize(this);
    }

    private Optional<String> text(String field) {
        return InformaticaFields.text(raw(), field);
    }
}
