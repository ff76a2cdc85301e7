package dev.auditsdk.boomi.model;

/** Documented values of an entry's {@code action}; the field is open, other values pass through. */
public final class BoomiAction {
    /** Something was added. */
    public static final String ADD = "ADD";
    /** Something was edited. */
    public static final String EDIT = "EDIT";
    /** Something was updated. */
    public static final String UPDATE = "UPDATE";
    /** Something was deleted. */
    public static final String DELETE = "DELETE";
    /** A process or operation was run. */
    public static final String EXECUTE = "EXECUTE";
    /** Something was downloaded (logs, documents, artifacts). */
    public static final String DOWNLOAD = "DOWNLOAD";
    /** A sign-in or account switch (with modifier {@code SUCCESS}; failed sign-ins are not audited). */
    public static final String ON_ENTRY = "ON_ENTRY";
    /** A sign-out, including a forced one. */
    public static final String LOGOUT = "LOGOUT";

    private BoomiAction() {
    }
}
