package dev.auditsdk.boomi.model;

/** The documented values of an entry's {@code source}: where the action was taken. */
public final class BoomiSource {
    /** Through the Platform API. */
    public static final String API = "API";
    /** By the platform itself. */
    public static final String INTERNAL = "INTERNAL";
    /** From the mobile app. */
    public static final String MOBILE = "MOBILE";
    /** From the web UI. */
    public static final String UI = "UI";
    /** Not recorded. */
    public static final String UNKNOWN = "UNKNOWN";

    private BoomiSource() {
    }
}
