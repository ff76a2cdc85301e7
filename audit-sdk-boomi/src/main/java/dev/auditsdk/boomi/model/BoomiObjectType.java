package dev.auditsdk.boomi.model;

/** Documented values of an entry's {@code type}, the kind of object acted on; the field is open. */
public final class BoomiObjectType {
    /** The account: sign-in ({@code ON_ENTRY}), sign-out, settings. */
    public static final String ACCOUNT = "account";
    /** A trusted IP address of the account. */
    public static final String ACCOUNT_IP_ADDRESS = "account-ip_address";
    /** The account's Support Access Role. */
    public static final String ACCOUNT_ACCESS = "as.account.access";
    /** A user of the account. */
    public static final String USER = "user";
    /** A user's API token. */
    public static final String USER_TOKEN = "user.token";
    /** A role. */
    public static final String ROLE = "role";
    /** A runtime (Atom). */
    public static final String ATOM = "as.atom";
    /** Environment extension values. */
    public static final String EXTENSIONS = "as.extensions";
    /** A component. */
    public static final String COMPONENT = "component";
    /** An environment. */
    public static final String ENVIRONMENT = "environment";

    private BoomiObjectType() {
    }
}
