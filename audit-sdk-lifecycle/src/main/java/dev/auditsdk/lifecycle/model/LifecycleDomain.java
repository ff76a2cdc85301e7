package dev.auditsdk.lifecycle.model;

/**
 * Known values of an event's {@link LifecycleAuditEntry#domain() domain} (the functional area
 * of IQ Server). The domain is an open string: servers add areas in new releases, so compare
 * with these constants rather than expecting only them.
 */
public final class LifecycleDomain {
    /** Logins and logouts. */
    public static final String AUTHENTICATION = "authentication";
    /** Reads of the audit log itself (each read adds an {@code export} event). */
    public static final String AUDIT_LOG = "audit-log";
    /** Server lifecycle: start and stop. */
    public static final String SERVER = "server";
    /** Applications. */
    public static final String APPLICATION = "application";
    /** Organizations. */
    public static final String ORGANIZATION = "organization";
    /** Policies. */
    public static final String POLICY = "policy";
    /** Policy waivers. */
    public static final String POLICY_WAIVER = "policy-waiver";
    /** User accounts. */
    public static final String USER = "user";
    /** User tokens. */
    public static final String USER_TOKEN = "user-token";
    /** Roles. */
    public static final String ROLE = "role";
    /** Role memberships (who holds which role where). */
    public static final String ROLE_MEMBERSHIP = "role-membership";
    /** The product license. */
    public static final String LICENSE = "license";

    private LifecycleDomain() {
    }
}
