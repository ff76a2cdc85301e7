package dev.auditsdk.boomi.model;

/** Documented values of an entry's {@code modifier}, the action's qualifier; the field is open. */
public final class BoomiModifier {
    /** No qualifier. */
    public static final String NONE = "NONE";
    /** Done by hand. */
    public static final String MANUAL = "MANUAL";
    /** About authentication. */
    public static final String AUTHENTICATION = "AUTHENTICATION";
    /** About a trusted IP address (before January 2021: {@link #WHITELISTING}). */
    public static final String TRUSTEDIP = "TRUSTEDIP";
    /** The pre-2021 name of {@link #TRUSTEDIP}. */
    public static final String WHITELISTING = "WHITELISTING";
    /** The action succeeded (e.g. a sign-in). */
    public static final String SUCCESS = "SUCCESS";
    /** The action failed (e.g. a document download). */
    public static final String FAILURE = "FAILURE";

    private BoomiModifier() {
    }
}
