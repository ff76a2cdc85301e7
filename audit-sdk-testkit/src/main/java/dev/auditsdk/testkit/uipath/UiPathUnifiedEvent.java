package dev.auditsdk.testkit.uipath;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the unified audit API ({@code orgaudit_} / {@code tenantaudit_}) as the
 * simulator stores and serves it. Events with a null {@link #tenantId()} belong to the
 * organization scope, the others to the tenant scope.
 */
public final class UiPathUnifiedEvent {
    /** {@link #status()} of a succeeded action. */
    public static final int STATUS_SUCCEEDED = 0;
    /** {@link #status()} of a failed action. */
    public static final int STATUS_FAILED = 1;

    private final String id;
    private final Instant createdOn;
    private final String organizationId;
    private final String tenantId;
    private final String actorId;
    private final String actorName;
    private final String actorEmail;
    private final String eventType;
    private final String eventSource;
    private final String eventTarget;
    private final String eventDetails;
    private final String eventSummary;
    private final int status;

    private UiPathUnifiedEvent(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        Instant t = Objects.requireNonNull(b.createdOn, "createdOn");
        this.createdOn = t.minusNanos(t.getNano() % 100); // 100 ns ticks, like .NET
        this.organizationId = b.organizationId;
        this.tenantId = b.tenantId;
        this.actorId = b.actorId;
        this.actorName = b.actorName;
        this.actorEmail = b.actorEmail;
        this.eventType = b.eventType;
        this.eventSource = b.eventSource;
        this.eventTarget = b.eventTarget;
        this.eventDetails = b.eventDetails;
        this.eventSummary = b.eventSummary;
        this.status = b.status;
    }

    /**
     * @return this event as the unified API serves it (times in the API's format)
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id());
        o.put("createdOn", UiPathTimes.unified(createdOn));
        o.put("organizationId", organizationId());
        o.put("tenantId", tenantId());
        o.put("actorId", actorId());
        o.put("actorName", actorName());
        o.put("actorEmail", actorEmail());
        o.put("eventType", eventType());
        o.put("eventSource", eventSource());
        o.put("eventTarget", eventTarget());
        o.put("eventDetails", eventDetails());
        o.put("eventSummary", eventSummary());
        o.put("status", status());
        return o;
    }

    /** @return a new builder; {@code id} and {@code createdOn} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder pre-filled with this event's values */
    public Builder toBuilder() {
        return new Builder().id(id).createdOn(createdOn).organizationId(organizationId).tenantId(tenantId)
                .actorId(actorId).actorName(actorName).actorEmail(actorEmail).eventType(eventType)
                .eventSource(eventSource).eventTarget(eventTarget).eventDetails(eventDetails)
                .eventSummary(eventSummary).status(status);
    }

    /** @return the event id (a GUID) */
    public String id() {
        return id;
    }

    /** @return when it happened (UTC) */
    public Instant createdOn() {
        return createdOn;
    }

    /** @return the organization's id */
    public String organizationId() {
        return organizationId;
    }

    /** @return the tenant's id, or null for organization-level events */
    public String tenantId() {
        return tenantId;
    }

    /** @return the acting user's id */
    public String actorId() {
        return actorId;
    }

    /** @return the acting user's name */
    public String actorName() {
        return actorName;
    }

    /** @return the acting user's email */
    public String actorEmail() {
        return actorEmail;
    }

    /** @return the activity type, e.g. {@code Login} */
    public String eventType() {
        return eventType;
    }

    /** @return the emitting service, e.g. {@code Orchestrator} */
    public String eventSource() {
        return eventSource;
    }

    /** @return the category of the object acted on, e.g. {@code User} */
    public String eventTarget() {
        return eventTarget;
    }

    /** @return details, normally a JSON document encoded as a string */
    public String eventDetails() {
        return eventDetails;
    }

    /** @return the human-readable summary */
    public String eventSummary() {
        return eventSummary;
    }

    /** @return {@link #STATUS_SUCCEEDED} or {@link #STATUS_FAILED} */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return "UiPathUnifiedEvent{" + id + " " + createdOn + " " + eventTarget + "/" + eventType + "}";
    }

    /** Builds a {@link UiPathUnifiedEvent}. */
    public static final class Builder {
        private String id;
        private Instant createdOn;
        private String organizationId;
        private String tenantId;
        private String actorId;
        private String actorName;
        private String actorEmail;
        private String eventType = "Login";
        private String eventSource = "Identity";
        private String eventTarget = "User";
        private String eventDetails = "{}";
        private String eventSummary = "";
        private int status = STATUS_SUCCEEDED;

        private Builder() {
        }

        /**
         * @param id the event id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param createdOn when it happened
         * @return this builder
         */
        public Builder createdOn(Instant createdOn) {
            this.createdOn = createdOn;
            return this;
        }

        /**
         * @param organizationId the organization id; the simulator fills in its own when null
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /**
         * @param tenantId the tenant id, null for an organization-level event
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * @param actorId the acting user's id
         * @return this builder
         */
        public Builder actorId(String actorId) {
            this.actorId = actorId;
            return this;
        }

        /**
         * @param actorName the acting user's name
         * @return this builder
         */
        public Builder actorName(String actorName) {
            this.actorName = actorName;
            return this;
        }

        /**
         * @param actorEmail the acting user's email
         * @return this builder
         */
        public Builder actorEmail(String actorEmail) {
            this.actorEmail = actorEmail;
            return this;
        }

        /**
         * @param eventType the activity type
         * @return this builder
         */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        /**
         * @param eventSource the emitting service
         * @return this builder
         */
        public Builder eventSource(String eventSource) {
            this.eventSource = eventSource;
            return this;
        }

        /**
         * @param eventTarget the category of the object acted on
         * @return this builder
         */
        public Builder eventTarget(String eventTarget) {
            this.eventTarget = eventTarget;
            return this;
        }

        /**
         * @param eventDetails the details string
         * @return this builder
         */
        public Builder eventDetails(String eventDetails) {
            this.eventDetails = eventDetails;
            return this;
        }

        /**
         * @param eventSummary the summary
         * @return this builder
         */
        public Builder eventSummary(String eventSummary) {
            this.eventSummary = eventSummary;
            return this;
        }

        /**
         * @param status 0 succeeded, 1 failed
         * @return this builder
         */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** @return the event */
        public UiPathUnifiedEvent build() {
            return new UiPathUnifiedEvent(this);
        }
    }
}
