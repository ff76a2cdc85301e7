package dev.auditsdk.testkit.uipath;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One entry of the classic Platform Management audit log ({@code /audit_/api/auditlogs}) as
 * the simulator stores and serves it. The classic API has no id field, so neither has this.
 */
public final class UiPathClassicEntry {
    private final OffsetDateTime createdOn;
    private final String category;
    private final String action;
    private final String auditLogDetails;
    private final String userName;
    private final String email;
    private final String message;
    private final String detailsVersion;
    private final String source;

    private UiPathClassicEntry(Builder b) {
        // the API serves 100 ns ticks (7 fractional digits)
        OffsetDateTime t = Objects.requireNonNull(b.createdOn, "createdOn");
        this.createdOn = t.withNano(t.getNano() / 100 * 100);
        this.category = b.category;
        this.action = b.action;
        this.auditLogDetails = b.auditLogDetails;
        this.userName = b.userName;
        this.email = b.email;
        this.message = b.message;
        this.detailsVersion = b.detailsVersion;
        this.source = b.source;
    }

    /** @return a new builder with the sample's defaults (category User, action Login, source Cis) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder pre-filled with this entry's values */
    public Builder toBuilder() {
        return new Builder().createdOn(createdOn).category(category).action(action).auditLogDetails(auditLogDetails)
                .userName(userName).email(email).message(message).detailsVersion(detailsVersion).source(source);
    }

    /** @return when the entry was created, with the offset it is served with */
    public OffsetDateTime createdOn() {
        return createdOn;
    }

    /** @return {@link #createdOn()} as an instant */
    public Instant instant() {
        return createdOn.toInstant();
    }

    /** @return the category, e.g. {@code User} */
    public String category() {
        return category;
    }

    /** @return the action, e.g. {@code Login} */
    public String action() {
        return action;
    }

    /** @return the details: normally a JSON document encoded as a string; may be any text or null */
    public String auditLogDetails() {
        return auditLogDetails;
    }

    /** @return the acting user's display name */
    public String userName() {
        return userName;
    }

    /** @return the acting user's email (often empty) */
    public String email() {
        return email;
    }

    /** @return the human-readable message */
    public String message() {
        return message;
    }

    /** @return the details format version, e.g. {@code 1.0} */
    public String detailsVersion() {
        return detailsVersion;
    }

    /** @return the emitting service, e.g. {@code Cis} */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "UiPathClassicEntry{" + createdOn + " " + category + "/" + action + " by " + userName + "}";
    }

    /** Builds a {@link UiPathClassicEntry}. */
    public static final class Builder {
        private OffsetDateTime createdOn;
        private String category = "User";
        private String action = "Login";
        private String auditLogDetails = "{}";
        private String userName = "System Administrator";
        private String email = "";
        private String message = "";
        private String detailsVersion = "1.0";
        private String source = "Cis";

        private Builder() {
        }

        /**
         * @param createdOn creation time with the offset to serve it with
         * @return this builder
         */
        public Builder createdOn(OffsetDateTime createdOn) {
            this.createdOn = createdOn;
            return this;
        }

        /**
         * @param createdOn creation time, served with offset {@code +00:00}
         * @return this builder
         */
        public Builder createdOn(Instant createdOn) {
            this.createdOn = createdOn.atOffset(ZoneOffset.UTC);
            return this;
        }

        /**
         * @param category the category
         * @return this builder
         */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * @param action the action
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * @param auditLogDetails the details string (JSON or not), or null
         * @return this builder
         */
        public Builder auditLogDetails(String auditLogDetails) {
            this.auditLogDetails = auditLogDetails;
            return this;
        }

        /**
         * @param userName the acting user's name
         * @return this builder
         */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /**
         * @param email the acting user's email
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * @param message the message
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * @param detailsVersion the details version
         * @return this builder
         */
        public Builder detailsVersion(String detailsVersion) {
            this.detailsVersion = detailsVersion;
            return this;
        }

        /**
         * @param source the emitting service
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** @return the entry */
        public UiPathClassicEntry build() {
            return new UiPathClassicEntry(this);
        }
    }
}
