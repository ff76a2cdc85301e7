package dev.auditsdk.testkit.informatica;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the simulated v3 security log, as the simulator stores it.
 */
public final class InformaticaSecurityRecord {
    private final String id;
    private final String orgId;
    private final String actor;
    private final Instant time;
    private final String objectId;
    private final String objectName;
    private final String actionCategory;
    private final String actionEvent;

    /**
     * @param id entry id
     * @param orgId organization id
     * @param actor user who performed the action
     * @param time when, to the millisecond
     * @param objectId id of the object acted on, may be null
     * @param objectName name of the object acted on, may be null
     * @param actionCategory category code, e.g. {@code LOGIN}
     * @param actionEvent event code, e.g. {@code USER_LOGIN}
     */
    public InformaticaSecurityRecord(String id, String orgId, String actor, Instant time, String objectId,
            String objectName, String actionCategory, String actionEvent) {
        this.id = Objects.requireNonNull(id, "id");
        this.orgId = orgId;
        this.actor = actor;
        this.time = Objects.requireNonNull(time, "time").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.objectId = objectId;
        this.objectName = objectName;
        this.actionCategory = actionCategory;
        this.actionEvent = actionEvent;
    }

    /** @return the entry id */
    public String id() {
        return id;
    }

    /** @return the organization id */
    public String orgId() {
        return orgId;
    }

    /** @return the user who performed the action */
    public String actor() {
        return actor;
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
    public String actionCategory() {
        return actionCategory;
    }

    /** @return the event code */
    public String actionEvent() {
        return actionEvent;
    }

    /** @return the entry as the security log API serves it */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("orgId", orgId);
        n.put("actor", actor);
        n.put("entryTime", InformaticaAuditRecord.UTC_FORMAT.format(time));
        n.put("objectId", objectId);
        n.put("objectName", objectName);
        n.put("actionCategory", actionCategory);
        n.put("actionEvent", actionEvent);
        return n;
    }

    @Override
    public String toString() {
        return "InformaticaSecurityRecord{" + id + " " + time + " " + actionCategory + "/" + actionEvent + "}";
    }
}
