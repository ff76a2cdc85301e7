package dev.auditsdk.informatica.model;

/**
 * The documented values of an audit-log entry's {@link InformaticaAuditEntry#event() event}
 * (the action performed). The event is an open string: other codes occur (for example on
 * {@link AuditLogCategory#AUTH} entries), so compare with these constants rather than expecting only them.
 */
public final class AuditLogEventCode {
    /** A tag was added. */
    public static final String ADD_TAG = "ADD_TAG";
    /** Created. */
    public static final String CREATE = "CREATE";
    /** Deleted. */
    public static final String DELETE = "DELETE";
    /** Deregistered (an agent). */
    public static final String DEREGISTER = "DEREGISTER";
    /** Disabled. */
    public static final String DISABLE = "DISABLE";
    /** Downloaded. */
    public static final String DOWNLOAD = "DOWNLOAD";
    /** Edited. */
    public static final String EDIT = "EDIT";
    /** Encrypted. */
    public static final String ENCRYPT = "ENCRYPT";
    /** Exported. */
    public static final String EXPORT = "EXPORT";
    /** State fetched. */
    public static final String FETCHSTATE = "FETCHSTATE";
    /** Imported. */
    public static final String IMPORT = "IMPORT";
    /** Linked. */
    public static final String LINK = "LINK";
    /** State loaded. */
    public static final String LOADSTATE = "LOADSTATE";
    /** Made the default. */
    public static final String MAKE_DEFAULT = "MAKE_DEFAULT";
    /** Migrated. */
    public static final String MIGRATED = "MIGRATED";
    /** Connections moved to an agent. */
    public static final String MOVE_CONNS_TO_AGENT = "MOVE_CONNS_TO_AGENT";
    /** Connections moved to Informatica on-demand. */
    public static final String MOVE_CONNS_TO_IOD = "MOVE_CONNS_TO_IOD";
    /** Published. */
    public static final String PUBLISH = "PUBLISH";
    /** Reconciled. */
    public static final String RECONCILE = "RECONCILE";
    /** Registered (an agent). */
    public static final String REGISTER = "REGISTER";
    /** A tag was removed. */
    public static final String REMOVE_TAG = "REMOVE_TAG";
    /** Registration retried. */
    public static final String RETRY_REGISTRATION = "RETRY_REGISTRATION";
    /** Run. */
    public static final String RUN = "RUN";
    /** Stopped. */
    public static final String STOP = "STOP";
    /** Updated. */
    public static final String UPDATE = "UPDATE";
    /** Permissions updated. */
    public static final String UPDATE_PERMISSION = "UPDATE_PERMISSION";
    /** Version 1 (documented, meaning not described). */
    public static final String VERSION1 = "VERSION1";
    /** Version 2 (documented, meaning not described). */
    public static final String VERSION2 = "VERSION2";
    /** Version 3 (documented, meaning not described). */
    public static final String VERSION3 = "VERSION3";
    /** Version 4 (documented, meaning not described). */
    public static final String VERSION4 = "VERSION4";
    /** Version 5 (documented, meaning not described). */
    public static final String VERSION5 = "VERSION5";
    /** Version 6 (documented, meaning not described). */
    public static final String VERSION6 = "VERSION6";
    /** Version 7 (documented, meaning not described). */
    public static final String VERSION7 = "VERSION7";

    private AuditLogEventCode() {
    }
}
