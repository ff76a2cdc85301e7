package dev.auditsdk.lifecycle.model;

/**
 * Known values of an event's {@link LifecycleAuditEntry#type() type} (the action within its
 * domain). An open string: compare with these constants, expect others.
 */
public final class LifecycleEventType {
    /** A login ({@code authentication} domain). */
    public static final String LOGIN = "login";
    /** A logout ({@code authentication} domain). */
    public static final String LOGOUT = "logout";
    /** A read of the audit log ({@code audit-log} domain). */
    public static final String EXPORT = "export";
    /** The server started ({@code server} domain). */
    public static final String START = "start";
    /** The server stopped ({@code server} domain). */
    public static final String STOP = "stop";
    /** Something was created. */
    public static final String CREATE = "create";
    /** Something was changed. */
    public static final String UPDATE = "update";
    /** Something was deleted. */
    public static final String DELETE = "delete";

    private LifecycleEventType() {
    }
}
