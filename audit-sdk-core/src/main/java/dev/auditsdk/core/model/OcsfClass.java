package dev.auditsdk.core.model;

/**
 * The OCSF event classes audit entries are mapped to. {@link #API_ACTIVITY} is the fallback
 * for anything that is neither authentication, account change nor entity management;
 * {@link #BASE_EVENT} is what an event becomes when the vendor's data cannot fill the required
 * attributes of the class it asked for (see {@link AuditEvent#toOcsf()}).
 */
public enum OcsfClass {
    /** OCSF 3001, Identity &amp; Access Management category: users, groups, roles, tokens. */
    ACCOUNT_CHANGE(3001, "Account Change", 3, "Identity & Access Management"),
    /** OCSF 3002: logon and logoff attempts. */
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
    /** OCSF 3004: creation, change and deletion of managed entities (configuration, components, assets). */
    ENTITY_MANAGEMENT(3004, "Entity Management", 3, "Identity & Access Management"),
    /** OCSF 6003: any other API or user activity; the fallback. */
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity"),
    /** OCSF 0, the generic Base Event: time, message, status and metadata, with vendor details under {@code unmapped}. */
    BASE_EVENT(0, "Base Event", 0, "Uncategorized");

    private final int uid;
    private final String caption;
    private final int categoryUid;
    private final String categoryName;

    OcsfClass(int uid, String caption, int categoryUid, String categoryName) {
        this.uid = uid;
        this.caption = caption;
        this.categoryUid = categoryUid;
        this.categoryName = categoryName;
    }

    /** @return the OCSF {@code class_uid} */
    public int uid() {
        return uid;
    }

    /** @return the OCSF {@code class_name} */
    public String caption() {
        return caption;
    }

    /** @return the OCSF {@code category_uid} */
    public int categoryUid() {
        return categoryUid;
    }

    /** @return the OCSF {@code category_name} */
    public String categoryName() {
        return categoryName;
    }
}
