package dev.auditsdk.uipath.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.Timestamps;
import dev.auditsdk.core.spi.json.StableIdentity;
import dev.auditsdk.core.model.AuditEvent;
import dev.auditsdk.core.model.Outcome;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One event of the unified audit API ({@code GET .../orgaudit_/api/query/events} or
 * {@code .../tenantaudit_/api/query/events}).
 *
 * <p>{@link #eventDetails()} is kept exactly as sent; {@link #details()} is the same text
 * parsed, when it is one valid JSON document. {@link #status()} is {@link #STATUS_SUCCEEDED}
 * or {@link #STATUS_FAILED}.
 */
@Value.Immutable
public abstract class UiPathUnifiedAuditEvent implements AuditLogEntry {
    /** {@link #status()} of a succeeded action. */
    public static final int STATUS_SUCCEEDED = 0;
    /** {@link #status()} of a failed action. */
    public static final int STATUS_FAILED = 1;
    /** The prefix of identities derived for events that arrive without an id. */
    public static final String DERIVED_ID_PREFIX = "uipath-unified:";
    // contentHash keeps no occurrence counters, so one shared instance is thread-safe
    private static final StableIdentity IDENTITY = StableIdentity.withPrefix(DERIVED_ID_PREFIX);

    /** Built by {@link #builder()} or {@link #fromJson}; not subclassed outside this package. */
    UiPathUnifiedAuditEvent() {
    }

    /** @return a new builder; {@code createdOn} is required */
    public static ImmutableUiPathUnifiedAuditEvent.Builder builder() {
        return ImmutableUiPathUnifiedAuditEvent.builder();
    }

    /**
     * Reads one element of the {@code auditEvents} array.
     *
     * @param raw the element as received
     * @return the event, keeping {@code raw}
     * @throws AuditDataException if it is not an object or has no readable {@code createdOn}
     */
    public static UiPathUnifiedAuditEvent fromJson(JsonNode raw) {
        String createdOn = Fields.requireCreatedOn(raw, "UiPath unified audit event");
        ImmutableUiPathUnifiedAuditEvent.Builder b = builder()
                .raw(raw)
                .createdOn(createdOn)
                .organizationId(Fields.nonBlank(raw, "organizationId"))
                .tenantId(Fields.nonBlank(raw, "tenantId"))
                .actorId(Fields.nonBlank(raw, "actorId"))
                .actorName(Fields.text(raw, "actorName"))
                .actorEmail(Fields.text(raw, "actorEmail"))
                .eventType(Fields.text(raw, "eventType"))
                .eventSource(Fields.text(raw, "eventSource"))
                .eventTarget(Fields.text(raw, "eventTarget"))
                .eventDetails(Fields.text(raw, "eventDetails"))
                .eventSummary(Fields.text(raw, "eventSummary"))
                .status(status(raw.get("status")));
        Fields.nonBlank(raw, "id").ifPresent(b::id);
        return b.build();
    }

    /** Reads {@code status} as a number, a numeric string, or a word (Succeeded / Failed). */
    private static OptionalInt status(JsonNode v) {
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (v.isIntegralNumber()) {
            return OptionalInt.of(v.asInt());
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        if (s.matches("-?\\d+")) {
            return OptionalInt.of(Integer.parseInt(s));
        }
        if (s.startsWith("succe")) {
            return OptionalInt.of(STATUS_SUCCEEDED);
        }
        if (s.startsWith("fail")) {
            return OptionalInt.of(STATUS_FAILED);
        }
        return OptionalInt.empty();
    }

    /** @return the vendor's event id; derived from the content if the API ever omits it */
    @Override
    @Value.Default
    public String id() {
        return IDENTITY.contentHash(raw());
    }

    /** @return {@code createdOn} exactly as sent (UTC) */
    public abstract String createdOn();

    /** @return {@link #createdOn()} as an instant; a value without an offset is read as UTC */
    @Override
    @Value.Derived
    public Instant timestamp() {
        return Timestamps.parse("createdOn", createdOn());
    }

    /** @return the organization's id */
    public abstract Optional<String> organizationId();

    /** @return the tenant's id; empty for organization-level events */
    public abstract Optional<String> tenantId();

    /** @return the acting user's id */
    public abstract Optional<String> actorId();

    /** @return the acting user's name */
    public abstract Optional<String> actorName();

    /** @return the acting user's email */
    public abstract Optional<String> actorEmail();

    /** @return the activity type, e.g. {@code Login}, {@code Create} */
    public abstract Optional<String> eventType();

    /** @return the UiPath service that emitted it, e.g. {@code Orchestrator} */
    public abstract Optional<String> eventSource();

    /** @return the category of the object acted on, e.g. {@code User}, {@code Group} */
    public abstract Optional<String> eventTarget();

    /** @return the details exactly as sent: usually a JSON document encoded as a string */
    public abstract Optional<String> eventDetails();

    /** @return {@link #eventDetails()} parsed, when it is one valid JSON document; empty otherwise */
    @Value.Lazy
    public Optional<JsonNode> details() {
        return EmbeddedJson.parse(eventDetails());
    }

    /** @return the human-readable summary */
    public abstract Optional<String> eventSummary();

    /** @return {@link #STATUS_SUCCEEDED}, {@link #STATUS_FAILED}, or another code the API may add */
    public abstract OptionalInt status();

    /** @return {@link Outcome#SUCCESS} for status 0, {@link Outcome#FAILURE} for 1, otherwise {@link Outcome#UNKNOWN} */
    public Outcome outcome() {
        if (status().isEmpty()) {
            return Outcome.UNKNOWN;
        }
        switch (status().getAsInt()) {
            case STATUS_SUCCEEDED:
                return Outcome.SUCCESS;
            case STATUS_FAILED:
                return Outcome.FAILURE;
            default:
                return Outcome.UNKNOWN;
        }
    }

    /** @return the event as received; for a built event, its fields as JSON */
    @Override
    @Value.Default
    @Value.Auxiliary
    public JsonNode raw() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("createdOn", createdOn());
        organizationId().ifPresent(v -> o.put("organizationId", v));
        tenantId().ifPresent(v -> o.put("tenantId", v));
        actorId().ifPresent(v -> o.put("actorId", v));
        actorName().ifPresent(v -> o.put("actorName", v));
        actorEmail().ifPresent(v -> o.put("actorEmail", v));
        eventType().ifPresent(v -> o.put("eventType", v));
        eventSource().ifPresent(v -> o.put("eventSource", v));
        eventTarget().ifPresent(v -> o.put("eventTarget", v));
        eventDetails().ifPresent(v -> o.put("eventDetails", v));
        eventSummary().ifPresent(v -> o.put("eventSummary", v));
        status().ifPresent(v -> o.put("status", v));
        return o;
    }

    /**
     * Normalizes: actor from {@code actorId}/{@code actorName}/{@code actorEmail}, action from
     * {@code eventType}, category and target type from {@code eventTarget}, outcome from
     * {@code status}, an OCSF class shared with the classic API (see the README).
     *
     * @return the normalized event
     */
    @Override
    public AuditEvent toAuditEvent() {
        return UiPathNormalizer.normalize(this);
    }

    @Override
    public String toString() {
        // details and summaries can be long and personal; logs get the gist
        return "UiPathUnifiedAuditEvent{id=" + id() + ", createdOn=" + createdOn() + ", eventTarget="
                + eventTarget().orElse("") + ", eventType=" + eventType().orElse("") + "}";
    }
}
