package dev.auditsdk.informatica.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.model.AuditEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One entry of the Informatica v2 audit log ({@code auditLogEntry}). The JSON object is the
 * single source of truth: {@link #raw()} holds it exactly as received (unknown attributes
 * included), every typed accessor reads from it, and Jackson serializes an entry as it.
 *
 * <pre>{@code
 * {"@type":"auditLogEntry","id":"00A1B20B00000000000123","version":1,"orgId":"00A1B2",
 *  "username":"ana@example.com","entryTime":"2026-03-01T07:00:00.000Z","entryTimeUTC":"2026-03-01T12:00:00.000Z",
 *  "objectId":"00A1B20Z000000000004","objectName":"m_orders","category":"DTEMPLATE","event":"UPDATE",
 *  "eventParam":"...","message":"..."}
 * }</pre>
 *
 * <p>{@link #timestamp()} is {@code entryTimeUTC}. {@code entryTime} is Eastern Time (the v2 API
 * writes it like every date, possibly with a misleading {@code Z}); it is used only when
 * {@code entryTimeUTC} is missing, read as New York wall-clock time unless it carries a
 * non-zero offset.
 */
@Value.Immutable
public abstract class InformaticaAuditEntry implements AuditLogEntry {
    /**
     * The prefix the server puts before an {@code eventParam} it cut to 1,024 characters
     * (documented as {@code "Full Value Truncated"}, sometimes followed by a period).
     */
    public static final String TRUNCATED_PREFIX = "Full Value Truncated";

    /**
     * Reads an entry from its JSON object.
     *
     * @param raw the {@code auditLogEntry} object as received
     * @return the entry
     * @throws IllegalArgumentException if it is not an object with a textual {@code id} and a
     *     readable {@code entryTimeUTC} (or {@code entryTime})
     */
    @JsonCreator
    public static InformaticaAuditEntry of(JsonNode raw) {
        return ImmutableInformaticaAuditEntry.builder().raw(raw).build();
    }

    /** @return the entry exactly as received; do not modify it */
    @JsonValue
    @Override
    public abstract JsonNode raw();

    /** @return the audit-log entry id */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public String id() {
        return InformaticaFields.id(raw(), "audit log entry");
    }

    /** @return when the action occurred: {@code entryTimeUTC} (or {@code entryTime} as Eastern Time) */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Instant timestamp() {
        JsonNode utc = raw().get("entryTimeUTC");
        if (InformaticaFields.present(utc)) {
            return InformaticaFields.instant("audit log entry " + id(), "entryTimeUTC", utc, ZoneOffset.UTC, false);
        }
        JsonNode eastern = raw().get("entryTime");
        if (InformaticaFields.present(eastern)) {
            // entryTime is US Eastern wall-clock time, even when it ends in Z
            return InformaticaFields.instant("audit log entry " + id(), "entryTime", eastern, InformaticaFields.EASTERN, true);
        }
        throw new IllegalArgumentException("audit log entry " + id() + " has neither 'entryTimeUTC' nor 'entryTime'");
    }

    /** @return the entry's version */
    public OptionalInt version() {
        JsonNode v = raw().get("version");
        return v != null && v.canConvertToInt() && v.isNumber() ? OptionalInt.of(v.intValue()) : OptionalInt.empty();
    }

    /** @return the organization id */
    public Optional<String> orgId() {
        return text("orgId");
    }

    /** @return the user who performed the action */
    public Optional<String> username() {
        return text("username");
    }

    /** @return {@code entryTime} as the server wrote it (Eastern Time) */
    public Optional<String> entryTime() {
        return text("entryTime");
    }

    /**
     * @return {@code entryTime} read as what it is, US Eastern wall-clock time, with its real
     *     offset ({@code 2026-03-01T07:00:00-05:00}); empty when missing. The server writes it
     *     with a {@code Z} as if it were UTC
     * @throws IllegalArgumentException if it is present but not a date-time
     */
    public Optional<String> entryTimeEastern() {
        JsonNode eastern = raw().get("entryTime");
        if (!InformaticaFields.present(eastern)) {
            return Optional.empty();
        }
        return Optional.of(InformaticaFields.eastern(
                InformaticaFields.instant("audit log entry " + id(), "entryTime", eastern, InformaticaFields.EASTERN, true)));
    }

    /** @return {@code entryTimeUTC} as the server wrote it */
    public Optional<String> entryTimeUtc() {
        return text("entryTimeUTC");
    }

    /** @return the id of the object acted on */
    public Optional<String> objectId() {
        return text("objectId");
    }

    /** @return the name of the object acted on */
    public Optional<String> objectName() {
        return text("objectName");
    }

    /** @return the category code, e.g. {@code USER}; see {@link AuditLogCategory} */
    public Optional<String> category() {
        return text("category");
    }

    /** @return the event code (action performed), e.g. {@code UPDATE}; see {@link AuditLogEventCode} */
    public Optional<String> event() {
        return text("event");
    }

    /**
     * @return the objects related to the action as sent: at most 1,024 characters, starting with
     *     {@value #TRUNCATED_PREFIX} when the server cut it (see {@link #eventParamTruncated()})
     */
    public Optional<String> eventParam() {
        return text("eventParam");
    }

    /** @return whether the server truncated {@link #eventParam()} to 1,024 characters */
    public boolean eventParamTruncated() {
        return eventParam().map(p -> p.startsWith(TRUNCATED_PREFIX)).orElse(false);
    }

    /** @return additional information */
    public Optional<String> message() {
        return text("message");
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
