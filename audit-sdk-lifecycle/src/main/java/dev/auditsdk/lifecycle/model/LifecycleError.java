package dev.auditsdk.lifecycle.model;

/**
 * Known values of an event's optional {@link LifecycleAuditEntry#error() error} attribute,
 * present when the audited action failed. An open string: expect others.
 */
public final class LifecycleError {
    /** The request was malformed. */
    public static final String BAD_REQUEST = "bad-request";
    /** The credentials were refused. */
    public static final String BAD_AUTHENTICATION = "bad-authentication";

    private LifecycleError() {
    }
}
