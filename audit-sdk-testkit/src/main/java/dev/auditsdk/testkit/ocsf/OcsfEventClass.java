package dev.auditsdk.testkit.ocsf;

/** A resolved OCSF event class: its {@link OcsfType}, {@code class_uid} and category. */
public final class OcsfEventClass {
    private final OcsfType type;
    private final int uid;
    private final int categoryUid;
    private final String categoryCaption;

    OcsfEventClass(OcsfType type, int uid, int categoryUid, String categoryCaption) {
        this.type = type;
        this.uid = uid;
        this.categoryUid = categoryUid;
        this.categoryCaption = categoryCaption;
    }

    /** @return the class's attributes, profiles and constraints */
    public OcsfType type() {
        return type;
    }

    /** @return the {@code class_uid}: category uid times 1000 plus the class's own uid */
    public int uid() {
        return uid;
    }

    /** @return the {@code category_uid} */
    public int categoryUid() {
        return categoryUid;
    }

    /** @return the {@code category_name} */
    public String categoryCaption() {
        return categoryCaption;
    }
}
