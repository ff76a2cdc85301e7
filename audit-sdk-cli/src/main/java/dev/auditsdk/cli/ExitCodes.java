package dev.auditsdk.cli;

/** The exit codes of {@code auditlog}; scripts may rely on them. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure (a bug, or the output could not be written). */
    public static final int SOFTWARE = 1;
    /** A usage error: unknown or missing option, bad value, unusable checkpoint file. */
    public static final int USAGE = 2;
    /** The vendor refused the credentials, or they lack a permission. */
    public static final int AUTH = 3;
    /** The vendor answered with another error. */
    public static final int API = 4;
    /** The vendor sent data that cannot be read. */
    public static final int DATA = 5;
    /** The vendor could not be reached, after retries. */
    public static final int NETWORK = 6;
    /** A {@code pull} or {@code export} was stopped by SIGINT/SIGTERM before it finished (its checkpoint is saved). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
