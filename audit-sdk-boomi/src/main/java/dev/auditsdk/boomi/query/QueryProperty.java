package dev.auditsdk.boomi.query;

/** The {@code AuditLog} properties a query expression may test. */
public enum QueryProperty {
    /** The runtime, runtime cluster or runtime cloud id. */
    CONTAINER_ID("containerId"),
    /** The acting user (an email address). */
    USER_ID("userId"),
    /** The date, {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in UTC, whole seconds. */
    DATE("date"),
    /** The object type, e.g. {@code as.atom}. */
    TYPE("type"),
    /** The action, e.g. {@code UPDATE}. */
    ACTION("action"),
    /** The action qualifier, e.g. {@code MANUAL}. */
    MODIFIER("modifier"),
    /** The severity level. */
    LEVEL("level"),
    /** Where the action was taken. */
    SOURCE("source");

    private final String wireName;

    QueryProperty(String wireName) {
        this.wireName = wireName;
    }

    /** @return the property name as the API spells it, e.g. {@code containerId} */
    public String wireName() {
        return wireName;
    }
}
