package dev.auditsdk.boomi.model;

/** The documented values of an entry's {@code level}; the field is open, other values pass through. */
public final class BoomiLevel {
    /** Debug detail. */
    public static final String DEBUG = "DEBUG";
    /** The action failed; normalized as {@link dev.auditsdk.core.model.Outcome#FAILURE}. */
    public static final String ERROR = "ERROR";
    /** Normal activity. */
    public static final String INFO = "INFO";
    /** Completed with a warning. */
    public static final String WARNING = "WARNING";

    private BoomiLevel() {
    }
}
