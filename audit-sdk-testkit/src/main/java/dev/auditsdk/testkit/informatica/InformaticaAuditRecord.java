package dev.auditsdk.testkit.informatica;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One entry of the simulated v2 audit log ({@code auditLogEntry}), as the simulator stores it.
 * Tests use these to compute what a client should receive.
 */
public final class InformaticaAuditRecord {
    /** The prefix the server puts before an {@code eventParam} it cut to 1,024 characters. */
    public static final String TRUNCATED_PREFIX = "Full Value Truncated.";
    /** The longest {@code eventParam} the server returns. */
    public static final int EVENT_PARAM_MAX = 1024;

    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    static final DateTimeFormatter UTC_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneId.of("UTC"));
    // The v2 API formats every date with a literal 'Z'; entryTime is Eastern wall-clock time.
    static final DateTimeFormatter EASTERN_AS_Z_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(EASTERN);
    static final DateTimeFormatter EASTERN_WITH_OFFSET_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(EASTERN);

    private final String id;
    private final int version;
    private final String orgId;
    private final String username;
    private final Instant time;
    private final String objectId;
    private final String objectName;
    private final String category;
    private final String event;
    private final String eventParam;
    private final String message;

    /**
     * @param id entry id
     * @param version entry version
     * @param orgId organization id
     * @param username who did it
     * @param time when, to the millisecond
     * @param objectId id of the object acted on, may be null
     * @param objectName name of the object acted on, may be null
     * @param category category code, e.g. {@code USER}
     * @param event event code, e.g. {@code UPDATE}
     * @param eventParam related objects, may be null; longer than 1,024 characters is truncated like the server does
     * @param message free text, may be null
     */
    public InformaticaAuditRecord(String id, int version, String orgId, String username, Instant time, String objectId,
            String objectName, String category, String event, String eventParam, String message) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.orgId = orgId;
        this.username = username;
        this.time = Objects.requireNonNull(time, "time").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.objectId = objectId;
        this.objectName = objectName;
        this.category = category;
        this.event = event;
        this.eventParam = truncate(eventParam);
        this.message = message;
    }

    /** @return the entry id */
    public String id() {
        return id;
    }

    /** @return the entry version */
    public int version() {
        return version;
    }

    /** @return the organization id */
    public String orgId() {
        return orgId;
    }

    /** @return the user who performed the action */
    public String username() {
        return username;
    }

    /** @return when it happened (millisecond precision) */
    public Instant time() {
        return time;
    }

    /** @return the object id, may be null */
    public String objectId() {
        return objectId;
    }

    /** @return the object name, may be null */
    public String objectName() {
        return objectName;
    }

    /** @return the category code */
    public String category() {
        return category;
    }

    /** @return the event code */
    public String event() {
        return event;
    }

    /** @return the event parameters as the server returns them (truncated and prefixed when too long) */
    public String eventParam() {
        return eventParam;
    }

    /** @return the message, may be null */
    public String message() {
        return message;
    }

    /** @return whether the server truncated {@link #eventParam()} */
    public boolean eventParamTruncated() {
        return eventParam != null && eventParam.startsWith(TRUNCATED_PREFIX);
    }

    /** @return the entry as the audit log API serves it (Eastern time written with a 'Z', as by default) */
    public ObjectNode toJson() {
        return toJson(false);
    }

    ObjectNode toJson(boolean easternWithOffset) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("@type", "auditLogEntry");
        n.put("id", id);
        n.put("version", version);
        n.put("orgId", orgId);
        n.put("username", username);
        n.put("entryTime", (easternWithOffset ? EASTERN_WITH_OFFSET_FORMAT : EASTERN_AS_Z_FORMAT).format(time));
        n.put("entryTimeUTC", UTC_FORMAT.format(time));
        n.put("objectId", objectId);
        n.put("objectName", objectName);
        n.put("category", category);
        n.put("event", event);
        n.put("eventParam", eventParam);
        n.put("message", message);
        return n;
    }

    private static String truncate(String value) {
        if (value == null || value.length() <= EVENT_PARAM_MAX || value.startsWith(TRUNCATED_PREFIX)) {
            return value;
        }
        return TRUNCATED_PREFIX + value.substring(0, EVENT_PARAM_MAX - TRUNCATED_PREFIX.length());
    }

    @Override
    public String toString() {
        return "InformaticaAuditRecord{" + id + " " + time + " " + category + "/" + event + "}";
    }
}
